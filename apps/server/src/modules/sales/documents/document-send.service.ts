import type { DocumentKind, documentSendInput, SalesDocument } from '@tessera/contracts';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { emit } from '../../../platform/events/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import type { SendJob } from '../../../platform/jobs/index.ts';
import { type MailAttachment, queueMail, SEND_MAIL_JOB } from '../../../platform/mail/index.ts';
import * as kit from '../../../platform/records/index.ts';
import { changeIssued, invoiceRef, issueDraft } from './document-actions.service.ts';
import { documentRenderInput, pdfFile } from './document-files.service.ts';
import { buildDocumentMail, recipientsOf } from './document-mail.ts';
import { DOCUMENT_DEFS, type DocumentRow, linesOf, toDocument } from './document-record.ts';

type SendInput = z.output<typeof documentSendInput>;
export interface SendDeps {
  sendJob?: SendJob;
  /** The public link of a quote (view, accept, decline), made by the quote module. */
  publicLink?: (ctx: AuthedContext, row: DocumentRow) => string;
}

const SENDABLE: Record<DocumentKind, ReadonlySet<string>> = {
  invoice: new Set(['draft', 'issued', 'sent', 'partially_paid', 'overdue', 'paid']),
  quote: new Set(['draft', 'sent']),
  credit_note: new Set(['issued']),
};

/** Queues the e-mails in the caller's transaction; delivery starts after commit (`mail.send`). */
const queue = async (
  t: Tx,
  ctx: AuthedContext,
  deps: SendDeps,
  to: string[],
  mail: { subject: string; text: string; attachments?: MailAttachment[] },
) => {
  const ids: string[] = [];
  for (const address of to) ids.push(await queueMail(t, { to: address, ...mail, tenantRef: ctx.tenantId }));
  ctx.afterCommit(async () => {
    for (const id of ids) await deps.sendJob?.(SEND_MAIL_JOB, { id });
  });
};

/**
 * Sends a document by e-mail: in one transaction the status moves (draft → issued/sent; issued → sent), the
 * e-mails go to the mail outbox and the `<kind>.sent` event is emitted — all or nothing. A draft invoice is
 * issued first (needs invoices.issue); a draft quote gets its number.
 */
export const sendDocument = (
  ctx: AuthedContext,
  deps: SendDeps,
  kind: DocumentKind,
  id: string,
  input: SendInput,
) => kit.inTenant(ctx, (t) => sendDocumentIn(t, ctx, deps, kind, id, input));

/** `sendDocument` in the caller's transaction (recurring invoices send theirs with the invoice they make). */
export const sendDocumentIn = async (
  t: Tx,
  ctx: AuthedContext,
  deps: SendDeps,
  kind: DocumentKind,
  id: string,
  input: SendInput,
): Promise<SalesDocument> => {
  const def = DOCUMENT_DEFS[kind];
  let row = await kit.findRecord<DocumentRow>(t, ctx, def, id, true);
  if (!SENDABLE[kind].has(row.status))
    throw new AppError('CONFLICT', `A ${row.status} ${def.label.toLowerCase()} cannot be sent`);
  if (row.status === 'draft') {
    if (kind === 'invoice') kit.requirePermission(ctx, 'invoices.issue');
    row = await issueDraft(t, ctx, row);
  }
  const to = recipientsOf(input);
  const lines = await linesOf(t, ctx.tenantId, id);
  // The document as sent (number assigned above), rendered with the tenant's branding and attached.
  const rendered = await documentRenderInput(t, ctx, kind, id);
  const mail = buildDocumentMail(
    rendered.view,
    input,
    kind === 'quote' ? deps.publicLink?.(ctx, row) : undefined,
  );
  await queue(t, ctx, deps, to, { ...mail, attachments: [await pdfFile(rendered)] });
  const status = row.status === 'issued' || row.status === 'draft' ? 'sent' : row.status;
  const after = await changeIssued(t, ctx, row, 'sent', { status, sentAt: new Date() });
  if (kind === 'invoice') await emit(t, ctx, 'invoice.sent', { ...invoiceRef(after), to });
  if (kind === 'quote')
    await emit(t, ctx, 'quote.sent', {
      quoteId: after.id,
      number: after.number ?? '',
      companyId: after.companyId,
      ownerId: after.ownerId,
    });
  return toDocument(ctx.auth)(after, lines);
};
