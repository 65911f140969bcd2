import {
  commissionRuleCreateInput,
  commissionRuleListQuery,
  commissionRuleSchema,
  commissionRuleUpdateInput,
  commissionStatementQuery,
  commissionStatementSchema,
} from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import { registerRecordRoutes } from '../../../platform/records/index.ts';
import { commissionRuleDef } from './commission-rule-record.ts';
import { commissionRuleService, commissionStatement } from './commissions.service.ts';

/** Commission rules (read: commissions.view; change: commissions.manage) and agents' statements. */
export const commissionRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  registerRecordRoutes(app, database, {
    base: '/api/v1/commission-rules',
    tag: 'commissions',
    def: commissionRuleDef,
    permissions: {
      view: 'commissions.view',
      create: 'commissions.manage',
      update: 'commissions.manage',
      delete: 'commissions.manage',
    },
    schemas: {
      dto: commissionRuleSchema,
      create: commissionRuleCreateInput,
      update: commissionRuleUpdateInput,
      list: commissionRuleListQuery,
    },
    service: commissionRuleService as never,
  });
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/commissions/statement',
    {
      config: { access: 'commissions.view' },
      schema: {
        tags: ['commissions'],
        summary: "An agent's commission lines and totals between two dates (others' need commissions.manage)",
        querystring: commissionStatementQuery,
        response: replies(commissionStatementSchema),
      },
    },
    async (req) => ok(await commissionStatement(authedContext(req, database), req.query)),
  );
};
