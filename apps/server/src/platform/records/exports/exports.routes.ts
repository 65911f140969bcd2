import { errorEnvelope, exportParams } from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import { authedContext } from '../../context/service-context.ts';
import type { Database } from '../../db/index.ts';
import { exportCsv, registeredExports } from './exports.service.ts';

const errors = { 400: errorEnvelope, 401: errorEnvelope, 403: errorEnvelope, 429: errorEnvelope };

/** CSV exports of every registered entity: the list's filters, scope and sort, streamed. */
export const exportRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  for (const def of registeredExports()) {
    const { entity } = def;
    // Plain (untyped) reply: the body is a stream, not a JSON envelope.
    app.get(
      `/api/v1/${entity}/export`,
      {
        config: { access: def.permission },
        schema: {
          tags: [entity],
          summary: `Export ${entity} as CSV (same filters as the list)`,
          description:
            'Streams `text/csv; charset=utf-8` (RFC 4180, header row). `headers=labels` (default): for ' +
            'spreadsheets — field labels, names instead of ids, money in currency units (1234.50), a UTF-8 BOM; ' +
            '`headers=keys`: field keys, ids and minor units, for re-import. Cells starting with =, +, -, @, tab ' +
            "or CR are prefixed with ' so spreadsheets never run them as formulas.",
          querystring: def.query.extend(exportParams),
          produces: ['text/csv'],
          response: errors,
        },
      },
      async (req, reply) => {
        const { stream, fileName } = await exportCsv(
          authedContext(req, database),
          def,
          req.query as Parameters<typeof exportCsv>[2],
        );
        return reply
          .header('content-type', 'text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="${fileName}"`)
          .header('cache-control', 'no-store')
          .send(stream);
      },
    );
  }
};
