import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { idColumn } from '../db/columns.ts';

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
    subject: text('subject').notNull(),
    textBody: text('text_body').notNull(),
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
