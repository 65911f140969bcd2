import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { publicQuoteDecisionSchema, publicQuoteSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';

const base = (token: string) => `/api/public/quotes/${encodeURIComponent(token)}`;

/** The seller's logo behind the link (an `<img>` source). */
export const publicQuoteLogoUrl = (token: string) => `${base(token)}/logo`;

/** The quote behind the customer's signed link (no session; a bad or expired link is a 404). */
export function usePublicQuote(token: string) {
  return useQuery({
    queryKey: ['public-quote', token],
    queryFn: ({ signal }) => api.get(base(token), { schema: publicQuoteSchema, signal }),
    retry: false,
  });
}

/** Accept or decline once; the page reloads the quote afterwards (also after a 409: already decided). */
export function useDecideQuote(token: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (decision: 'accept' | 'decline') =>
      api.post(`${base(token)}/${decision}`, {}, { schema: publicQuoteDecisionSchema }),
    onSettled: () => client.invalidateQueries({ queryKey: ['public-quote', token] }),
  });
}
