import { eq, sql } from 'drizzle-orm';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTenant } from '../../src/platform/db/index.ts';
import type { JobRunner } from '../../src/platform/jobs/index.ts';
import { startJobs } from '../../src/platform/jobs/index.ts';
import {
  type MailTransport,
  mailJobs,
  type OutgoingMail,
  queueMail,
  SEND_MAIL_JOB,
} from '../../src/platform/mail/index.ts';
import { mailAttachments, mailOutbox } from '../../src/platform/mail/tables.ts';
import { makeTenant } from '../../src/seed/factories.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';
import { waitFor } from '../helpers/wait-for.ts';

// A transport that records what it "sends" and fails for one address, standing in for an SMTP server.
const sent: { to: string; subject: string }[] = [];
const delivered: OutgoingMail[] = [];
const transport: MailTransport = {
  kind: 'log',
  send: async (m) => {
    if (m.to === 'bounce@example.test') throw new Error('550 mailbox unavailable');
    sent.push({ to: m.to, subject: m.subject });
    delivered.push(m);
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

  it('attachments and cc are stored with the message and handed to the transport byte for byte', async () => {
    const pdf = new Uint8Array(70_000).map((_, i) => (i * 7 + 3) % 256);
    const csv = new TextEncoder().encode('a,b\n1,2\n');
    const id = await t.database.db.transaction((tx) =>
      queueMail(tx, {
        to: 'files@example.test',
        cc: ['boss@example.test'],
        subject: 'Invoice RE-1',
        text: 'Attached.',
        attachments: [
          { filename: 'RE-1.pdf', contentType: 'application/pdf', content: pdf },
          { filename: 'data.csv', contentType: 'text/csv', content: csv },
        ],
      }),
    );
    await jobs.send(SEND_MAIL_JOB, { id });
    const message = await waitFor(async () => delivered.find((m) => m.to === 'files@example.test'));
    expect(message.cc).toEqual(['boss@example.test']);
    expect(message.attachments?.map((a) => [a.filename, a.contentType])).toEqual([
      ['RE-1.pdf', 'application/pdf'],
      ['data.csv', 'text/csv'],
    ]);
    expect(Buffer.from(message.attachments?.[0]?.content ?? []).equals(Buffer.from(pdf))).toBe(true);
    expect(Buffer.from(message.attachments?.[1]?.content ?? []).equals(Buffer.from(csv))).toBe(true);
    const plain = await waitFor(async () => delivered.find((m) => m.to === 'a@example.test'));
    expect(plain.attachments).toBeUndefined();
    expect(plain.cc).toBeUndefined();
  });

  it('an HTML part goes to the transport as the alternative of the text, never as a file', async () => {
    const csv = new TextEncoder().encode('a,b\n1,2\n');
    const html = '<p>Grüße &amp; <b>totals</b></p>';
    const id = await t.database.db.transaction((tx) =>
      queueMail(tx, {
        to: 'html@example.test',
        subject: 'Report',
        text: 'Grüße & totals',
        html,
        attachments: [{ filename: 'data.csv', contentType: 'text/csv', content: csv }],
      }),
    );
    await jobs.send(SEND_MAIL_JOB, { id });
    const message = await waitFor(async () => delivered.find((m) => m.to === 'html@example.test'));
    expect(message.text).toBe('Grüße & totals');
    expect(message.html).toBe(html);
    expect(message.attachments?.map((a) => a.filename)).toEqual(['data.csv']);
    const plain = await waitFor(async () => delivered.find((m) => m.to === 'a@example.test'));
    expect(plain.html).toBeUndefined();
  });

  it('attachments roll back with the message; the app role may queue them but not read them; bad ones are refused', async () => {
    const before = await t.database.db.$count(mailAttachments);
    await expect(
      t.database.db.transaction(async (tx) => {
        await queueMail(tx, {
          to: 'never@example.test',
          subject: 'No',
          text: 'No',
          attachments: [{ filename: 'x.pdf', contentType: 'application/pdf', content: new Uint8Array(10) }],
        });
        throw new Error('rollback');
      }),
    ).rejects.toThrow('rollback');
    await expect(
      queueMail(t.database.db, {
        to: 'nameless@example.test',
        subject: 'Nameless',
        text: 'x',
        attachments: [{ filename: '', contentType: 'application/pdf', content: new Uint8Array(10) }],
      }),
    ).rejects.toThrow();
    expect(await t.database.db.$count(mailAttachments)).toBe(before);

    const tenant = await makeTenant(t.database);
    await withTenant(t.database, tenant.id, (tx) =>
      queueMail(tx, {
        to: 'app-role@example.test',
        subject: 'From a tenant transaction',
        text: 'x',
        attachments: [
          { filename: 'a.pdf', contentType: 'application/pdf', content: new Uint8Array([1, 2, 3]) },
        ],
      }),
    );
    expect(await t.database.db.$count(mailAttachments)).toBe(before + 1);
    const denied = await withTenant(t.database, tenant.id, (tx) => tx.select().from(mailAttachments)).then(
      () => 'read',
      (err: Error) => String((err.cause as Error | undefined)?.message ?? err.message),
    );
    expect(denied).toMatch(/permission denied/);
  });
});
