import type { Appointment } from '@tessera/contracts';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../../components/ui/alert';
import { Badge } from '../../../components/ui/badge';
import { buttonClasses } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { Skeleton } from '../../../components/ui/skeleton';
import { useSession } from '../../../hooks/use-me';
import { usePermission } from '../../../hooks/use-permission';
import { usePartyName } from '../api/parties';
import { useAgents, useAppointments, useAppointmentTypes } from '../api/scheduling';
import { clock, dayLabel, todayIn, windowOf } from '../calendar-time';
import { AppointmentDrawer } from './appointment-drawer';
import { CalendarFeedCard } from './calendar-feed-card';

function Card({
  a,
  typeName,
  colour,
  onOpen,
}: {
  a: Appointment;
  typeName: string;
  colour: string;
  onOpen: () => void;
}) {
  const kind = a.leadId ? 'lead' : 'contact';
  const allowed = usePermission(kind === 'lead' ? 'leads.view' : 'contacts.view');
  const party = usePartyName(kind, a.leadId ?? a.contactId, allowed);
  const over = a.status !== 'scheduled' && a.status !== 'confirmed';
  return (
    <li>
      <button
        type="button"
        onClick={onOpen}
        data-testid={`my-appointment-${a.id}`}
        className="flex w-full items-start gap-3 rounded-lg border border-l-4 p-4 text-left hover:bg-zinc-50 dark:hover:bg-zinc-800"
        style={{ borderLeftColor: colour }}
      >
        <span className={`w-16 shrink-0 text-lg font-semibold tabular-nums ${over ? 'text-zinc-400' : ''}`}>
          {clock(a.startsAt, a.timeZone)}
        </span>
        <span className="min-w-0 flex-1">
          <span className="block font-medium">
            {party.data ?? (kind === 'lead' ? 'A lead' : 'A contact')}
          </span>
          <span className="block text-sm text-zinc-600 dark:text-zinc-400">
            {typeName} · until {clock(a.endsAt, a.timeZone)}
            {a.location ? ` · ${a.location}` : ''}
          </span>
        </span>
        <Badge tone={a.status === 'confirmed' ? 'success' : over ? 'neutral' : 'info'}>
          {a.status.replace('_', ' ')}
        </Badge>
      </button>
    </li>
  );
}

/** "My day": the signed-in agent's appointments today, in their zone, big enough for a phone. */
export function MyDayPage() {
  const me = useSession();
  const agents = useAgents();
  const types = useAppointmentTypes();
  const mine = agents.data?.find((a) => a.userId === me.user.id);
  const zone = mine?.timeZone ?? 'UTC';
  const today = todayIn(zone);
  const win = windowOf(zone, [today]);
  const list = useAppointments(win.from, win.to, mine?.id, Boolean(mine));
  const [openId, setOpenId] = useState<string | null>(null);
  const canManage = usePermission('appointments.manage');
  const items = mine ? (list.data ?? []) : [];
  const open = items.find((a) => a.id === openId) ?? null;
  const typeOf = (a: Appointment) => types.data?.find((t) => t.id === a.typeId);
  return (
    <div className="mx-auto max-w-2xl space-y-4 p-4">
      <header className="flex items-end justify-between gap-2">
        <div>
          <h1 className="text-2xl font-semibold">My day</h1>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            {dayLabel(today)}
            {mine ? ` · ${zone}` : ''}
          </p>
        </div>
        <Link to="/scheduling" className={buttonClasses({ variant: 'secondary', size: 'sm' })}>
          Calendar
        </Link>
      </header>
      {agents.isPending || (mine && list.isPending) ? (
        <div className="space-y-2" aria-busy="true">
          <Skeleton className="h-16 w-full" />
          <Skeleton className="h-16 w-full" />
        </div>
      ) : agents.isError || list.isError ? (
        <ErrorAlert
          error={agents.error ?? list.error}
          title="Could not load your day"
          onRetry={() => void list.refetch()}
        />
      ) : !mine ? (
        <EmptyState
          title="You take no appointments"
          description="Ask a manager to set you up as an agent (Settings → Availability)."
        />
      ) : items.length === 0 ? (
        <EmptyState title="Nothing booked today" description="Free all day." />
      ) : (
        <ul className="space-y-2" aria-label="Today’s appointments">
          {items.map((a) => (
            <Card
              key={a.id}
              a={a}
              typeName={typeOf(a)?.name ?? 'Appointment'}
              colour={typeOf(a)?.colour ?? '#2563eb'}
              onOpen={() => setOpenId(a.id)}
            />
          ))}
        </ul>
      )}
      {mine && <CalendarFeedCard agentId={mine.id} />}
      <AppointmentDrawer
        appointment={open}
        type={open ? typeOf(open) : undefined}
        agentName="Me"
        canManage={canManage}
        onClose={() => setOpenId(null)}
      />
    </div>
  );
}
