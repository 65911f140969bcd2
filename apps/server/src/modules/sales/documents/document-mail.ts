import type { documentSendInput } from '@tessera/contracts';
import type { z } from 'zod';
import type { SalesDocumentView } from '../rendering/document-view.ts';

type SendInput = z.output<typeof documentSendInput>;

const TITLES = {
  quote: 'Quote',
  invoice: 'Invoice',
  credit_note: 'Credit note',
  delivery_note: 'Delivery note',
};

const money = (minor: number, currency: string, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'currency', currency }).format(minor / 100);

export interface DocumentMail {
  subject: string;
  text: string;
}

/**
 * The one place a sales document's e-mail is built (subject and body from the document view). The sender
 * (document-send.service.ts) attaches the document's PDF, rendered from the same view.
 */
export const buildDocumentMail = (view: SalesDocumentView, input: SendInput, link?: string): DocumentMail => {
  const title = TITLES[view.kind];
  const seller = view.seller.name || 'us';
  const subject = input.subject ?? `${title} ${view.number ?? ''} from ${seller}`.replace(/\s+/g, ' ');
  const lines = [
    input.message ?? `Hello ${view.buyer.name || ''},`.trim(),
    '',
    `${title}: ${view.number ?? 'draft'}`,
    `Date: ${view.issueDate}`,
    ...(view.dueDate ? [`Due: ${view.dueDate}`] : []),
    ...(view.validUntil ? [`Valid until: ${view.validUntil}`] : []),
    `Total: ${money(view.totalMinor, view.currency, view.locale)}`,
    ...(view.balanceMinor !== undefined && view.balanceMinor !== view.totalMinor
      ? [`Open balance: ${money(view.balanceMinor, view.currency, view.locale)}`]
      : []),
    ...(view.seller.bank?.iban
      ? [`IBAN: ${view.seller.bank.iban}${view.seller.bank.bic ? ` (BIC ${view.seller.bank.bic})` : ''}`]
      : []),
    ...(link ? ['', `View and answer online: ${link}`] : []),
    '',
    seller,
  ];
  return { subject, text: lines.join('\n') };
};

/** Everyone the document goes to, once each. */
export const recipientsOf = (input: SendInput) => [
  ...new Set(
    [...(Array.isArray(input.to) ? input.to : [input.to]), ...(input.cc ?? [])].map((a) => a.toLowerCase()),
  ),
];
