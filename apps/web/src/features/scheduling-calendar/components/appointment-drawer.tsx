import { APPOINTMENT_OUTCOMES, type Appointment, type AppointmentType } from '@tessera/contracts';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { CloseIcon } from '../../../components/ui/icons';
import { Input, Select } from '../../../components/ui/input';
import { usePermission } from '../../../hooks/use-permission';
import { usePartyName } from '../api/parties';
import { type StatusAction, useStatusAction } from '../api/scheduling';
import { clock, dayLabel } from '../calendar-time';

const LOCATION: Record<string, string> = {
  on_site: 'At the customer',
  office: 'In the office',
  phone: 'Phone',
  video: 'Video call',
};
const TONE = {
  scheduled: 'info',
  confirmed: 'success',
  completed: 'neutral',
  no_show: 'warning',
  cancelled: 'danger',
} as const;
const label = (s: string) => s.replace('_', ' ');

/**
 * An appointment's details beside the calendar: when, who, where, the lead or contact (a link), and the
 * status moves the server allows — confirm, complete with an outcome ("qualified" qualifies the lead),
 * no-show, cancel with a reason.
 */
export function AppointmentDrawer({
  appointment: a,
  type,
  agentName,
  canManage,
  onClose,
}: {
  appointment: Appointment | null;
  type: AppointmentType | undefined;
  agentName: string;
  canManage: boolean;
  onClose: () => void;
}) {
  const kind = a?.leadId ? 'lead' : 'contact';
  const canSeeParty = usePermission(kind === 'lead' ? 'leads.view' : 'contacts.view');
  const party = usePartyName(kind, a?.leadId ?? a?.contactId ?? null, Boolean(a) && canSeeParty);
  const action = useStatusAction();
  const [outcome, setOutcome] = useState<(typeof APPOINTMENT_OUTCOMES)[number]>('qualified');
  const [reason, setReason] = useState('');
  const reset = action.reset;
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new appointment starts with a clean form
  useEffect(() => {
    reset();
    setReason('');
  }, [a?.id, reset]);
  useEffect(() => {
    const esc = (e: KeyboardEvent) => e.key === 'Escape' && onClose();
    window.addEventListener('keydown', esc);
    return () => window.removeEventListener('keydown', esc);
  }, [onClose]);
  if (!a) return null;
  const zone = a.timeZone;
  const date = new Date(a.startsAt).toLocaleDateString('en-CA', { timeZone: zone });
  const act = (value: StatusAction) => action.mutate({ appointment: a, action: value });
  const isActive = a.status === 'scheduled' || a.status === 'confirmed';
  const partyPath = a.leadId ? `/leads/${a.leadId}` : `/contacts/${a.contactId}`;
  return (
    <aside
      aria-label="Appointment"
      data-testid="appointment-drawer"
      className="fixed inset-y-0 right-0 z-40 flex w-full flex-col gap-4 overflow-y-auto border-l border-zinc-200 dark:border-zinc-800 bg-white p-5 shadow-xl sm:w-96 dark:bg-zinc-900"
    >
      <header className="flex items-start justify-between gap-2">
        <div>
          <h2 className="text-lg font-semibold">{type?.name ?? 'Appointment'}</h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {dayLabel(date)}, {clock(a.startsAt, zone)}–{clock(a.endsAt, zone)} ({zone})
          </p>
        </div>
        <Button variant="ghost" size="sm" className="w-8 px-0" aria-label="Close" onClick={onClose}>
          <CloseIcon className="size-4" />
        </Button>
      </header>
      <dl className="grid grid-cols-[7rem_1fr] gap-y-2 text-sm">
        <dt className="text-zinc-500">Status</dt>
        <dd>
          <Badge tone={TONE[a.status]} data-testid="appointment-status">
            {label(a.status)}
          </Badge>
          {a.outcome ? <span className="ml-2">{label(a.outcome)}</span> : null}
        </dd>
        <dt className="text-zinc-500">{kind === 'lead' ? 'Lead' : 'Contact'}</dt>
        <dd>
          {canSeeParty ? (
            <Link className="text-indigo-700 underline dark:text-indigo-300" to={partyPath}>
              {party.data ?? (party.isError ? 'Open' : 'Loading…')}
            </Link>
          ) : (
            'Not visible to you'
          )}
        </dd>
        <dt className="text-zinc-500">Agent</dt>
        <dd>{agentName}</dd>
        <dt className="text-zinc-500">Where</dt>
        <dd>
          {LOCATION[a.locationKind]}
          {a.location ? ` · ${a.location}` : ''}
        </dd>
        {a.notes ? (
          <>
            <dt className="text-zinc-500">Notes</dt>
            <dd className="whitespace-pre-wrap">{a.notes}</dd>
          </>
        ) : null}
        {a.cancelReason ? (
          <>
            <dt className="text-zinc-500">Why cancelled</dt>
            <dd>{a.cancelReason}</dd>
          </>
        ) : null}
      </dl>
      {action.isError && <ErrorAlert error={action.error} title="Not changed" />}
      {canManage && isActive && (
        <div className="space-y-3 border-t border-zinc-200 dark:border-zinc-800 pt-4">
          {a.status === 'scheduled' && (
            <Button className="w-full" disabled={action.isPending} onClick={() => act({ kind: 'confirm' })}>
              Confirm
            </Button>
          )}
          <div className="flex gap-2">
            <Select
              aria-label="Outcome"
              value={outcome}
              onChange={(e) => setOutcome(e.target.value as typeof outcome)}
            >
              {APPOINTMENT_OUTCOMES.map((o) => (
                <option key={o} value={o}>
                  {label(o)}
                </option>
              ))}
            </Select>
            <Button disabled={action.isPending} onClick={() => act({ kind: 'complete', outcome })}>
              Complete
            </Button>
          </div>
          <Button
            variant="secondary"
            className="w-full"
            disabled={action.isPending}
            onClick={() => act({ kind: 'no-show' })}
          >
            No-show
          </Button>
          <div className="flex gap-2">
            <Input
              aria-label="Reason"
              placeholder="Reason (optional)"
              value={reason}
              maxLength={2000}
              onChange={(e) => setReason(e.target.value)}
            />
            <Button
              variant="danger"
              disabled={action.isPending}
              onClick={() => act({ kind: 'cancel', ...(reason.trim() ? { reason: reason.trim() } : {}) })}
            >
              Cancel
            </Button>
          </div>
        </div>
      )}
    </aside>
  );
}
