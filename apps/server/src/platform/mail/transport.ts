import type { Logger } from 'pino';
import { lazy } from '../lazy.ts';

import type { MailAttachment } from './outbox.ts';

export interface OutgoingMail {
  from: string;
  to: string;
  cc?: string[];
  subject: string;
  text: string;
  /** The HTML alternative of `text` (nodemailer sends both as multipart/alternative). */
  html?: string;
  attachments?: MailAttachment[];
}

export interface MailTransport {
  kind: 'smtp' | 'log';
  send(message: OutgoingMail): Promise<void>;
}

/**
 * SMTP when `SMTP_URL` is set; otherwise a development transport that only logs that a message is waiting
 * (never its body: it may hold a reset or invitation token) — read it at `GET /api/v1/dev/mailbox`.
 */
export const createMailTransport = (smtpUrl: string | undefined, log: Logger): MailTransport => {
  if (smtpUrl) {
    // nodemailer is loaded with the first message, not at start-up.
    const transporter = lazy(async () => (await import('nodemailer')).default.createTransport(smtpUrl));
    return {
      kind: 'smtp',
      send: async ({ attachments, cc, ...m }) => {
        await (await transporter()).sendMail({
          ...m,
          ...(cc?.length ? { cc } : {}),
          ...(attachments?.length
            ? {
                attachments: attachments.map((a) => ({
                  filename: a.filename,
                  contentType: a.contentType,
                  content: Buffer.from(a.content),
                })),
              }
            : {}),
        });
      },
    };
  }
  return {
    kind: 'log',
    send: async (m) => {
      log.info(
        { to: m.to, subject: m.subject },
        'e-mail not sent (no SMTP_URL): read it at /api/v1/dev/mailbox',
      );
    },
  };
};
