import { schedulingSettingsInput, schedulingSettingsSchema } from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import { getSettings, updateSettings } from './settings.service.ts';

/** The tenant's scheduling settings: the booking strategy used when no agent is chosen. */
export const settingsRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, database);
  const url = '/api/v1/scheduling/settings';
  r.get(
    url,
    {
      config: { access: 'appointments.view' },
      schema: {
        tags: ['scheduling'],
        summary: 'Scheduling settings',
        response: replies(schedulingSettingsSchema),
      },
    },
    async (req) => ok(await getSettings(ctx(req))),
  );
  r.put(
    url,
    {
      config: { access: 'booking.manage' },
      schema: {
        tags: ['scheduling'],
        summary: 'Set the booking strategy (load_balanced, round_robin, fixed_priority)',
        body: schedulingSettingsInput,
        response: replies(schedulingSettingsSchema),
      },
    },
    async (req) => ok(await updateSettings(ctx(req), req.body)),
  );
};
