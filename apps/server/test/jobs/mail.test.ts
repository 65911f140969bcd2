import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { JobRunner } from '../../src/platform/jobs/index.ts';
import { startJobs } from '../../src/platform/jobs/index.ts';
import { type MailTransport, mailJobs, queueMail, SEND_MAIL_JOB } from '../../src/platform/mail/index.ts';
import { mailOutbox } from '../../src/platform/mail/tables.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { waitFor } from '../helpers/wait-for.ts';

// A transport that records what it "sends" and fails for one address, standing in for an SMTP server.
const sent: { to: string; subject: string }[] = [];
const transport: MailTransport = {
  kind: 'log',
  send: async (m) => {
    if (m.to === 'bounce@example.test') throw new Error('550 mailbox unavailable');
    sent.push({ to: m.to, subject: m.subject });
  },
};

let t: TestDatabase;
let jobs: JobRunner;
beforeAll(async () => {
  t = await createTestDatabase();
  jobs = await startJobs({
    database: t.database,
    log: pino({ level: 'silent' }),
    jobs: mailJobs(transport, 'Tessera <no-reply@test>'),
    work: true,
    pollingIntervalSeconds: 0.5,
  });
}, 60_000);
afterAll(async () => {
  await jobs?.stop();
  await t.drop();
});

const statusOf = async (id: string) =>
  (await t.database.db.select().from(mailOutbox).where(eq(mailOutbox.id, id)))[0];

describe('mail outbox delivery', () => {
  it('a queued message is delivered by mail.send and marked sent', async () => {
    const id = await queueMail(t.database.db, { to: 'a@example.test', subject: 'Hello', text: 'Body' });
    await jobs.send(SEND_MAIL_JOB, { id });
    const row = await waitFor(async () =>
      (await statusOf(id))?.status === 'sent' ? statusOf(id) : undefined,
    );
    expect(row?.attempts).toBe(1);
    expect(sent).toContainEqual({ to: 'a@example.test', subject: 'Hello' });
  });

  it('a rolled-back transaction leaves no message behind', async () => {
    const before = await t.database.db.$count(mailOutbox);
    await expect(
      t.database.db.transaction(async (tx) => {
        await queueMail(tx, { to: 'never@example.test', subject: 'No', text: 'No' });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    expect(await t.database.db.$count(mailOutbox)).toBe(before);
  });

  it('a failing delivery records the error and is retried (the job fails)', async () => {
    const id = await queueMail(t.database.db, { to: 'bounce@example.test', subject: 'Bounce', text: 'x' });
    await jobs.send(SEND_MAIL_JOB, { id });
    const row = await waitFor(async () => ((await statusOf(id))?.lastError ? statusOf(id) : undefined));
    expect(row?.lastError).toMatch(/550/);
    expect(row?.status).toBe('queued');
  });

  it('the sweeper re-enqueues messages whose job was never sent (crash after commit)', async () => {
    const id = await queueMail(t.database.db, { to: 'late@example.test', subject: 'Late', text: 'x' });
    await t.database.db
      .update(mailOutbox)
      .set({ createdAt: sql`now() - interval '5 minutes'` })
      .where(eq(mailOutbox.id, id));
    await jobs.send('mail.sweep', {});
    await waitFor(async () => (await statusOf(id))?.status === 'sent');
    expect(sent.map((m) => m.to)).toContain('late@example.test');
  });
});
