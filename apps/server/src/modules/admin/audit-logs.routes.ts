import { auditLogQuery, auditLogSchema } from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authedContext } from '../../platform/context/service-context.ts';
import type { Database } from '../../platform/db/index.ts';
import { page } from '../../platform/http/envelope.ts';
import { listReplies } from '../../platform/http/route-schema.ts';
import { listAuditLogs } from './audit-logs.service.ts';

/** The read-only audit log viewer. */
export const auditLogRoutes = async (app: FastifyInstance, deps: { database: Database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/v1/audit-logs',
    {
      config: { access: 'audit.view' },
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first; filter by actor, action, target and time',
        querystring: auditLogQuery,
        response: listReplies(auditLogSchema),
      },
    },
    async (req) => {
      const { items, pagination } = await listAuditLogs(authedContext(req, deps.database), req.query);
      return page(items, pagination);
    },
  );
};
