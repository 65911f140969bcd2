import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { DialogFooter } from '../../../components/ui/dialog';
import { FormField, SelectField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { Spinner } from '../../../components/ui/spinner';
import { useImportJob } from '../api/get-import';
import { useStartImport } from '../api/start-import';
import {
  autoMapping,
  type ColumnMapping,
  DUPLICATE_HINTS,
  hasMappedColumn,
  type ImportEntity,
  mappingPayload,
  parseCsvHeader,
} from '../csv-mapping';
import { ImportProgress } from './import-progress';
import { ImportReport } from './import-report';
import { MappingStep } from './mapping-step';

const MAX_BYTES = 20 * 1024 * 1024;
type Duplicates = 'skip' | 'update' | 'create';

/**
 * Upload → mapping (read from the CSV header in the browser, proposed automatically) → "Check file" (dry
 * run, report) → "Start import" (progress, polled every second) → final report.
 */
export function ImportWizard({ entity, onDone }: { entity: ImportEntity; onDone: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [mapping, setMapping] = useState<ColumnMapping | null>(null);
  const [duplicates, setDuplicates] = useState<Duplicates>('skip');
  const [dryRunId, setDryRunId] = useState<string | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const start = useStartImport();
  const dryRun = useImportJob(dryRunId, entity);
  const real = useImportJob(importId, entity);

  const choose = async (chosen: File | null) => {
    setFile(chosen);
    setMapping(null);
    setDryRunId(null);
    setFileError(undefined);
    if (!chosen) return;
    if (chosen.size > MAX_BYTES) return setFileError('The file is larger than 20 MB');
    const headers = parseCsvHeader(await chosen.slice(0, 64 * 1024).text());
    if (headers.length === 0) return setFileError('The file has no header line');
    setMapping(autoMapping(headers, entity));
  };
  const run = (isDryRun: boolean) => {
    if (!file || !mapping) return;
    if (!hasMappedColumn(mapping)) return setFileError('Map at least one column');
    start.mutate(
      { entity, file, mapping: mappingPayload(mapping), dryRun: isDryRun, duplicates },
      { onSuccess: (id) => (isDryRun ? setDryRunId(id) : setImportId(id)) },
    );
  };

  if (importId) {
    const job = real.data;
    const over = job?.status === 'completed' || job?.status === 'failed';
    return (
      <div className="space-y-4">
        {real.error ? <ErrorAlert error={real.error} title="Could not follow the import" /> : null}
        {over && job ? <ImportReport job={job} /> : <ImportProgress job={job} />}
        <DialogFooter>
          <Button onClick={onDone} variant={over ? 'primary' : 'secondary'}>
            {over ? 'Done' : 'Close (keeps running)'}
          </Button>
        </DialogFooter>
      </div>
    );
  }

  const checked = dryRun.data?.status === 'completed' ? dryRun.data : null;
  const checking = start.isPending || (dryRunId !== null && !checked && dryRun.data?.status !== 'failed');
  return (
    <div className="space-y-4">
      <FormField label="CSV file" error={fileError} hint="The first line must name the columns.">
        {(control) => (
          <Input
            {...control}
            type="file"
            accept=".csv,text/csv"
            className="py-1.5"
            onChange={(event) => void choose(event.target.files?.[0] ?? null)}
          />
        )}
      </FormField>
      {mapping ? (
        <>
          <MappingStep
            entity={entity}
            mapping={mapping}
            onChange={(next) => {
              setMapping(next);
              setDryRunId(null);
            }}
          />
          <SelectField
            label="Duplicates"
            value={duplicates}
            hint={DUPLICATE_HINTS[entity]}
            options={[
              { value: 'skip', label: 'Skip them' },
              { value: 'update', label: 'Update the existing record' },
              { value: 'create', label: 'Create them anyway' },
            ]}
            onChange={(event) => {
              setDuplicates(event.target.value as Duplicates);
              setDryRunId(null);
            }}
          />
        </>
      ) : null}
      {start.error ? <ErrorAlert error={start.error} title="The file was not accepted" /> : null}
      {dryRun.error ? <ErrorAlert error={dryRun.error} title="Could not check the file" /> : null}
      {checking && dryRunId ? <ImportProgress job={dryRun.data} /> : null}
      {dryRun.data && (checked || dryRun.data.status === 'failed') ? (
        <ImportReport job={dryRun.data} />
      ) : null}
      {!checked ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400" id="start-import-reason">
          {!mapping
            ? 'Choose a CSV file, then "Check file": "Start import" is enabled once the file has been checked.'
            : checking
              ? 'Checking the file… "Start import" is enabled when the check is complete.'
              : '"Start import" is enabled once the file has been checked: choose "Check file" first (nothing is written).'}
        </p>
      ) : null}
      <DialogFooter>
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button
          variant={checked ? 'secondary' : 'primary'}
          disabled={!mapping || checking}
          onClick={() => run(true)}
        >
          {checking ? <Spinner /> : null}
          Check file
        </Button>
        <Button
          disabled={!checked || start.isPending}
          aria-describedby={checked ? undefined : 'start-import-reason'}
          title={checked ? undefined : 'Check the file first'}
          onClick={() => run(false)}
        >
          Start import
        </Button>
      </DialogFooter>
    </div>
  );
}
