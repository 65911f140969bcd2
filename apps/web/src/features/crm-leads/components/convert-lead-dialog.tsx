import { type Lead, type LeadConvertResult, leadConvertInput } from '@tessera/contracts';
import { useState } from 'react';
import { RecordForm } from '../../../components/records/record-form';
import { RecordLink } from '../../../components/records/record-link';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogFooter } from '../../../components/ui/dialog';
import { usePermission } from '../../../hooks/use-permission';
import { optional, optionalCents } from '../../../lib/records/form-values';
import { useConvertLead } from '../api/convert-lead';

export interface PipelineChoice {
  id: string;
  name: string;
}

/** "Convert": contact + company, optionally a deal (title, pipeline, amount); then links to what was made. */
export function ConvertLeadDialog({
  lead,
  pipelines,
  open,
  onClose,
  onReload,
}: {
  lead: Lead;
  pipelines: readonly PipelineChoice[] | undefined;
  open: boolean;
  onClose: () => void;
  onReload: () => void;
}) {
  const canSeeMoney = usePermission('fields.money.view');
  const convert = useConvertLead();
  const [result, setResult] = useState<LeadConvertResult | null>(null);
  const close = () => {
    setResult(null);
    onClose();
  };
  const dealWanted = (values: Record<string, unknown>) => values.createDeal === true;
  return (
    <Dialog open={open} onClose={close} title="Convert lead" size="lg">
      {result ? (
        <ConvertResult result={result} onDone={close} />
      ) : (
        <RecordForm
          key={lead.version}
          schema={leadConvertInput}
          initialValues={{
            createDeal: true,
            dealTitle: lead.companyName ? `${lead.companyName} — ${lead.fullName}` : lead.fullName,
            pipelineId: pipelines?.[0]?.id ?? '',
            amountCents: lead.estimatedValueCents ? (lead.estimatedValueCents / 100).toFixed(2) : '',
          }}
          fields={[
            { name: 'createDeal', label: 'Create a deal', kind: 'checkbox' },
            { name: 'dealTitle', label: 'Deal title', wide: true, when: dealWanted },
            ...(pipelines && pipelines.length > 0
              ? [
                  {
                    name: 'pipelineId',
                    label: 'Pipeline',
                    kind: 'select' as const,
                    options: pipelines.map((p) => ({ value: p.id, label: p.name })),
                    when: dealWanted,
                  },
                ]
              : []),
            ...(canSeeMoney
              ? [{ name: 'amountCents', label: 'Amount', kind: 'money' as const, when: dealWanted }]
              : []),
          ]}
          toInput={(values) => {
            const deal = values.createDeal === true;
            return {
              createDeal: deal,
              ...(deal
                ? {
                    dealTitle: optional(values.dealTitle),
                    pipelineId: optional(values.pipelineId),
                    amountCents: canSeeMoney ? optionalCents(values.amountCents) : undefined,
                  }
                : {}),
              version: lead.version,
            };
          }}
          submitLabel="Convert lead"
          onCancel={close}
          conflict={{ what: 'This lead', onReload }}
          onSubmit={async (input) => setResult(await convert.mutateAsync({ ...input, id: lead.id }))}
        />
      )}
    </Dialog>
  );
}

function ConvertResult({ result, onDone }: { result: LeadConvertResult; onDone: () => void }) {
  const _link = 'font-medium text-indigo-600 hover:underline dark:text-indigo-400';
  return (
    <div data-testid="convert-result">
      <Alert tone="success" title="The lead was converted">
        <ul className="mt-1 space-y-1">
          <li>
            Contact:{' '}
            <RecordLink type="contact" id={result.contact.id}>
              {result.contact.firstName} {result.contact.lastName}
            </RecordLink>
          </li>
          {result.company ? (
            <li>
              Company:{' '}
              <RecordLink type="company" id={result.company.id}>
                {result.company.name}
              </RecordLink>
            </li>
          ) : null}
          {result.deal ? (
            <li>
              Deal:{' '}
              <RecordLink type="deal" id={result.deal.id}>
                {result.deal.title}
              </RecordLink>
            </li>
          ) : null}
        </ul>
      </Alert>
      <DialogFooter>
        <Button onClick={onDone}>Done</Button>
      </DialogFooter>
    </div>
  );
}
