import nodemailer from 'nodemailer';
import type { Logger } from 'pino';

export interface MailTransport {
  kind: 'smtp' | 'log';
  send(message: { from: string; to: string; subject: string; text: string }): Promise<void>;
}

/**
 * SMTP when `SMTP_URL` is set; otherwise a development transport that only logs that a message is waiting
 * (never its body: it may hold a reset or invitation token) — read it at `GET /api/v1/dev/mailbox`.
 */
export const createMailTransport = (smtpUrl: string | undefined, log: Logger): MailTransport => {
  if (smtpUrl) {
    const transporter = nodemailer.createTransport(smtpUrl);
    return {
      kind: 'smtp',
      send: async (m) => {
        await transporter.sendMail(m);
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
