import { bulkResult } from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authedContext } from '../../context/service-context.ts';
import type { Database } from '../../db/index.ts';
import { ok } from '../../http/envelope.ts';
import { replies } from '../../http/route-schema.ts';
import { type BulkInput, registeredBulks, runBulk } from './bulk.service.ts';

/** `POST /api/v1/<entity>/bulk` for every registered entity: one action on up to 500 ids, a result per id. */
export const bulkRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  for (const b of registeredBulks()) {
    r.post(
      `/api/v1/${b.entity}/bulk`,
      {
        config: { access: b.permissions.update },
        schema: {
          tags: [b.entity],
          summary: `One action on up to 500 ${b.entity}, with a result per id`,
          description:
            'One transaction, a savepoint per id: an id that is not found (another company, outside your scope) or ' +
            `cannot change is reported in \`results\` and the others still apply. Archive and delete also need ` +
            `"${b.permissions.delete}".`,
          body: b.input,
          response: replies(bulkResult),
        },
      },
      async (req) => ok(await runBulk(authedContext(req, database), b, req.body as BulkInput)),
    );
  }
};
