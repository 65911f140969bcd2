import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type PortalDocument,
  type PortalPayment,
  portalDocumentSchema,
  portalMeSchema,
  portalPaymentSchema,
} from '@tessera/contracts';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { fetchListPage } from '../../../lib/records/list-page';

export type PortalKindPath = 'quotes' | 'invoices';
const KEY = ['portal'] as const;

/** `GET /api/v1/portal/me`: the company this portal shows. */
export function usePortalMe() {
  return useQuery({
    queryKey: [...KEY, 'me'],
    queryFn: ({ signal }) => api.get(v1('portal/me'), { schema: portalMeSchema, signal }),
  });
}

/** My company's quotes or invoices, newest first (the first 100). */
export function usePortalDocuments(kind: PortalKindPath) {
  return useQuery({
    queryKey: [...KEY, kind],
    queryFn: ({ signal }) =>
      fetchListPage(v1(`portal/${kind}`), portalDocumentSchema, { limit: 100, sort: '-issueDate' }, signal),
  });
}

/** Payments received on my company's invoices. */
export function usePortalPayments() {
  return useQuery({
    queryKey: [...KEY, 'payments'],
    queryFn: ({ signal }) =>
      api.get<PortalPayment[]>(v1('portal/payments'), {
        schema: z.array(portalPaymentSchema),
        query: { limit: 100 },
        signal,
      }),
  });
}

/** Accept or decline a sent quote (with the version I saw: a change meanwhile is a 409). */
export function useDecideQuote() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ quote, action }: { quote: PortalDocument; action: 'accept' | 'decline' }) =>
      api.post(v1(`portal/quotes/${quote.id}/${action}`), {}, { schema: portalDocumentSchema }),
    onSettled: () => client.invalidateQueries({ queryKey: [...KEY, 'quotes'] }),
  });
}

/** The PDF of one of my documents, as a blob. */
export const fetchPortalPdf = async (kind: PortalKindPath, id: string) =>
  (await api.send<Blob>('GET', v1(`portal/${kind}/${id}/pdf`), { responseType: 'blob' })).data;
