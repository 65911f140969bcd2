import { searchQuery, searchResultSchema } from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authedContext } from '../context/service-context.ts';
import type { Database } from '../db/index.ts';
import { ok } from '../http/envelope.ts';
import { replies } from '../http/route-schema.ts';
import { type FeaturesOff, searchRecords } from './search.ts';

/** `GET /api/v1/search`: the global search over every registered kind of record (the command palette). */
export const searchRoutes = async (
  app: FastifyInstance,
  deps: { database: Database; featuresOff: FeaturesOff },
) => {
  app.withTypeProvider<ZodTypeProvider>().get(
    '/api/v1/search',
    {
      config: { access: 'authenticated' },
      schema: {
        tags: ['search'],
        summary: 'Search records of every kind the caller may see, grouped by kind',
        description:
          "Matches the text anywhere in each kind's search fields (case-insensitive). Each group honours the " +
          "kind's view permission, the caller's record scope and the module's feature flag; archived " +
          'records are left out. Groups without hits are absent.',
        querystring: searchQuery,
        response: replies(searchResultSchema),
      },
    },
    async (req) => ok(await searchRecords(authedContext(req, deps.database), req.query, deps.featuresOff)),
  );
};
