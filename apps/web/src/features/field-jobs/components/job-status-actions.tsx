import { useQueryClient } from '@tanstack/react-query';
import type { Job, JobStatusInput } from '@tessera/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogFooter } from '../../../components/ui/dialog';
import { TextareaField, TextField } from '../../../components/ui/form-field';
import { CheckboxField } from '../../../components/ui/input';
import { Spinner } from '../../../components/ui/spinner';
import { usePermission } from '../../../hooks/use-permission';
import { jobRecords, useJobStatus } from '../api/jobs';
import { type JobStatusAction, jobStatusActions } from '../job-status';

/**
 * The job's next status steps as buttons (`jobs.work`): only what the flow allows from here. A plain step is
 * sent at once; completing asks for notes, the checklist's results and the customer's name, holding and
 * cancelling for a reason. A refusal (the job moved meanwhile: 409) is shown and the page reloads the job.
 */
export function JobStatusActions({ job }: { job: Job }) {
  const canWork = usePermission('jobs.work');
  const change = useJobStatus();
  const queryClient = useQueryClient();
  const [asking, setAsking] = useState<JobStatusAction | null>(null);
  if (!canWork) return null;
  const actions = jobStatusActions(job);
  // A refused step (409: the job moved meanwhile, e.g. the crew's phone was quicker) reloads the job, so the
  // buttons show the steps from where it is now; the message stays until the next click.
  const send = (input: Omit<JobStatusInput, 'version'>) =>
    change.mutateAsync({ id: job.id, version: job.version, ...input }).catch((error: unknown) => {
      void queryClient.invalidateQueries({ queryKey: jobRecords.key });
      throw error;
    });
  return (
    <>
      {actions.map((action) => (
        <Button
          key={action.to}
          variant={action.variant}
          disabled={change.isPending}
          onClick={() => {
            change.reset();
            if (action.asksDetails) setAsking(action);
            else void send({ status: action.to }).catch(() => undefined);
          }}
        >
          {action.label}
        </Button>
      ))}
      {change.error && !asking ? (
        <ErrorAlert error={change.error} title="The status was not changed" className="w-full" />
      ) : null}
      {asking ? (
        <StatusDetailsDialog
          job={job}
          action={asking}
          pending={change.isPending}
          error={change.error}
          onClose={() => {
            change.reset();
            setAsking(null);
          }}
          onSend={async (input) => {
            await send(input);
            setAsking(null);
          }}
        />
      ) : null}
    </>
  );
}

function StatusDetailsDialog({
  job,
  action,
  pending,
  error,
  onClose,
  onSend,
}: {
  job: Job;
  action: JobStatusAction;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSend: (input: Omit<JobStatusInput, 'version'>) => Promise<void>;
}) {
  const completing = action.to === 'completed';
  const [note, setNote] = useState('');
  const [notes, setNotes] = useState('');
  const [signature, setSignature] = useState('');
  const [done, setDone] = useState(() => job.checklist.map((item) => item.done));
  const blank = (value: string) => value.trim() || undefined;
  return (
    <Dialog open onClose={onClose} title={action.label} size="md">
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          const input: Omit<JobStatusInput, 'version'> = completing
            ? {
                status: action.to,
                completionNotes: blank(notes),
                signatureName: blank(signature),
                ...(job.checklist.length > 0 ? { checklistDone: done } : {}),
              }
            : { status: action.to, note: blank(note) };
          void onSend(input).catch(() => undefined);
        }}
      >
        {completing ? (
          <>
            {job.checklist.length > 0 ? (
              <fieldset className="space-y-2">
                <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">Checklist</legend>
                {job.checklist.map((item, i) => (
                  <CheckboxField
                    // biome-ignore lint/suspicious/noArrayIndexKey: checklist items are positional
                    key={i}
                    label={item.label}
                    checked={done[i] ?? false}
                    onChange={(event) =>
                      setDone((current) =>
                        current.map((value, j) => (j === i ? event.target.checked : value)),
                      )
                    }
                  />
                ))}
              </fieldset>
            ) : null}
            <TextareaField
              label="Completion notes"
              rows={3}
              maxLength={5000}
              value={notes}
              onChange={(event) => setNotes(event.target.value)}
            />
            <TextField
              label="Customer’s name (signature)"
              maxLength={200}
              value={signature}
              onChange={(event) => setSignature(event.target.value)}
            />
          </>
        ) : (
          <TextareaField
            label="Reason"
            hint="Kept in the status history"
            rows={3}
            maxLength={1000}
            value={note}
            onChange={(event) => setNote(event.target.value)}
          />
        )}
        {error ? <ErrorAlert error={error} title="The status was not changed" /> : null}
        <DialogFooter>
          <Button variant="secondary" onClick={onClose}>
            Back
          </Button>
          <Button
            type="submit"
            variant={action.variant === 'danger' ? 'danger' : 'primary'}
            disabled={pending}
          >
            {pending ? <Spinner /> : null}
            {action.label}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
