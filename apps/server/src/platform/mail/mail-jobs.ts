import { and, eq, lt, sql } from 'drizzle-orm';
import { z } from 'zod';
import { defineJob, type JobDefinition } from '../jobs/job-definition.ts';
import { mailPartsOf } from './outbox.ts';
import { mailOutbox } from './tables.ts';
import type { MailTransport } from './transport.ts';

export const SEND_MAIL_JOB = 'mail.send';
const RETRY_LIMIT = 5;

/** `mail.send` delivers one queued message; `mail.sweep` re-enqueues messages whose job was never sent (crash after commit). */
export const mailJobs = (transport: MailTransport, from: string): JobDefinition[] => [
  defineJob({
    name: SEND_MAIL_JOB,
    payload: z.strictObject({ id: z.guid() }),
    retry: { limit: RETRY_LIMIT, delaySeconds: 30 },
    handler: async ({ id }, { database, retryCount }) => {
      const { db } = database;
      const [message] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
      if (message?.status !== 'queued') return;
      try {
        const { html, attachments } = await mailPartsOf(db, id);
        await transport.send({
          from,
          to: message.toAddress,
          ...(message.ccAddresses.length ? { cc: message.ccAddresses } : {}),
          subject: message.subject,
          text: message.textBody,
          ...(html === undefined ? {} : { html }),
          ...(attachments.length ? { attachments } : {}),
        });
        await db
          .update(mailOutbox)
          .set({ status: 'sent', sentAt: new Date(), attempts: sql`${mailOutbox.attempts} + 1` })
          .where(eq(mailOutbox.id, id));
      } catch (err) {
        const last = retryCount >= RETRY_LIMIT;
        await db
          .update(mailOutbox)
          .set({
            attempts: sql`${mailOutbox.attempts} + 1`,
            lastError: String((err as Error).message).slice(0, 500),
            ...(last ? { status: 'failed' as const } : {}),
          })
          .where(eq(mailOutbox.id, id));
        throw err;
      }
    },
  }),
  defineJob({
    name: 'mail.sweep',
    payload: z.object({}).loose(),
    cron: '* * * * *',
    retry: { limit: 1, delaySeconds: 30 },
    handler: async (_p, { database, send }) => {
      const stale = await database.db
        .select({ id: mailOutbox.id })
        .from(mailOutbox)
        .where(
          and(
            eq(mailOutbox.status, 'queued'),
            eq(mailOutbox.attempts, 0),
            lt(mailOutbox.createdAt, sql`now() - interval '1 minute'`),
          ),
        )
        .limit(500);
      for (const { id } of stale) await send(SEND_MAIL_JOB, { id }, { singletonKey: id });
    },
  }),
];
