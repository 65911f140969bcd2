import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Database } from '../db/database.ts';
import { AppError } from '../http/app-error.ts';
import { ok } from '../http/envelope.ts';
import { replies } from '../http/route-schema.ts';
import { mailAttachmentContent, recentMail } from './outbox.ts';

const isLoopback = (ip: string) => ip === '127.0.0.1' || ip === '::1' || ip === '::ffff:127.0.0.1';

const mailSchema = z.object({
  id: z.string(),
  to: z.string(),
  cc: z.array(z.string()),
  subject: z.string(),
  text: z.string(),
  /** The HTML alternative, when the message has one. */
  html: z.string().nullable(),
  status: z.string(),
  createdAt: z.string(),
  attachments: z.array(
    z.object({ id: z.string(), filename: z.string(), contentType: z.string(), size: z.number() }),
  ),
});

/**
 * Development only (never registered in production), and only to clients on this machine (loopback): the latest
 * outgoing e-mails, to follow invitation and reset links without SMTP.
 */
export const devMailboxRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/dev/mailbox',
    {
      config: { access: 'public' },
      schema: {
        tags: ['development'],
        summary: 'Latest outgoing e-mails (not in production)',
        response: replies(z.array(mailSchema)),
      },
    },
    async (req) => {
      if (!isLoopback(req.ip)) throw new AppError('NOT_FOUND', 'No route GET /api/v1/dev/mailbox');
      return ok((await recentMail(database.db)).map((m) => ({ ...m, createdAt: m.createdAt.toISOString() })));
    },
  );
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/dev/mailbox/:mailId/attachments/:attachmentId',
    {
      config: { access: 'public' },
      schema: {
        tags: ['development'],
        summary: 'One attachment of an outgoing e-mail (not in production)',
        params: z.strictObject({ mailId: z.guid(), attachmentId: z.guid() }),
      },
    },
    async (req, reply) => {
      const notFound = new AppError('NOT_FOUND', 'No such attachment');
      if (!isLoopback(req.ip)) throw notFound;
      const file = await mailAttachmentContent(database.db, req.params.mailId, req.params.attachmentId);
      if (!file) throw notFound;
      return reply
        .type(file.contentType)
        .header('content-disposition', `attachment; filename="${file.filename.replace(/[^\w.-]/g, '_')}"`)
        .send(Buffer.from(file.content));
    },
  );
};
