import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
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
   * An HTML alternative of `text` (the message goes out as multipart/alternative), stored in `html_body`.
   * Escape every value that comes from user data (`escapeHtml`).
   */
  html?: string;
  tenantRef?: string | null;
  /** Files sent with the message (e.g. an invoice PDF), stored with it in the same transaction. */
  attachments?: MailAttachment[];
}

/** Queues an e-mail in the caller's transaction (rolled back with it). Deliver it after commit with `mail.send`. */
export const queueMail = async (tx: Tx | Db, message: MailMessage): Promise<string> => {
  const id = newId();
  await tx.insert(mailOutbox).values({
    id,
    toAddress: message.to,
    ccAddresses: message.cc ?? [],
    subject: message.subject,
    textBody: message.text,
    htmlBody: message.html ?? null,
    tenantRef: message.tenantRef ?? null,
  });
  const parts = (message.attachments ?? []).map((a, position) => ({ ...a, position }));
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
  const [message] = await db
    .select({ html: mailOutbox.htmlBody })
    .from(mailOutbox)
    .where(eq(mailOutbox.id, mailId));
  const attachments = await db
    .select({
      filename: mailAttachments.filename,
      contentType: mailAttachments.contentType,
      content: mailAttachments.content,
    })
    .from(mailAttachments)
    .where(eq(mailAttachments.mailId, mailId))
    .orderBy(asc(mailAttachments.position));
  return { html: message?.html ?? undefined, attachments };
};

type AttachmentSummary = { id: string; filename: string; contentType: string; size: number };

/** Name, type and size of the attachments of some messages (development mailbox). */
const attachmentSummaries = async (db: Db, mailIds: string[]) => {
  const byMail = new Map<string, AttachmentSummary[]>();
  if (mailIds.length === 0) return byMail;
  const rows = await db
    .select({
      id: mailAttachments.id,
      mailId: mailAttachments.mailId,
      filename: mailAttachments.filename,
      contentType: mailAttachments.contentType,
      size: sql<number>`octet_length(${mailAttachments.content})::int`,
    })
    .from(mailAttachments)
    .where(inArray(mailAttachments.mailId, mailIds))
    .orderBy(asc(mailAttachments.mailId), asc(mailAttachments.position));
  for (const { mailId, ...summary } of rows) byMail.set(mailId, [...(byMail.get(mailId) ?? []), summary]);
  return byMail;
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
    .where(and(eq(mailAttachments.id, attachmentId), eq(mailAttachments.mailId, mailId)));
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
      html: mailOutbox.htmlBody,
      status: mailOutbox.status,
      createdAt: mailOutbox.createdAt,
    })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(limit);
  const byMail = await attachmentSummaries(
    db,
    messages.map((m) => m.id),
  );
  return messages.map((m) => ({ ...m, attachments: byMail.get(m.id) ?? [] }));
};
