import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type PortalAccess, portalAccessSchema } from '@tessera/contracts';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';

// Staff side of the customer portal (ADR 0035): who sees which company (`/api/v1/portal-access`, portal.manage).
const KEY = ['portal-access'] as const;

/** Every portal access of the company (e-mail, company, linked member or pending invitation). */
export function usePortalAccessList() {
  return useQuery({
    queryKey: KEY,
    queryFn: ({ signal }): Promise<PortalAccess[]> =>
      api.get(v1('portal-access'), { schema: z.array(portalAccessSchema), signal }),
  });
}

/** Lets an e-mail (a member, or someone invited later) see one company in the portal. */
export function useGrantPortalAccess() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; companyId: string }) =>
      api.post(v1('portal-access'), body, { schema: portalAccessSchema }),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}

/** Ends one access (the member stays a member). */
export function useRevokePortalAccess() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(v1(`portal-access/${id}`)),
    onSuccess: () => client.invalidateQueries({ queryKey: KEY }),
  });
}
