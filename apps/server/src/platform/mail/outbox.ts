import { and, asc, desc, eq, gte, inArray, sql } from 'drizzle-orm';
import { newId } from '../db/columns.ts';
import type { Db, Tx } from '../db/database.ts';
import { mailAttachments, mailOutbox } from './tables.ts';

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Uint8Array;
}

export interface MailMessage {
  to: string;
  cc?: string[];
  subject: string;
  text: string;
  /**
   * An HTML alternative of `text` (the message goes out as multipart/alternative). Stored as a body part: a
   * `mail_attachments` row at position HTML_PART_POSITION (-1), never listed or sent as a file. Escape every
   * value that comes from user data (`escapeHtml`).
   */
  html?: string;
  tenantRef?: string | null;
  /** Files sent with the message (e.g. an invoice PDF), stored with it in the same transaction. */
  attachments?: MailAttachment[];
}

/** The `mail_attachments` position of a message's HTML part (files are numbered from 0). */
export const HTML_PART_POSITION = -1;
const HTML_PART = { filename: 'body.html', contentType: 'text/html; charset=utf-8' } as const;

/** Queues an e-mail in the caller's transaction (rolled back with it). Deliver it after commit with `mail.send`. */
export const queueMail = async (tx: Tx | Db, message: MailMessage): Promise<string> => {
  const id = newId();
  await tx.insert(mailOutbox).values({
    id,
    toAddress: message.to,
    ccAddresses: message.cc ?? [],
    subject: message.subject,
    textBody: message.text,
    tenantRef: message.tenantRef ?? null,
  });
  const parts = [
    ...(message.html === undefined
      ? []
      : [{ ...HTML_PART, content: new TextEncoder().encode(message.html), position: HTML_PART_POSITION }]),
    ...(message.attachments ?? []).map((a, position) => ({ ...a, position })),
  ];
  if (parts.length > 0) {
    await tx.insert(mailAttachments).values(
      parts.map((a) => ({
        id: newId(),
        mailId: id,
        position: a.position,
        filename: a.filename,
        contentType: a.contentType,
        content: a.content,
      })),
    );
  }
  return id;
};

/** The HTML part (if any) and the attachments of a message, in order. Owner connection only (the mail.send job). */
export const mailPartsOf = async (
  db: Db,
  mailId: string,
): Promise<{ html: string | undefined; attachments: MailAttachment[] }> => {
  const rows = await db
    .select({
      position: mailAttachments.position,
      filename: mailAttachments.filename,
      contentType: mailAttachments.contentType,
      content: mailAttachments.content,
    })
    .from(mailAttachments)
    .where(eq(mailAttachments.mailId, mailId))
    .orderBy(asc(mailAttachments.position));
  const html = rows.find((r) => r.position === HTML_PART_POSITION);
  return {
    html: html ? new TextDecoder().decode(html.content) : undefined,
    attachments: rows.filter((r) => r.position >= 0).map(({ position: _, ...a }) => a),
  };
};

type AttachmentSummary = { id: string; filename: string; contentType: string; size: number };

/** Name, type and size of the attachments of some messages, and their HTML parts (development mailbox). */
const attachmentSummaries = async (db: Db, mailIds: string[]) => {
  const byMail = new Map<string, AttachmentSummary[]>();
  const htmlOf = new Map<string, string>();
  if (mailIds.length === 0) return { byMail, htmlOf };
  const rows = await db
    .select({
      id: mailAttachments.id,
      mailId: mailAttachments.mailId,
      position: mailAttachments.position,
      filename: mailAttachments.filename,
      contentType: mailAttachments.contentType,
      size: sql<number>`octet_length(${mailAttachments.content})::int`,
      html: sql<string | null>`case when ${mailAttachments.position} = ${HTML_PART_POSITION}
        then convert_from(${mailAttachments.content}, 'UTF8') end`,
    })
    .from(mailAttachments)
    .where(inArray(mailAttachments.mailId, mailIds))
    .orderBy(asc(mailAttachments.mailId), asc(mailAttachments.position));
  for (const { mailId, position, html, ...summary } of rows) {
    if (position === HTML_PART_POSITION) htmlOf.set(mailId, html ?? '');
    else byMail.set(mailId, [...(byMail.get(mailId) ?? []), summary]);
  }
  return { byMail, htmlOf };
};

/** One attachment's bytes (development mailbox download). */
export const mailAttachmentContent = async (db: Db, mailId: string, attachmentId: string) => {
  const [row] = await db
    .select({
      filename: mailAttachments.filename,
      contentType: mailAttachments.contentType,
      content: mailAttachments.content,
    })
    .from(mailAttachments)
    .where(
      and(
        eq(mailAttachments.id, attachmentId),
        eq(mailAttachments.mailId, mailId),
        gte(mailAttachments.position, 0),
      ),
    );
  return row;
};

/**
 * The most recent messages with their HTML part (or null) and their attachments' names and sizes (development
 * mailbox). Owner connection only.
 */
export const recentMail = async (db: Db, limit = 50) => {
  const messages = await db
    .select({
      id: mailOutbox.id,
      to: mailOutbox.toAddress,
      cc: mailOutbox.ccAddresses,
      subject: mailOutbox.subject,
      text: mailOutbox.textBody,
      status: mailOutbox.status,
      createdAt: mailOutbox.createdAt,
    })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(limit);
  const { byMail, htmlOf } = await attachmentSummaries(
    db,
    messages.map((m) => m.id),
  );
  return messages.map((m) => ({ ...m, html: htmlOf.get(m.id) ?? null, attachments: byMail.get(m.id) ?? [] }));
};
