import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  companySchema,
  type documentCreateInput,
  documentSchema,
  type documentUpdateInput,
  type Payment,
  paymentSchema,
  productSchema,
  type SalesDocument,
  taxRateSchema,
} from '@tessera/contracts';
import { z } from 'zod';
import { usePermission } from '../../../hooks/use-permission';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { fetchListPage } from '../../../lib/records/list-page';
import { createRecordHooks } from '../../../lib/records/record-hooks';

export type DocumentKindPath = 'invoices' | 'quotes';
type Create = z.input<typeof documentCreateInput>;
type Update = z.input<typeof documentUpdateInput>;

/** `/api/v1/invoices` and `/api/v1/quotes` through the record kit (one shape, two collections). */
export const documentRecords = {
  invoices: createRecordHooks<SalesDocument, Create, Update>({ path: 'invoices', schema: documentSchema }),
  quotes: createRecordHooks<SalesDocument, Create, Update>({ path: 'quotes', schema: documentSchema }),
};

/** Products and tax rates for the line editor's pickers (first 100, by name). */
export function useCatalog() {
  const products = useQuery({
    queryKey: ['products', 'picker'],
    queryFn: ({ signal }) =>
      fetchListPage(v1('products'), productSchema, { limit: 100, sort: 'name', active: 'true' }, signal),
  });
  const rates = useQuery({
    queryKey: ['tax-rates', 'picker'],
    queryFn: ({ signal }) =>
      fetchListPage(v1('tax-rates'), taxRateSchema, { limit: 100, sort: 'name' }, signal),
  });
  return {
    products: products.data?.items ?? [],
    rates: rates.data?.items ?? [],
    loading: products.isPending || rates.isPending,
  };
}

/** The payments of an invoice. */
export function usePayments(invoiceId: string, enabled = true) {
  return useQuery({
    queryKey: ['invoices', 'detail', invoiceId, 'payments'],
    queryFn: ({ signal }) =>
      api.get<Payment[]>(v1(`invoices/${invoiceId}/payments`), { schema: z.array(paymentSchema), signal }),
    enabled,
  });
}

/** `POST /api/v1/<path>` below a document (payments, credit notes, send…), refreshing the documents. */
export function useDocumentPost<I>(path: (input: I) => string, body: (input: I) => unknown = (i) => i) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => api.post(v1(path(input)), body(input)),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: ['invoices'] });
      void client.invalidateQueries({ queryKey: ['quotes'] });
      // Converting a quote can mark its deal won.
      void client.invalidateQueries({ queryKey: ['deals'] });
    },
  });
}

/** `DELETE /api/v1/payments/:id`. */
export function useDeletePayment() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete(v1(`payments/${id}`)),
    onSuccess: () => client.invalidateQueries({ queryKey: ['invoices'] }),
  });
}

/** The quotes or invoices of one deal (`?dealId=`, newest first; a deal has a handful). */
export function useDealDocuments(kind: DocumentKindPath, dealId: string, enabled = true) {
  return useQuery({
    queryKey: [kind, 'deal', dealId],
    queryFn: ({ signal }) =>
      fetchListPage(v1(kind), documentSchema, { dealId, limit: 50, sort: '-createdAt' }, signal),
    enabled,
  });
}

/**
 * Whom a document is for, as its page shows it: what it prints (`customer`) and, while a draft has not printed
 * its company's name and e-mail yet (issuing completes them), the company's — so "Send" offers the customer's
 * address. The company is read only for such a draft, with `companies.view`.
 */
export function useDocumentCustomer(doc: SalesDocument) {
  const incomplete = doc.status === 'draft' && (!doc.customer.name || !doc.customer.email);
  const allowed = usePermission('companies.view');
  const company = useQuery({
    queryKey: ['companies', 'detail', doc.companyId],
    queryFn: ({ signal }) => api.get(v1(`companies/${doc.companyId}`), { schema: companySchema, signal }),
    enabled: Boolean(doc.companyId) && incomplete && allowed,
    staleTime: 60_000,
  });
  return {
    name: doc.customer.name ?? company.data?.name ?? null,
    email: doc.customer.email ?? company.data?.email ?? null,
    loading: company.isLoading,
  };
}
