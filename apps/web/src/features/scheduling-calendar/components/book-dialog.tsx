import type { Agent, Appointment, AppointmentType, Slot } from '@tessera/contracts';
import { useState } from 'react';
import { Alert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogFooter } from '../../../components/ui/dialog';
import { FormField } from '../../../components/ui/form-field';
import { Input, Select, Textarea } from '../../../components/ui/input';
import { usePermission } from '../../../hooks/use-permission';
import { errorMessage } from '../../../lib/api-error';
import { showToast } from '../../../stores/toast-store';
import { type PartyKind, usePartyOptions } from '../api/parties';
import { nextSlotsOf, useBookAppointment } from '../api/scheduling';
import { clock, dayLabel } from '../calendar-time';
import { ConflictBanner } from './conflict-banner';

const BEST = 'best';

interface Props {
  open: boolean;
  onClose: () => void;
  agents: Agent[];
  types: AppointmentType[];
  agentId: string;
  startsAt: string;
  zone: string;
  nameOf: (agent: Agent) => string;
}

/**
 * "Book appointment" at a clicked time: a lead or contact, the type, and the agent — or "best agent", which
 * lets the server's booking strategy pick one (territory by postal code, skills, load) and shows why.
 */
export function BookDialog({ open, onClose, agents, types, zone, nameOf, ...initial }: Props) {
  const canLeads = usePermission('leads.view');
  const [kind, setKind] = useState<PartyKind>(canLeads ? 'lead' : 'contact');
  const [q, setQ] = useState('');
  const [partyId, setPartyId] = useState('');
  const [typeId, setTypeId] = useState(types[0]?.id ?? '');
  const [agentId, setAgentId] = useState(initial.agentId);
  const [startsAt, setStartsAt] = useState(initial.startsAt);
  const [postalCode, setPostalCode] = useState('');
  const [notes, setNotes] = useState('');
  const [booked, setBooked] = useState<Appointment | null>(null);
  const options = usePartyOptions(kind, q.trim(), open);
  const book = useBookAppointment();
  const party = partyId || options.data?.[0]?.id || '';
  const type = types.find((t) => t.id === typeId);
  const date = new Date(startsAt).toLocaleDateString('en-CA', { timeZone: zone });
  const agentName = (id: string) => {
    const a = agents.find((x) => x.id === id);
    return a ? nameOf(a) : 'an agent';
  };
  const submit = async () => {
    const created = await book.mutateAsync({
      typeId,
      startsAt,
      ...(agentId === BEST ? (postalCode.trim() ? { postalCode: postalCode.trim() } : {}) : { agentId }),
      ...(kind === 'lead' ? { leadId: party } : { contactId: party }),
      ...(notes.trim() ? { notes: notes.trim() } : {}),
    });
    if (created.assignment) setBooked(created);
    else {
      showToast(`Booked ${type?.name ?? 'the appointment'} at ${clock(startsAt, zone)}`, 'success');
      onClose();
    }
  };
  const takeSlot = (slot: Slot) => {
    setStartsAt(slot.startsAt);
    if (agentId !== BEST) setAgentId(slot.agentId);
    book.reset();
  };

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title="Book appointment"
      description={`${dayLabel(date)}, ${clock(startsAt, zone)} (${zone})`}
    >
      {booked ? (
        <div className="space-y-3" data-testid="booking-result">
          <Alert tone="success" title={`Booked with ${agentName(booked.agentId)}`}>
            <p>Why this agent: {booked.assignment?.reason}</p>
            <p className="mt-1 text-xs">
              Strategy {booked.assignment?.strategy.replace('_', ' ')}, {booked.assignment?.candidates}{' '}
              candidate(s).
            </p>
          </Alert>
          <DialogFooter>
            <Button onClick={onClose}>Done</Button>
          </DialogFooter>
        </div>
      ) : (
        <form
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            void submit().catch(() => {});
          }}
        >
          <div className="grid gap-3 sm:grid-cols-2">
            <FormField label="For">
              {(c) => (
                <Select
                  {...c}
                  value={kind}
                  onChange={(e) => {
                    setKind(e.target.value as PartyKind);
                    setPartyId('');
                  }}
                >
                  {canLeads && <option value="lead">Lead</option>}
                  <option value="contact">Contact</option>
                </Select>
              )}
            </FormField>
            <FormField label="Search">
              {(c) => (
                <Input {...c} value={q} placeholder="Name, email…" onChange={(e) => setQ(e.target.value)} />
              )}
            </FormField>
          </div>
          <FormField
            label={kind === 'lead' ? 'Lead' : 'Contact'}
            error={options.isError ? errorMessage(options.error) : undefined}
          >
            {(c) => (
              <Select {...c} value={party} required onChange={(e) => setPartyId(e.target.value)}>
                {(options.data ?? []).length === 0 && (
                  <option value="">{options.isPending ? 'Loading…' : 'No matches'}</option>
                )}
                {options.data?.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </Select>
            )}
          </FormField>
          <div className="grid gap-3 sm:grid-cols-2">
            <FormField label="Type">
              {(c) => (
                <Select {...c} value={typeId} onChange={(e) => setTypeId(e.target.value)}>
                  {types.map((t) => (
                    <option key={t.id} value={t.id}>
                      {t.name} ({t.durationMinutes} min)
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
            <FormField label="Agent">
              {(c) => (
                <Select {...c} value={agentId} onChange={(e) => setAgentId(e.target.value)}>
                  <option value={BEST}>Best agent (smart booking)</option>
                  {agents.map((a) => (
                    <option key={a.id} value={a.id}>
                      {nameOf(a)}
                    </option>
                  ))}
                </Select>
              )}
            </FormField>
          </div>
          {agentId === BEST && (
            <FormField label="Customer postal code" hint="Agents whose territory covers it come first.">
              {(c) => (
                <Input
                  {...c}
                  value={postalCode}
                  maxLength={20}
                  onChange={(e) => setPostalCode(e.target.value)}
                />
              )}
            </FormField>
          )}
          <FormField label="Notes">
            {(c) => (
              <Textarea
                {...c}
                rows={2}
                value={notes}
                maxLength={20_000}
                onChange={(e) => setNotes(e.target.value)}
              />
            )}
          </FormField>
          {book.isError && (
            <ConflictBanner
              message={errorMessage(book.error)}
              slots={nextSlotsOf(book.error)}
              zone={zone}
              onPick={takeSlot}
            />
          )}
          <DialogFooter>
            <Button variant="secondary" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" disabled={!party || !typeId || book.isPending}>
              {book.isPending ? 'Booking…' : 'Book'}
            </Button>
          </DialogFooter>
        </form>
      )}
    </Dialog>
  );
}
