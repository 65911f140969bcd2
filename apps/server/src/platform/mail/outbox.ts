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
    tenantRef: message.tenantRef ?? null,
  });
  if (message.attachments?.length) {
    await tx.insert(mailAttachments).values(
      message.attachments.map((a, position) => ({
        id: newId(),
        mailId: id,
        position,
        filename: a.filename,
        contentType: a.contentType,
        content: a.content,
      })),
    );
  }
  return id;
};

/** The attachments of a message, in order. Owner connection only (the mail.send job). */
export const mailAttachmentsOf = (db: Db, mailId: string): Promise<MailAttachment[]> =>
  db
    .select({
      filename: mailAttachments.filename,
      contentType: mailAttachments.contentType,
      content: mailAttachments.content,
    })
    .from(mailAttachments)
    .where(eq(mailAttachments.mailId, mailId))
    .orderBy(asc(mailAttachments.position));

/** Name, type and size of the attachments of some messages (development mailbox). */
const attachmentSummaries = async (db: Db, mailIds: string[]) => {
  if (mailIds.length === 0)
    return new Map<string, { id: string; filename: string; contentType: string; size: number }[]>();
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
  const byMail = new Map<string, { id: string; filename: string; contentType: string; size: number }[]>();
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

/** The most recent messages with their attachments' names and sizes (development mailbox). Owner connection only. */
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
  const attachments = await attachmentSummaries(
    db,
    messages.map((m) => m.id),
  );
  return messages.map((m) => ({ ...m, attachments: attachments.get(m.id) ?? [] }));
};
