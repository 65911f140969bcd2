import { desc } from 'drizzle-orm';
import { newId } from '../db/columns.ts';
import type { Db, Tx } from '../db/database.ts';
import { mailOutbox } from './tables.ts';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  tenantRef?: string | null;
}

/** Queues an e-mail in the caller's transaction (rolled back with it). Deliver it after commit with `mail.send`. */
export const queueMail = async (tx: Tx | Db, message: MailMessage): Promise<string> => {
  const id = newId();
  await tx.insert(mailOutbox).values({
    id,
    toAddress: message.to,
    subject: message.subject,
    textBody: message.text,
    tenantRef: message.tenantRef ?? null,
  });
  return id;
};

/** The most recent messages (development mailbox). Owner connection only. */
export const recentMail = (db: Db, limit = 50) =>
  db
    .select({
      id: mailOutbox.id,
      to: mailOutbox.toAddress,
      subject: mailOutbox.subject,
      text: mailOutbox.textBody,
      status: mailOutbox.status,
      createdAt: mailOutbox.createdAt,
    })
    .from(mailOutbox)
    .orderBy(desc(mailOutbox.createdAt), desc(mailOutbox.id))
    .limit(limit);
