import { VISIT_OUTCOMES, type Visit, type VisitOutcome } from '@tessera/contracts';
import { useState } from 'react';
import { RecordPanels } from '../../../components/records/record-panels';
import { ErrorAlert } from '../../../components/ui/alert';
import { usePermission } from '../../../hooks/use-permission';
import { showToast } from '../../../stores/toast-store';
import { useTerritories } from '../api/canvassing';
import { useAppointmentTypes, useRecordVisit, useSlots, useTodayStats } from '../api/record-visit';
import { OUTCOME_STYLE } from '../geo';

const field = 'w-full rounded-md border p-3 text-base';

/** Today's doors, contacts, appointments and sales (my row; managers see everyone's on the stats page). */
function TodayStats() {
  const stats = useTodayStats();
  if (stats.error) return <ErrorAlert error={stats.error} onRetry={() => void stats.refetch()} />;
  return (
    <dl
      className="grid grid-cols-2 gap-2 text-center sm:grid-cols-4"
      aria-label="Today"
      aria-busy={stats.isPending}
    >
      {(['doors', 'contacts', 'appointments', 'sales'] as const).map((k) => (
        <div key={k} className="rounded-md border p-2">
          <dt className="text-xs capitalize text-zinc-500">{k === 'doors' ? 'Doors knocked' : k}</dt>
          <dd className="text-xl font-semibold" data-testid={`stat-${k}`}>
            {stats.data ? stats.data.totals[k] : '…'}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * `/canvassing`: the canvasser's phone screen — address (or the device's position), outcome buttons, notes,
 * contact; for appointment_set a slot picker from the scheduling API. Interested / appointment / sale make
 * the door's lead on the server.
 */
export function RecordVisitPage() {
  const territories = useTerritories();
  const canBook = usePermission('appointments.manage');
  const record = useRecordVisit();
  const [territoryId, setTerritoryId] = useState('');
  const [address, setAddress] = useState('');
  const [position, setPosition] = useState<{ lat: number; lng: number } | null>(null);
  const [outcome, setOutcome] = useState<VisitOutcome | null>(null);
  const [notes, setNotes] = useState('');
  const [contactName, setContactName] = useState('');
  const [contactPhone, setContactPhone] = useState('');
  const [typeId, setTypeId] = useState('');
  const [slot, setSlot] = useState<{ agentId: string; startsAt: string } | null>(null);
  const [saved, setSaved] = useState<Visit | null>(null);
  const booking = outcome === 'appointment_set' && canBook;
  const types = useAppointmentTypes(booking);
  const slots = useSlots(booking && typeId ? typeId : undefined);

  const locate = () =>
    navigator.geolocation?.getCurrentPosition(
      (p) => setPosition({ lat: p.coords.latitude, lng: p.coords.longitude }),
      () => showToast('Your position is not available; type the address.', 'danger'),
    );
  const submit = () => {
    if (!outcome || !address.trim()) return;
    record.mutate(
      {
        address,
        outcome,
        territoryId: territoryId || null,
        ...(position ?? {}),
        notes: notes || null,
        contactName: contactName || null,
        contactPhone: contactPhone || null,
        ...(booking && slot && typeId ? { appointment: { typeId, ...slot } } : {}),
      },
      {
        onSuccess: (v) => {
          setSaved(v);
          showToast(v.leadId ? 'Visit saved — the lead is in your leads.' : 'Visit saved.', 'success');
          setAddress('');
          setOutcome(null);
          setNotes('');
          setContactName('');
          setContactPhone('');
          setSlot(null);
          setPosition(null);
        },
      },
    );
  };
  return (
    <div className="mx-auto max-w-md space-y-4 p-3">
      <h1 className="text-xl font-semibold">Record a visit</h1>
      <TodayStats />
      {territories.data && territories.data.length > 0 ? (
        <select
          className={field}
          aria-label="Territory"
          value={territoryId}
          onChange={(e) => setTerritoryId(e.target.value)}
        >
          <option value="">No territory</option>
          {territories.data.map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
        </select>
      ) : null}
      <input
        className={field}
        aria-label="Address"
        placeholder="Address"
        value={address}
        onChange={(e) => setAddress(e.target.value)}
      />
      <button type="button" className="text-sm text-sky-700 underline" onClick={locate}>
        {position
          ? `Position: ${position.lat.toFixed(5)}, ${position.lng.toFixed(5)}`
          : 'Use my current position'}
      </button>
      <fieldset className="grid grid-cols-2 gap-2">
        <legend className="mb-1 text-sm font-medium">Outcome</legend>
        {VISIT_OUTCOMES.map((o) => (
          <button
            key={o}
            type="button"
            aria-pressed={outcome === o}
            onClick={() => setOutcome(o)}
            className="rounded-md border-2 px-2 py-3 text-sm font-medium aria-pressed:text-white"
            style={{
              borderColor: OUTCOME_STYLE[o].color,
              background: outcome === o ? OUTCOME_STYLE[o].color : undefined,
            }}
          >
            {OUTCOME_STYLE[o].label}
          </button>
        ))}
      </fieldset>
      {outcome && outcome !== 'not_home' ? (
        <>
          <input
            className={field}
            aria-label="Contact name"
            placeholder="Contact name"
            value={contactName}
            onChange={(e) => setContactName(e.target.value)}
          />
          <input
            className={field}
            aria-label="Contact phone"
            placeholder="Phone"
            type="tel"
            value={contactPhone}
            onChange={(e) => setContactPhone(e.target.value)}
          />
        </>
      ) : null}
      {booking ? (
        <div className="space-y-2 rounded-md border p-3">
          <select
            className={field}
            aria-label="Appointment type"
            value={typeId}
            onChange={(e) => {
              setTypeId(e.target.value);
              setSlot(null);
            }}
          >
            <option value="">Appointment type…</option>
            {types.data?.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          {slots.isPending && typeId ? <p className="text-sm text-zinc-500">Loading free slots…</p> : null}
          {slots.error ? <ErrorAlert error={slots.error} /> : null}
          {slots.data?.length === 0 ? <p className="text-sm text-zinc-500">No free slot this week.</p> : null}
          <fieldset className="flex flex-wrap gap-2">
            <legend className="sr-only">Free slots</legend>
            {slots.data?.map((s) => (
              <button
                key={`${s.agentId}-${s.startsAt}`}
                type="button"
                aria-pressed={slot?.startsAt === s.startsAt && slot.agentId === s.agentId}
                className="rounded-md border px-2 py-1 text-sm aria-pressed:bg-violet-700 aria-pressed:text-white"
                onClick={() => setSlot({ agentId: s.agentId, startsAt: s.startsAt })}
              >
                {new Date(s.startsAt).toLocaleString([], {
                  weekday: 'short',
                  hour: '2-digit',
                  minute: '2-digit',
                })}
              </button>
            ))}
          </fieldset>
        </div>
      ) : null}
      <textarea
        className={field}
        aria-label="Notes"
        placeholder="Notes"
        value={notes}
        onChange={(e) => setNotes(e.target.value)}
      />
      {saved ? (
        <section aria-label="Last visit" className="space-y-1">
          <p className="text-sm text-zinc-600">
            Last visit: {saved.address}. Add a recording or a photo of the conversation:
          </p>
          {/* Audio recordings are documents of the visit; the files panel plays them. */}
          <RecordPanels type="visit" id={saved.id} />
        </section>
      ) : null}
      {record.error ? <ErrorAlert error={record.error} title="The visit was not saved" /> : null}
      <button
        type="button"
        className="w-full rounded-md bg-sky-700 px-4 py-3 text-base font-semibold text-white disabled:opacity-50"
        disabled={!outcome || !address.trim() || record.isPending}
        onClick={submit}
      >
        Save visit
      </button>
    </div>
  );
}
