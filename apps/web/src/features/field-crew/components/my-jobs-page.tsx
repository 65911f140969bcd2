import { useQueryClient } from '@tanstack/react-query';
import type { Job, JobStatus } from '@tessera/contracts';
import { useCallback, useEffect, useState } from 'react';
import { RecordPanels } from '../../../components/records/record-panels';
import { showToast } from '../../../stores/toast-store';
import { useMyJobsToday } from '../api/my-jobs';
import { enqueueStep, flushQueue, readQueue } from '../api/status-queue';

const NEXT: Partial<Record<JobStatus, { to: JobStatus; label: string }>> = {
  dispatched: { to: 'en_route', label: 'On my way' },
  en_route: { to: 'on_site', label: 'Arrived on site' },
  on_site: { to: 'completed', label: 'Complete job' },
};
const button =
  'w-full rounded-md bg-sky-700 px-4 py-3 text-base font-semibold text-white disabled:opacity-50';
const time = (iso: string | null) =>
  iso ? new Date(iso).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : '–';

/** The status a job shows here: the server's, or the last one queued on this device and not sent yet. */
const shownStatus = (job: Job): JobStatus =>
  readQueue()
    .filter((s) => s.jobId === job.id)
    .at(-1)?.body.status ?? job.status;

function JobCard({ job, onStep }: { job: Job; onStep: (job: Job, to: JobStatus, extra?: object) => void }) {
  const status = shownStatus(job);
  const next = NEXT[status];
  const [done, setDone] = useState(() => job.checklist.map((i) => i.done));
  const [signature, setSignature] = useState('');
  const [notes, setNotes] = useState('');
  const maps = job.siteAddress
    ? `https://www.google.com/maps/search/?api=1&query=${encodeURIComponent(
        job.siteLat != null && job.siteLng != null ? `${job.siteLat},${job.siteLng}` : job.siteAddress,
      )}`
    : null;
  return (
    <article
      className="space-y-3 rounded-lg border p-4"
      data-testid={`my-job-${job.id}`}
      aria-label={job.title}
    >
      <header>
        <h2 className="text-lg font-semibold">{job.title}</h2>
        <p className="text-sm text-zinc-500">
          {time(job.scheduledStart)}–{time(job.scheduledEnd)} ·{' '}
          <span data-testid="job-status">{status.replace('_', ' ')}</span>
        </p>
      </header>
      {job.siteAddress && (
        <p>
          {job.siteAddress}
          {maps && (
            <a className="ml-2 text-sky-700 underline" href={maps} target="_blank" rel="noreferrer">
              Map
            </a>
          )}
        </p>
      )}
      {job.customerPhone && (
        <a className="block text-sky-700 underline" href={`tel:${job.customerPhone}`}>
          Call {job.customerName ?? 'the customer'} ({job.customerPhone})
        </a>
      )}
      {job.description && <p className="text-sm">{job.description}</p>}
      {job.checklist.length > 0 && (
        <fieldset className="space-y-1">
          <legend className="text-sm font-medium">Checklist</legend>
          {job.checklist.map((item, i) => (
            <label key={item.label} className="flex items-center gap-2 py-1">
              <input
                type="checkbox"
                className="size-5"
                checked={done[i] ?? false}
                disabled={status === 'completed'}
                onChange={(e) => setDone((d) => d.map((v, k) => (k === i ? e.target.checked : v)))}
              />
              {item.label}
            </label>
          ))}
        </fieldset>
      )}
      {next?.to === 'completed' && (
        <div className="space-y-2">
          <textarea
            className="w-full rounded-md border p-2"
            placeholder="Notes"
            value={notes}
            onChange={(e) => setNotes(e.target.value)}
            aria-label="Completion notes"
          />
          <input
            className="w-full rounded-md border p-2"
            placeholder="Customer's name (signature)"
            value={signature}
            onChange={(e) => setSignature(e.target.value)}
            aria-label="Customer's name (signature)"
          />
        </div>
      )}
      <details data-testid="job-photos">
        <summary className="cursor-pointer py-1 text-sm font-medium text-sky-700">Photos and files</summary>
        {/* The documents panel (registered by the app): upload from the camera or gallery, thumbnails. */}
        <RecordPanels type="job" id={job.id} />
      </details>
      {next && (
        <button
          type="button"
          className={button}
          onClick={() =>
            onStep(
              job,
              next.to,
              next.to === 'completed'
                ? { checklistDone: done, signatureName: signature || null, completionNotes: notes || null }
                : undefined,
            )
          }
        >
          {next.label}
        </button>
      )}
    </article>
  );
}

/**
 * "My jobs today" for a crew member's phone: the next job first, with map and call links, status buttons
 * and the checklist. A status change is queued on the device with its time and sent at once — or when the
 * connection comes back — under its own Idempotency-Key, so a replay is applied once with its original time.
 */
export function MyJobsPage() {
  const jobs = useMyJobsToday();
  const queryClient = useQueryClient();
  const [pending, setPending] = useState(() => readQueue().length);
  const flush = useCallback(async () => {
    await flushQueue((m) => showToast(m, 'danger'));
    setPending(readQueue().length);
    void queryClient.invalidateQueries({ queryKey: ['jobs'] });
  }, [queryClient]);
  useEffect(() => {
    void flush();
    window.addEventListener('online', flush);
    return () => window.removeEventListener('online', flush);
  }, [flush]);
  const step = (job: Job, to: JobStatus, extra?: object) => {
    enqueueStep(job.id, { status: to, ...extra });
    setPending(readQueue().length);
    void flush();
  };
  const open = (jobs.data ?? []).filter((j) => !['completed', 'cancelled'].includes(shownStatus(j)));
  const closed = (jobs.data ?? []).filter((j) => !open.includes(j));
  return (
    <div className="mx-auto max-w-md space-y-4 p-3">
      <h1 className="text-xl font-semibold">My jobs today</h1>
      {pending > 0 && (
        <p role="status" className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">
          {pending} change{pending === 1 ? '' : 's'} waiting for a connection; they will be sent with their
          time.
        </p>
      )}
      {jobs.isPending && <p className="text-zinc-500">Loading your jobs…</p>}
      {jobs.isError && <p className="text-red-700">Your jobs could not be loaded: {jobs.error.message}</p>}
      {jobs.data?.length === 0 && <p className="text-zinc-500">No jobs for you today.</p>}
      {open[0] && <p className="text-sm font-medium text-zinc-500">Next job</p>}
      {open.map((job) => (
        <JobCard key={`${job.id}-${job.version}`} job={job} onStep={step} />
      ))}
      {closed.length > 0 && <h2 className="pt-2 text-sm font-medium text-zinc-500">Done today</h2>}
      {closed.map((job) => (
        <JobCard key={`${job.id}-${job.version}`} job={job} onStep={step} />
      ))}
    </div>
  );
}
