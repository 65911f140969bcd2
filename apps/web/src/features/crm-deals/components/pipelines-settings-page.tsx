import { pipelineCreateInput } from '@tessera/contracts';
import { useState } from 'react';
import { RecordFormDialog } from '../../../components/records/record-form';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Card, CardBody, CardHeader } from '../../../components/ui/card';
import { EmptyState } from '../../../components/ui/empty-state';
import { SelectField } from '../../../components/ui/form-field';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { usePipelines } from '../api/list-pipelines';
import { usePipelineChanges } from '../api/pipeline-changes';
import { PipelineEditor } from './pipeline-editor';

/** Stages a new pipeline starts with (edit them afterwards). */
const STARTER_STAGES = [
  { name: 'Qualification', probability: 10, kind: 'open' },
  { name: 'Proposal', probability: 50, kind: 'open' },
  { name: 'Won', probability: 100, kind: 'won' },
  { name: 'Lost', probability: 0, kind: 'lost' },
] as const;

/** `/settings/pipelines`: pick a pipeline and edit it, or create one (needs `pipelines.manage`). */
export function PipelinesSettingsPage() {
  useDocumentTitle('Pipelines');
  const pipelines = usePipelines();
  const { create } = usePipelineChanges();
  const [selected, setSelected] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  const pipeline =
    pipelines.data?.find((item) => item.id === selected) ??
    pipelines.data?.find((item) => item.isDefault) ??
    pipelines.data?.[0];

  const header = (
    <div className="flex flex-wrap items-end gap-2">
      {pipelines.data && pipelines.data.length > 1 && pipeline ? (
        <SelectField
          label="Pipeline"
          value={pipeline.id}
          options={pipelines.data.map((item) => ({
            value: item.id,
            label: `${item.name}${item.isDefault ? ' (default)' : ''}`,
          }))}
          onChange={(event) => setSelected(event.target.value)}
        />
      ) : null}
      <Button onClick={() => setCreating(true)}>New pipeline</Button>
    </div>
  );

  return (
    <>
      <Card aria-label="Pipelines">
        <CardHeader
          title="Pipelines and stages"
          description="The stages deals move through, their order and win probability."
        />
        <CardBody className="space-y-4">
          {header}
          {pipelines.error ? (
            <ErrorAlert
              error={pipelines.error}
              title="Could not load pipelines"
              onRetry={() => void pipelines.refetch()}
            />
          ) : !pipelines.data ? (
            <div className="space-y-2" aria-busy="true">
              <Skeleton className="h-9 w-1/2" />
              <Skeleton className="h-16 w-full" />
              <Skeleton className="h-16 w-full" />
            </div>
          ) : !pipeline ? (
            <EmptyState title="No pipeline yet" description="Create one to start tracking deals." />
          ) : (
            <PipelineEditor key={`${pipeline.id}:${pipeline.version}`} pipeline={pipeline} />
          )}
        </CardBody>
      </Card>
      <RecordFormDialog
        open={creating}
        title="New pipeline"
        description="It starts with Qualification, Proposal, Won and Lost; change them afterwards."
        size="md"
        schema={pipelineCreateInput}
        initialValues={{ name: '' }}
        fields={[{ name: 'name', label: 'Name', autoFocus: true, wide: true }]}
        toInput={(values) => ({ name: values.name, stages: STARTER_STAGES })}
        submitLabel="Create pipeline"
        onCancel={() => setCreating(false)}
        onSubmit={async (input) => {
          const made = await create.mutateAsync(input);
          setSelected(made.id);
          setCreating(false);
        }}
      />
    </>
  );
}
