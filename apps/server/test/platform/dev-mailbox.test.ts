import { describe, expect, it } from 'vitest';
import { queueMail } from '../../src/platform/mail/index.ts';
import { setupApiTest } from '../helpers/api-test.ts';

const t = setupApiTest();

interface MailboxEntry {
  id: string;
  to: string;
  cc: string[];
  attachments: { id: string; filename: string; contentType: string; size: number }[];
}

describe('development mailbox', () => {
  it('lists attachments with their sizes and serves their bytes (loopback only)', async () => {
    const pdf = new Uint8Array(3000).map((_, i) => i % 251);
    const mailId = await queueMail(t.database.db, {
      to: 'customer@example.test',
      cc: ['accounting@example.test'],
      subject: 'Invoice',
      text: 'See attachment',
      attachments: [{ filename: 'RE 2026/1.pdf', contentType: 'application/pdf', content: pdf }],
    });
    const list = await t.app.inject({ method: 'GET', url: '/api/v1/dev/mailbox' });
    expect(list.statusCode).toBe(200);
    const entry = (list.json().data as MailboxEntry[]).find((m) => m.id === mailId);
    expect(entry?.cc).toEqual(['accounting@example.test']);
    expect(entry?.attachments).toEqual([
      { id: expect.any(String), filename: 'RE 2026/1.pdf', contentType: 'application/pdf', size: 3000 },
    ]);
    const attachmentId = entry?.attachments[0]?.id;
    const file = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dev/mailbox/${mailId}/attachments/${attachmentId}`,
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe('attachment; filename="RE_2026_1.pdf"');
    expect(Buffer.from(file.rawPayload).equals(Buffer.from(pdf))).toBe(true);

    const otherMail = await queueMail(t.database.db, { to: 'x@example.test', subject: 'x', text: 'x' });
    const wrongMail = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dev/mailbox/${otherMail}/attachments/${attachmentId}`,
    });
    expect(wrongMail.statusCode).toBe(404);
    const badId = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dev/mailbox/${mailId}/attachments/not-a-uuid`,
    });
    expect(badId.statusCode).toBe(400);
    const remote = await t.app.inject({
      method: 'GET',
      url: `/api/v1/dev/mailbox/${mailId}/attachments/${attachmentId}`,
      remoteAddress: '203.0.113.9',
    });
    expect(remote.statusCode).toBe(404);
  });
});
