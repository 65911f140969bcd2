import { boardQuery, boardSchema } from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import { loadBoard } from './board.service.ts';

/** The dispatch board's data in one request (jobs.view, and crews.view checked by the service). */
export const boardRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/dispatch/board',
    {
      config: { access: 'jobs.view' },
      schema: {
        tags: ['dispatch'],
        summary: 'Crews, crewed jobs in [from, to) and the unassigned queue (filters: priority, skill, area)',
        querystring: boardQuery,
        response: replies(boardSchema),
      },
    },
    async (req) => ok(await loadBoard(authedContext(req, database), req.query)),
  );
};
