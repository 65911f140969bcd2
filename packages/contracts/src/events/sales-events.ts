import { z } from 'zod';
import { uuid } from '../primitives.ts';
import { defineEvents } from './define-event.ts';

// Payloads carry ids, numbers and statuses; never money fields (webhooks and sockets read amounts from the API).
const id = uuid;
const doc = { invoiceId: id, number: z.string(), companyId: id.nullable(), ownerId: id.nullable() };

/** Sales events: invoices, quotes, credit notes and payments. */
export const salesEvents = defineEvents({
  'invoice.issued': {
    description: 'A draft invoice was issued: it got its number and is fixed from now on.',
    payload: z.strictObject(doc),
  },
  'invoice.sent': {
    description: 'An invoice was e-mailed to the customer.',
    payload: z.strictObject({ ...doc, to: z.array(z.string()).max(20) }),
  },
  'invoice.paid': {
    description: 'An invoice has no open balance left (payments and credit notes cover it).',
    payload: z.strictObject(doc),
  },
  'invoice.overdue': {
    description: 'An issued invoice passed its due date with an open balance.',
    payload: z.strictObject(doc),
  },
  'invoice.voided': {
    description: 'An invoice was voided.',
    payload: z.strictObject(doc),
  },
  'payment.recorded': {
    description: 'A payment was recorded against an invoice.',
    payload: z.strictObject({ paymentId: id, invoiceId: id }),
  },
  'payment.deleted': {
    description: 'A payment was deleted; the invoice balance reopened.',
    payload: z.strictObject({ paymentId: id, invoiceId: id }),
  },
  'credit_note.issued': {
    description: 'A credit note against an invoice was issued (it reduces the invoice balance).',
    payload: z.strictObject({ creditNoteId: id, invoiceId: id, number: z.string() }),
  },
  'quote.sent': {
    description: 'A quote was sent to the customer.',
    payload: z.strictObject({
      quoteId: id,
      number: z.string(),
      companyId: id.nullable(),
      ownerId: id.nullable(),
    }),
  },
  'quote.accepted': {
    description: 'The customer accepted a quote (public link or recorded by a member).',
    payload: z.strictObject({
      quoteId: id,
      number: z.string(),
      companyId: id.nullable(),
      ownerId: id.nullable(),
    }),
  },
  'quote.declined': {
    description: 'The customer declined a quote.',
    payload: z.strictObject({
      quoteId: id,
      number: z.string(),
      companyId: id.nullable(),
      ownerId: id.nullable(),
    }),
  },
});
