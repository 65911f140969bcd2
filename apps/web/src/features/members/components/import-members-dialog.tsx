import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogFooter } from '../../../components/ui/dialog';
import { FormField } from '../../../components/ui/form-field';
import { Input } from '../../../components/ui/input';
import { Spinner } from '../../../components/ui/spinner';
import { useImportMembers } from '../api/import-members';
import { ImportReport } from './import-report';

const MAX_BYTES = 1_000_000;

/** "Import CSV": a file with the header `email,name,role`, sent as `text/csv`; then the per-row report. */
export function ImportMembersDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const importing = useImportMembers();
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();

  const close = () => {
    importing.reset();
    setFile(null);
    setFileError(undefined);
    onClose();
  };
  const submit = async () => {
    if (!file) return setFileError('Choose a CSV file');
    if (file.size > MAX_BYTES) return setFileError('The file is larger than 1 MB');
    importing.mutate(await file.text());
  };

  return (
    <Dialog open={open} onClose={close} title="Import members from CSV" size="lg" data-testid="import-dialog">
      {importing.data ? (
        <>
          <ImportReport report={importing.data} />
          <DialogFooter>
            <Button onClick={close}>Done</Button>
          </DialogFooter>
        </>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            void submit();
          }}
          className="space-y-4"
        >
          <p className="text-sm text-zinc-700 dark:text-zinc-300">
            The first line must be{' '}
            <code className="rounded bg-zinc-100 px-1 dark:bg-zinc-800">email,name,role</code>; the role is a
            role name (e.g. <em>Sales agent</em>). Everyone gets an invitation e-mail.
          </p>
          {importing.error ? <ErrorAlert error={importing.error} title="The file was not imported" /> : null}
          <FormField label="CSV file" error={fileError}>
            {(control) => (
              <Input
                {...control}
                type="file"
                accept=".csv,text/csv"
                className="py-1.5"
                onChange={(event) => {
                  setFile(event.target.files?.[0] ?? null);
                  setFileError(undefined);
                }}
              />
            )}
          </FormField>
          <DialogFooter>
            <Button variant="secondary" onClick={close}>
              Cancel
            </Button>
            <Button type="submit" disabled={importing.isPending}>
              {importing.isPending ? <Spinner /> : null}
              Import
            </Button>
          </DialogFooter>
        </form>
      )}
    </Dialog>
  );
}
