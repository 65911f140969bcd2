import { z } from 'zod';

/**
 * What the customer's quote link returns (`GET /api/public/quotes/:token`): the quote as the renderers see it
 * (integer minor units, quantities as decimal strings), its status and the seller's branding. The shape of
 * the server's `SalesDocumentView` (rendering/document-view.ts), the parts a web page shows.
 */
const address = z.object({
  line1: z.string().optional(),
  line2: z.string().optional(),
  postalCode: z.string().optional(),
  city: z.string().optional(),
  region: z.string().optional(),
  country: z.string().optional(),
});
const party = z.object({
  name: z.string(),
  address: address.optional(),
  taxId: z.string().optional(),
  registrationId: z.string().optional(),
  email: z.string().optional(),
  phone: z.string().optional(),
  contactName: z.string().optional(),
});
export const publicQuoteSchema = z.object({
  status: z.string(),
  decidedAt: z.string().nullable(),
  document: z.object({
    number: z.string().nullable(),
    issueDate: z.string(),
    dueDate: z.string().optional(),
    validUntil: z.string().optional(),
    currency: z.string(),
    locale: z.string(),
    seller: party,
    buyer: party,
    lines: z.array(
      z.object({
        position: z.number(),
        description: z.string(),
        sku: z.string().optional(),
        quantity: z.string(),
        unitLabel: z.string().optional(),
        unitPriceMinor: z.number(),
        discountMinor: z.number(),
        taxRateBp: z.number(),
        netMinor: z.number(),
        taxMinor: z.number(),
        totalMinor: z.number(),
      }),
    ),
    documentDiscountMinor: z.number(),
    taxBreakdown: z.array(
      z.object({ taxRateBp: z.number(), taxableMinor: z.number(), taxMinor: z.number() }),
    ),
    netMinor: z.number(),
    taxMinor: z.number(),
    totalMinor: z.number(),
    buyerReference: z.string().optional(),
    paymentTerms: z.string().optional(),
    notes: z.string().optional(),
  }),
  branding: z.object({
    primaryColor: z.string().nullable(),
    accentColor: z.string().nullable(),
    logo: z.boolean(),
  }),
});
export type PublicQuote = z.infer<typeof publicQuoteSchema>;

/** `POST /api/public/quotes/:token/accept|decline`. */
export const publicQuoteDecisionSchema = z.object({ status: z.string(), decidedAt: z.string().nullable() });
