import { z } from 'zod';
import { email, isoDateTime, uuid } from '../primitives.ts';
import { listParams, sortParam } from '../records.ts';
import { documentSchema } from './documents.ts';
import { paymentSchema } from './payments.ts';

/**
 * The customer portal (ADR 0035): a member with portal access sees their company's sent quotes, issued
 * invoices and payments — the customer-facing fields only (no owner, deal, internal ids of the tenant).
 */
export const PORTAL_QUOTE_STATUSES = ['sent', 'accepted', 'declined', 'expired', 'invoiced'] as const;
export const PORTAL_INVOICE_STATUSES = ['issued', 'sent', 'partially_paid', 'paid', 'overdue'] as const;

export const portalDocumentSchema = documentSchema.pick({
  id: true,
  kind: true,
  number: true,
  status: true,
  issueDate: true,
  dueDate: true,
  currency: true,
  notes: true,
  buyerReference: true,
  customer: true,
  subtotalCents: true,
  discountCents: true,
  netCents: true,
  taxCents: true,
  totalCents: true,
  paidCents: true,
  creditedCents: true,
  balanceCents: true,
  taxBreakdown: true,
  sentAt: true,
  paidAt: true,
  decidedAt: true,
  lines: true,
});
export type PortalDocument = z.infer<typeof portalDocumentSchema>;

export const portalPaymentSchema = paymentSchema
  .pick({ id: true, invoiceId: true, paidOn: true, amountCents: true, method: true, reference: true })
  .extend({ invoiceNumber: z.string().nullable(), currency: z.string() });
export type PortalPayment = z.infer<typeof portalPaymentSchema>;

/** `GET /portal/me`: who the portal is for. */
export const portalMeSchema = z.object({
  company: z.object({ id: uuid, name: z.string() }),
  tenantName: z.string(),
});
export type PortalMe = z.infer<typeof portalMeSchema>;

const portalList = {
  limit: listParams.limit,
  cursor: listParams.cursor,
  sort: sortParam(['issueDate', 'number', 'createdAt'], '-issueDate'),
};
export const portalQuoteListQuery = z.strictObject(portalList);
export const portalInvoiceListQuery = z.strictObject(portalList);
export const portalPaymentListQuery = z.strictObject({ limit: listParams.limit });

/** Accept / decline: no body, or the version the customer saw. */
export const portalDecisionInput = z.strictObject({ version: z.number().int().min(1).optional() }).nullish();

/** Staff: which member (or invited e-mail) sees which company in the portal. */
export const portalAccessSchema = z.object({
  id: uuid,
  email: z.string(),
  userId: uuid.nullable(),
  companyId: uuid,
  companyName: z.string(),
  createdAt: isoDateTime,
});
export type PortalAccess = z.infer<typeof portalAccessSchema>;

/** Link a member (by e-mail) or a pending invitee to one company. */
export const portalAccessInput = z.strictObject({ email, companyId: uuid });

/** "Invite to portal" on a contact: invites the contact's e-mail with the customer role and links its company. */
export const portalInviteInput = z.strictObject({ contactId: uuid });
export const portalInviteResultSchema = z.object({
  access: portalAccessSchema,
  invited: z.boolean().describe('false when the e-mail already was a member: only the link was made'),
});
