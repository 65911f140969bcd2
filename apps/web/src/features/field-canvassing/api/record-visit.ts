import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  appointmentTypeSchema,
  canvassStatsSchema,
  slotSchema,
  type VisitCreateInput,
  visitSchema,
} from '@tessera/contracts';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { fetchAll } from '../../../lib/fetch-all';

/** Today's canvassing stats (the tenant's day; agents: only their own visits). */
export function useTodayStats() {
  return useQuery({
    queryKey: ['visits', 'stats', 'today'],
    queryFn: ({ signal }) => api.get(v1('visits/stats'), { schema: canvassStatsSchema, signal }),
  });
}

export function useRecordVisit() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: VisitCreateInput) => api.post(v1('visits'), input, { schema: visitSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['visits'] }),
  });
}

export function useAppointmentTypes(enabled: boolean) {
  return useQuery({
    queryKey: ['scheduling', 'types'],
    queryFn: ({ signal }) => fetchAll(v1('scheduling/types'), appointmentTypeSchema, { signal }),
    enabled,
  });
}

/** Free slots of a type over the next 7 days (the slot picker). */
export function useSlots(typeId: string | undefined) {
  return useQuery({
    queryKey: ['scheduling', 'slots', typeId],
    enabled: Boolean(typeId),
    queryFn: ({ signal }) => {
      const from = new Date();
      const to = new Date(from.getTime() + 7 * 86_400_000);
      return api.get(v1('scheduling/slots'), {
        query: { type: typeId as string, from: from.toISOString(), to: to.toISOString(), limit: 40 },
        schema: z.array(slotSchema),
        signal,
      });
    },
  });
}
