import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { bytesColumn, idColumn } from '../db/columns.ts';

/**
 * Transactional outbox for e-mail: a service inserts the message in the same transaction as the change that
 * causes it; the `mail.send` job delivers it after commit. The app role may only insert.
 */
export const mailOutbox = pgTable(
  'mail_outbox',
  {
    id: idColumn(),
    tenantRef: uuid('tenant_ref'),
    toAddress: text('to_address').notNull(),
    /** Carbon-copy recipients (none when empty). */
    ccAddresses: text('cc_addresses').array().notNull().default([]),
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
    /** The HTML alternative of `text_body` (multipart/alternative), or null for a text-only message. */
    htmlBody: text('html_body'),
    status: text('status', { enum: ['queued', 'sent', 'failed'] })
      .notNull()
      .default('queued'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [index('mail_outbox_status_created_idx').on(t.status, t.createdAt)],
);

/** Files sent with a queued message (e.g. an invoice PDF), inserted in the same transaction; insert-only for the app role. */
export const mailAttachments = pgTable(
  'mail_attachments',
  {
    id: idColumn(),
    mailId: uuid('mail_id')
      .notNull()
      .references(() => mailOutbox.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    filename: text('filename').notNull(),
    contentType: text('content_type').notNull(),
    content: bytesColumn('content').notNull(),
  },
  (t) => [index('mail_attachments_mail_idx').on(t.mailId, t.position)],
);
