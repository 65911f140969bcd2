import { useQuery } from '@tanstack/react-query';
import {
  companySchema,
  contactSchema,
  dealSchema,
  type Job,
  type JobCreateInput,
  jobCreateInput,
} from '@tessera/contracts';
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router';
import { RecordFormDialog } from '../../../components/records/record-form';
import { withCurrentOption } from '../../../components/records/use-company-options';
import { useCustomerOptions } from '../../../components/records/use-customer-options';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { Skeleton } from '../../../components/ui/skeleton';
import { usePermission } from '../../../hooks/use-permission';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { jobRecords } from '../api/jobs';
import { type JobPreset, jobFields, jobFormValues, toJobInput } from './job-fields';

type NamedArea = 'companies' | 'contacts' | 'deals';
const VIEW = { companies: 'companies.view', contacts: 'contacts.view', deals: 'deals.view' } as const;

/**
 * The name of the company / contact / deal a job names (its own key under that area: the area's changes
 * refresh it), only with that area's view permission.
 */
export function useCustomerName(area: NamedArea, id: string | null | undefined, enabled = true) {
  const allowed = usePermission(VIEW[area]);
  const query = useQuery({
    queryKey: [area, 'name', id],
    queryFn: async ({ signal }) => {
      const path = v1(`${area}/${encodeURIComponent(id ?? '')}`);
      if (area === 'companies') return (await api.get(path, { schema: companySchema, signal })).name;
      if (area === 'deals') return (await api.get(path, { schema: dealSchema, signal })).title;
      const contact = await api.get(path, { schema: contactSchema, signal });
      return `${contact.firstName} ${contact.lastName}`;
    },
    enabled: enabled && allowed && Boolean(id),
    staleTime: 60_000,
  });
  return query.data;
}

/**
 * The fields of the job form with the CRM's customer pickers (company, contact); the job's or the preset's
 * customer is always a choice, named, even beyond the pickers' first page.
 */
export function useJobFields(enabled: boolean, { job, preset }: { job?: Job; preset?: JobPreset } = {}) {
  const references = useCustomerOptions(enabled);
  const companyId = job?.companyId ?? preset?.companyId;
  const contactId = job?.contactId ?? preset?.contactId;
  const companyName = useCustomerName('companies', companyId, enabled);
  const contactName = useCustomerName('contacts', contactId, enabled);
  return useMemo(
    () =>
      jobFields({
        create: !job,
        companies:
          references.companies &&
          withCurrentOption(references.companies, companyId, companyName ?? 'Current company'),
        contacts:
          references.contacts &&
          withCurrentOption(references.contacts, contactId, contactName ?? 'Current contact'),
      }),
    [job, references.companies, references.contacts, companyId, companyName, contactId, contactName],
  );
}

/** What the jobs list and the "New job" buttons share: the create form, and the created job's page. */
export function useNewJobForm(enabled: boolean, preset: JobPreset = {}) {
  const create = jobRecords.useCreate();
  const fields = useJobFields(enabled, { preset });
  return {
    label: 'New job',
    submitLabel: 'Create job',
    schema: jobCreateInput,
    fields,
    initialValues: jobFormValues(undefined, preset),
    toInput: (values: Parameters<typeof toJobInput>[0]) => toJobInput(values),
    create: async (input: JobCreateInput) => `/jobs/${(await create.mutateAsync(input)).id}`,
  };
}

/** A deal's company and contact, for a job made from the deal's page (only with `deals.view`). */
function useDealParties(dealId: string | null) {
  const allowed = usePermission('deals.view');
  const query = useQuery({
    queryKey: ['deals', 'parties', dealId],
    queryFn: async ({ signal }) => {
      const deal = await api.get(v1(`deals/${encodeURIComponent(dealId ?? '')}`), {
        schema: dealSchema,
        signal,
      });
      return { companyId: deal.companyId, contactId: deal.contactId };
    },
    enabled: allowed && dealId !== null,
    staleTime: 60_000,
  });
  return { data: query.data, waiting: allowed && dealId !== null && query.isPending };
}

/**
 * "New job" for a customer or a deal (company, contact, deal and invoice pages): the job form with the
 * customer and deal filled in (from a deal: its company and contact too); opens the job once created. Only
 * with `jobs.manage`.
 */
export function NewJobButton({ preset, label = 'New job' }: { preset: JobPreset; label?: string }) {
  const canCreate = usePermission('jobs.manage');
  const [open, setOpen] = useState(false);
  const fromDeal = preset.dealId && !preset.companyId && !preset.contactId ? preset.dealId : null;
  const parties = useDealParties(open ? fromDeal : null);
  const form = useNewJobForm(open, { ...preset, ...parties.data });
  const navigate = useNavigate();
  if (!canCreate) return null;
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {label}
      </Button>
      {open && parties.waiting ? (
        <Dialog open onClose={() => setOpen(false)} title={form.label} size="lg">
          <div className="space-y-3" aria-busy="true">
            <Skeleton className="h-9 w-full" />
            <Skeleton className="h-9 w-2/3" />
            <span className="sr-only">Loading…</span>
          </div>
        </Dialog>
      ) : (
        <RecordFormDialog
          open={open}
          title={form.label}
          schema={form.schema}
          initialValues={form.initialValues}
          fields={form.fields}
          toInput={form.toInput}
          submitLabel={form.submitLabel}
          onCancel={() => setOpen(false)}
          onSubmit={async (input) => {
            const path = await form.create(input);
            setOpen(false);
            await navigate(path);
          }}
        />
      )}
    </>
  );
}
