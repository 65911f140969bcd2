import type { Job } from '@tessera/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogFooter } from '../../../components/ui/dialog';
import { SelectField, TextField } from '../../../components/ui/form-field';
import { Spinner } from '../../../components/ui/spinner';
import { usePermission } from '../../../hooks/use-permission';
import { localToIso } from '../../../lib/records/form-values';
import { useAssignJob, useCrews } from '../api/jobs';
import { canAssignJob } from '../job-status';
import { isoToLocalInput } from './job-fields';

/** The window an assignment proposes: the job's, else the next full hour for its estimated time (1 h). */
export function proposedWindow(job: Job, now = new Date()): { start: string; end: string } {
  if (job.scheduledStart && job.scheduledEnd)
    return { start: isoToLocalInput(job.scheduledStart), end: isoToLocalInput(job.scheduledEnd) };
  const start = new Date(now);
  start.setMinutes(0, 0, 0);
  start.setHours(start.getHours() + 1);
  const end = new Date(start.getTime() + (job.estimatedMinutes ?? 60) * 60_000);
  return { start: isoToLocalInput(start.toISOString()), end: isoToLocalInput(end.toISOString()) };
}

/**
 * "Assign crew" / "Reassign" (`jobs.dispatch`): a crew — the ones the dispatch board shows — and the window,
 * sent as the board's drop (`POST /jobs/:id/assign`). A scheduled job given a crew is dispatched; the API's
 * 409 (the crew is booked then: it names the other job) is shown in the dialog.
 */
export function AssignCrewButton({ job }: { job: Job }) {
  const canDispatch = usePermission('jobs.dispatch');
  const [open, setOpen] = useState(false);
  if (!canDispatch || !canAssignJob(job)) return null;
  return (
    <>
      <Button variant="secondary" onClick={() => setOpen(true)}>
        {job.crewId ? 'Reassign' : 'Assign crew'}
      </Button>
      {open ? <AssignCrewDialog job={job} onClose={() => setOpen(false)} /> : null}
    </>
  );
}

function AssignCrewDialog({ job, onClose }: { job: Job; onClose: () => void }) {
  const crews = useCrews();
  const assign = useAssignJob();
  const window = proposedWindow(job);
  const [crewId, setCrewId] = useState(job.crewId ?? '');
  const [start, setStart] = useState(window.start);
  const [end, setEnd] = useState(window.end);
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <Dialog open onClose={onClose} title={job.crewId ? 'Reassign job' : 'Assign crew'} size="md">
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          const scheduledStart = localToIso(start);
          const scheduledEnd = localToIso(end);
          if (!scheduledStart || !scheduledEnd) return setProblem('Enter when the job starts and ends.');
          if (scheduledEnd <= scheduledStart) return setProblem('The window must end after it starts.');
          setProblem(null);
          assign.mutate(
            { id: job.id, crewId: crewId || null, scheduledStart, scheduledEnd, version: job.version },
            { onSuccess: onClose },
          );
        }}
      >
        {crews.error ? (
          <ErrorAlert
            error={crews.error}
            title="Could not load the crews"
            onRetry={() => void crews.refetch()}
          />
        ) : null}
        <SelectField
          label="Crew"
          value={crewId}
          disabled={crews.isPending && crews.allowed}
          options={[
            {
              value: '',
              label: crews.isPending && crews.allowed ? 'Loading crews…' : 'No crew (unassigned)',
            },
            ...(crews.data ?? []).map((crew) => ({
              value: crew.id,
              label: crew.skills.length ? `${crew.name} (${crew.skills.join(', ')})` : crew.name,
            })),
          ]}
          onChange={(event) => setCrewId(event.target.value)}
        />
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="From"
            type="datetime-local"
            value={start}
            onChange={(event) => setStart(event.target.value)}
          />
          <TextField
            label="To"
            type="datetime-local"
            value={end}
            onChange={(event) => setEnd(event.target.value)}
          />
        </div>
        {problem ? <ErrorAlert error={null} message={problem} title="Check the window" /> : null}
        {assign.error ? <ErrorAlert error={assign.error} title="The job was not assigned" /> : null}
        <DialogFooter>
          <Button variant="secondary" onClick={onClose}>
            Cancel
          </Button>
          <Button type="submit" disabled={assign.isPending}>
            {assign.isPending ? <Spinner /> : null}
            {crewId ? 'Assign' : 'Unassign'}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
