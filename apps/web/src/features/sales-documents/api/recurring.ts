import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  type DeliveryStatus,
  deliveryStatusSchema,
  type RecurringInvoice,
  type recurringInvoiceCreateInput,
  recurringInvoiceSchema,
  type recurringInvoiceUpdateInput,
  recurringRunListSchema,
  recurringRunSchema,
} from '@tessera/contracts';
import type { z } from 'zod';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { saveBlob } from '../../../lib/records/download';
import { createRecordHooks } from '../../../lib/records/record-hooks';
import type { DocumentKindPath } from './documents';

type Create = z.input<typeof recurringInvoiceCreateInput>;
type Update = z.input<typeof recurringInvoiceUpdateInput>;

/** `/api/v1/recurring-invoices` through the record kit. */
export const recurringRecords = createRecordHooks<RecurringInvoice, Create, Update>({
  path: 'recurring-invoices',
  schema: recurringInvoiceSchema,
});

/** The invoices a template made, newest period first. */
export function useRecurringRuns(id: string) {
  return useQuery({
    queryKey: ['recurring-invoices', 'detail', id, 'runs'],
    queryFn: ({ signal }) =>
      api.get(v1(`recurring-invoices/${id}/runs`), { schema: recurringRunListSchema, signal }),
  });
}

/** "Run now": the next period's invoice; refreshes the template, its runs and the invoices. */
export function useRunNow(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(v1(`recurring-invoices/${id}/run`), {}, { schema: recurringRunSchema }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['recurring-invoices'] });
      void client.invalidateQueries({ queryKey: ['invoices'] });
    },
  });
}

/** Per line ordered / delivered / open, and the delivery notes of a quote or an invoice. */
export function useDeliveries(kind: DocumentKindPath, id: string, enabled: boolean) {
  return useQuery({
    queryKey: [kind, 'detail', id, 'delivery-notes'],
    queryFn: ({ signal }): Promise<DeliveryStatus> =>
      api.get(v1(`${kind}/${id}/delivery-notes`), { schema: deliveryStatusSchema, signal }),
    enabled,
  });
}

/** `POST /<kind>/:id/delivery-notes`. */
export function useCreateDeliveryNote(kind: DocumentKindPath, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { lines: { lineId: string; quantity: string }[]; notes?: string }) =>
      api.post(v1(`${kind}/${id}/delivery-notes`), body),
    onSuccess: () => client.invalidateQueries({ queryKey: [kind, 'detail', id, 'delivery-notes'] }),
  });
}

/** `POST /delivery-notes/:id/cancel` (the version seen: a stale one is a 409). */
export function useCancelDeliveryNote(kind: DocumentKindPath, sourceId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; reason: string; version: number }) =>
      api.post(v1(`delivery-notes/${id}/cancel`), body),
    onSuccess: () => client.invalidateQueries({ queryKey: [kind, 'detail', sourceId, 'delivery-notes'] }),
  });
}

/** Downloads a delivery note's PDF. */
export const downloadDeliveryNote = async (id: string, number: string) => {
  const res = await api.send<Blob>('GET', v1(`delivery-notes/${id}/pdf`), { responseType: 'blob' });
  saveBlob(res.data, `${number}.pdf`);
};
