import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type HubOverride, hubConfigSchema, hubVersionSchema, roleHubSchema } from '@tessera/contracts';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { MY_HUB_QUERY_KEY } from '../../../lib/hub';

const path = (roleId: string, rest = '') => v1(`hubs/${encodeURIComponent(roleId)}${rest}`);
const key = (roleId: string) => ['hubs', roleId] as const;

export function useRoleHub(roleId: string | undefined) {
  return useQuery({
    queryKey: key(roleId ?? ''),
    queryFn: ({ signal }) => api.get(path(roleId as string), { schema: roleHubSchema, signal }),
    enabled: Boolean(roleId),
  });
}

export function useHubVersions(roleId: string | undefined) {
  return useQuery({
    queryKey: [...key(roleId ?? ''), 'versions'],
    queryFn: ({ signal }) =>
      api.get(path(roleId as string, '/versions'), { schema: z.array(hubVersionSchema), signal }),
    enabled: Boolean(roleId),
  });
}

function useHubChange<T>(roleId: string, request: (input: T) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: key(roleId) });
      await queryClient.invalidateQueries({ queryKey: MY_HUB_QUERY_KEY });
    },
  });
}

export const useSaveHub = (roleId: string) =>
  useHubChange(roleId, (input: { override: HubOverride; version: number; note?: string }) =>
    api.post(path(roleId, '/versions'), input),
  );

export const useRollbackHub = (roleId: string) =>
  useHubChange(roleId, (input: { toVersion: number; version: number }) =>
    api.post(path(roleId, '/rollback'), input),
  );

export const usePreviewHub = (roleId: string) =>
  useMutation({
    mutationFn: (override: HubOverride) =>
      api.post(path(roleId, '/preview'), { override }, { schema: hubConfigSchema }),
  });
