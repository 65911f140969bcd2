import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  type AgentCreateInput,
  type AppointmentTypeCreateInput,
  agentSchema,
  appointmentTypeSchema,
} from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';

/** The calendar feature's list keys (agents, types) are refreshed after every change here. */
const AREAS = [['scheduling_agents'], ['appointment_types']];

function useInvalidate() {
  const queryClient = useQueryClient();
  return () => {
    for (const queryKey of AREAS) void queryClient.invalidateQueries({ queryKey });
  };
}

export function useSaveAgent() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (input: { id?: string; version?: number; body: Partial<AgentCreateInput> }) =>
      input.id
        ? api.patch(
            v1(`scheduling/agents/${encodeURIComponent(input.id)}`),
            { ...input.body, version: input.version },
            { schema: agentSchema },
          )
        : api.post(v1('scheduling/agents'), input.body, { schema: agentSchema }),
    onSuccess: done,
  });
}

export function useSaveType() {
  const done = useInvalidate();
  return useMutation({
    mutationFn: (input: { id?: string; version?: number; body: Partial<AppointmentTypeCreateInput> }) =>
      input.id
        ? api.patch(
            v1(`scheduling/types/${encodeURIComponent(input.id)}`),
            { ...input.body, version: input.version },
            { schema: appointmentTypeSchema },
          )
        : api.post(v1('scheduling/types'), input.body, { schema: appointmentTypeSchema }),
    onSuccess: done,
  });
}
