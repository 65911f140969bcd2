import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type Agent,
  type Appointment,
  type AppointmentCreateInput,
  type AppointmentType,
  agentSchema,
  appointmentSchema,
  appointmentTypeSchema,
  type Slot,
  slotSchema,
} from '@tessera/contracts';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { isApiClientError } from '../../../lib/api-error';
import { v1 } from '../../../lib/endpoints';
import { fetchAll } from '../../../lib/fetch-all';

/**
 * Query keys live under the real-time areas (`record.changed` for `appointment` refetches `['appointments']`),
 * so an appointment booked, moved or cancelled elsewhere shows up here without a reload.
 */
export const appointmentsKey = (from: string, to: string, agentId?: string) => [
  'appointments',
  'calendar',
  from,
  to,
  agentId ?? 'all',
];
export const AGENTS_KEY = ['scheduling_agents', 'all'];
export const TYPES_KEY = ['appointment_types', 'all'];

export const useAgents = (enabled = true) =>
  useQuery({
    queryKey: AGENTS_KEY,
    queryFn: ({ signal }) => fetchAll<Agent>(v1('scheduling/agents'), agentSchema, { signal }),
    enabled,
  });

export const useAppointmentTypes = (enabled = true) =>
  useQuery({
    queryKey: TYPES_KEY,
    queryFn: ({ signal }) =>
      fetchAll<AppointmentType>(v1('scheduling/types'), appointmentTypeSchema, { signal }),
    enabled,
  });

/** Appointments that overlap [from, to) (every status), optionally of one agent. */
export const useAppointments = (from: string, to: string, agentId?: string, enabled = true) =>
  useQuery({
    enabled,
    queryKey: appointmentsKey(from, to, agentId),
    queryFn: ({ signal }) =>
      fetchAll<Appointment>(v1('scheduling/appointments'), appointmentSchema, {
        signal,
        query: { from, to, sort: 'startsAt', ...(agentId ? { agentId } : {}) },
      }),
  });

const conflictDetails = z.object({ nextSlots: z.array(slotSchema) });
/** The next free slots a 409 CONFLICT of a booking or move carries (empty for other errors). */
export function nextSlotsOf(error: unknown): Slot[] {
  if (!isApiClientError(error) || error.status !== 409) return [];
  const parsed = conflictDetails.safeParse(error.details);
  return parsed.success ? parsed.data.nextSlots : [];
}

export interface Reschedule {
  id: string;
  version: number;
  startsAt: string;
  endsAt: string;
  agentId?: string;
}

/**
 * Moves or resizes an appointment: the calendar shows it in its new place at once; a refusal (409: the agent
 * is busy then) puts it back and hands the error — with the next free slots — to `onRefused`.
 */
export function useReschedule(key: unknown[], onRefused: (error: unknown, move: Reschedule) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: Reschedule) =>
      api.patch(v1(`scheduling/appointments/${encodeURIComponent(id)}`), body, { schema: appointmentSchema }),
    onMutate: async (move) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Appointment[]>(key);
      if (previous)
        queryClient.setQueryData<Appointment[]>(
          key,
          previous.map((a) => (a.id === move.id ? { ...a, ...move, version: a.version } : a)),
        );
      return { previous };
    },
    onError: (error, move, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      onRefused(error, move);
    },
    onSettled: () => void queryClient.invalidateQueries({ queryKey: ['appointments'] }),
  });
}

export function useBookAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AppointmentCreateInput) =>
      api.post(v1('scheduling/appointments'), input, { schema: appointmentSchema }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['appointments'] }),
  });
}

export type StatusAction =
  | { kind: 'confirm' | 'no-show' }
  | { kind: 'cancel'; reason?: string }
  | { kind: 'complete'; outcome: NonNullable<Appointment['outcome']>; notes?: string };

/** `POST /scheduling/appointments/:id/<confirm|cancel|complete|no-show>`. */
export function useStatusAction() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ appointment, action }: { appointment: Appointment; action: StatusAction }) => {
      const { kind, ...body } = action;
      return api.post(
        v1(`scheduling/appointments/${encodeURIComponent(appointment.id)}/${kind}`),
        { ...body, version: appointment.version },
        { schema: appointmentSchema },
      );
    },
    onSuccess: (_a, { action }) => {
      void queryClient.invalidateQueries({ queryKey: ['appointments'] });
      // Completing with "qualified" qualifies the lead.
      if (action.kind === 'complete') void queryClient.invalidateQueries({ queryKey: ['leads'] });
    },
  });
}
