import type { Agent, Appointment, Slot } from '@tessera/contracts';
import { useMemo, useState } from 'react';
import { ErrorAlert } from '../../../components/ui/alert';
import { EmptyState } from '../../../components/ui/empty-state';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/skeleton';
import { useSession } from '../../../hooks/use-me';
import { usePermission } from '../../../hooks/use-permission';
import { errorMessage } from '../../../lib/api-error';
import { type PeopleDirectory, personName } from '../../../lib/people';
import { showToast } from '../../../stores/toast-store';
import {
  appointmentsKey,
  nextSlotsOf,
  type Reschedule,
  useAgents,
  useAppointments,
  useAppointmentTypes,
  useReschedule,
} from '../api/scheduling';
import {
  type CalendarView,
  dayLabel,
  movedTo,
  shiftAnchor,
  todayIn,
  viewDates,
  windowOf,
} from '../calendar-time';
import { AppointmentDrawer } from './appointment-drawer';
import { BookDialog } from './book-dialog';
import { CalendarToolbar } from './calendar-toolbar';
import { ConflictBanner } from './conflict-banner';
import { type GridColumn, TimeGrid } from './time-grid';

/**
 * The scheduling calendar: one agent's day or week, or the team's day (agents side by side), in the shown
 * agent's time zone. Click a free half hour to book, drag a block to move it, pull its bottom edge to change
 * its length (both optimistic; a 409 puts it back and offers the next free slots), click it for details.
 * Appointments booked or moved elsewhere arrive over the socket (`appointment` changes refetch the calendar).
 */
export function CalendarPage({ directory }: { directory: PeopleDirectory }) {
  const me = useSession();
  const canManage = usePermission('appointments.manage');
  const agents = useAgents();
  const types = useAppointmentTypes();
  const [view, setView] = useState<CalendarView>(() =>
    typeof window !== 'undefined' && window.innerWidth < 640 ? 'day' : 'week',
  );
  const [picked, setPicked] = useState<string>();
  const active = useMemo(() => (agents.data ?? []).filter((a) => a.active && !a.archivedAt), [agents.data]);
  const agent =
    active.find((a) => a.id === picked) ?? active.find((a) => a.userId === me.user.id) ?? active[0];
  const zone = (view === 'team' ? active[0]?.timeZone : agent?.timeZone) ?? 'UTC';
  const [anchor, setAnchor] = useState<string>();
  const date = anchor ?? todayIn(zone);
  const dates = viewDates(view, date);
  const win = windowOf(zone, dates);
  const agentFilter = view === 'team' ? undefined : agent?.id;
  const key = appointmentsKey(win.from, win.to, agentFilter);
  const appointments = useAppointments(win.from, win.to, agentFilter);
  const [openId, setOpenId] = useState<string | null>(null);
  const [booking, setBooking] = useState<{ agentId: string; startsAt: string } | null>(null);
  const [conflict, setConflict] = useState<{ message: string; slots: Slot[]; move: Reschedule } | null>(null);
  const reschedule = useReschedule(key, (error, move) => {
    const slots = nextSlotsOf(error);
    setConflict({ message: errorMessage(error), slots, move });
    showToast(`Not moved: ${errorMessage(error)}`, 'danger');
  });

  const nameOf = (a: Agent) =>
    a.userId === me.user.id ? `${me.user.name} (me)` : personName(directory, a.userId);
  const agentNameOf = (id: string | undefined) => {
    const a = active.find((x) => x.id === id);
    return a ? nameOf(a) : '';
  };
  const typeOf = (a: Appointment) => types.data?.find((t) => t.id === a.typeId);
  const columns: GridColumn[] =
    view === 'team'
      ? active.map((a) => ({ key: a.id, date, agentId: a.id, label: nameOf(a) }))
      : agent
        ? dates.map((d) => ({ key: d, date: d, agentId: agent.id, label: dayLabel(d) }))
        : [];
  const move = (a: Appointment, startsAt: string, endsAt: string, agentId?: string) => {
    setConflict(null);
    reschedule.mutate({
      id: a.id,
      version: a.version,
      startsAt,
      endsAt,
      ...(agentId && agentId !== a.agentId ? { agentId } : {}),
    });
  };
  const open = appointments.data?.find((a) => a.id === openId) ?? null;

  return (
    <div className="space-y-3 p-4">
      <PageHeader title="Calendar" description="Appointments of your agents, by day, week or team." />
      {agents.isPending ? (
        <Skeleton className="h-10 w-full" />
      ) : agents.isError ? (
        <ErrorAlert error={agents.error} title="Could not load the agents" onRetry={() => agents.refetch()} />
      ) : active.length === 0 ? (
        <EmptyState
          title="No agents yet"
          description="Set up who takes appointments, and when, under Settings → Availability."
        />
      ) : (
        <>
          <CalendarToolbar
            view={view}
            dates={dates}
            agents={active}
            agentId={agent?.id}
            zone={zone}
            nameOf={nameOf}
            onView={setView}
            onAgent={setPicked}
            onShift={(dir) => setAnchor(shiftAnchor(view, date, dir))}
            onToday={() => setAnchor(undefined)}
          />
          {conflict && (
            <ConflictBanner
              message={conflict.message}
              slots={conflict.slots}
              zone={zone}
              onClose={() => setConflict(null)}
              onPick={(slot) => {
                const a = appointments.data?.find((x) => x.id === conflict.move.id);
                if (!a) return;
                const length = Date.parse(a.endsAt) - Date.parse(a.startsAt);
                const end = new Date(Date.parse(slot.startsAt) + length).toISOString();
                move(a, slot.startsAt, end, slot.agentId);
              }}
            />
          )}
          {appointments.isError ? (
            <ErrorAlert
              error={appointments.error}
              title="Could not load the appointments"
              onRetry={() => appointments.refetch()}
            />
          ) : (
            <div aria-busy={appointments.isPending}>
              <TimeGrid
                columns={columns}
                zone={zone}
                appointments={appointments.data ?? []}
                titleOf={(a) => typeOf(a)?.name ?? 'Appointment'}
                colourOf={(a) => typeOf(a)?.colour ?? '#2563eb'}
                canManage={canManage}
                onOpen={(a) => setOpenId(a.id)}
                onSlot={(column, startsAt) => setBooking({ agentId: column.agentId, startsAt })}
                onDrop={(a, column, minutes) => {
                  const next = movedTo(a, zone, column.date, minutes);
                  if (next.startsAt === a.startsAt && column.agentId === a.agentId) return;
                  move(a, next.startsAt, next.endsAt, column.agentId);
                }}
                onResize={(a, endsAt) => move(a, a.startsAt, endsAt)}
              />
            </div>
          )}
        </>
      )}
      {booking && (
        <BookDialog
          open
          onClose={() => setBooking(null)}
          agents={active}
          types={types.data ?? []}
          agentId={booking.agentId}
          startsAt={booking.startsAt}
          zone={zone}
          nameOf={nameOf}
        />
      )}
      <AppointmentDrawer
        appointment={open}
        type={open ? typeOf(open) : undefined}
        agentName={agentNameOf(open?.agentId)}
        canManage={canManage}
        onClose={() => setOpenId(null)}
      />
    </div>
  );
}
