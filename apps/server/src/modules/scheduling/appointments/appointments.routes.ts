import {
  type Appointment,
  appointmentCancelInput,
  appointmentCompleteInput,
  appointmentCreateInput,
  appointmentListQuery,
  appointmentSchema,
  appointmentStatusInput,
  appointmentUpdateInput,
  idParams,
  slotSchema,
  slotsQuery,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import { registerRecordRoutes } from '../../../platform/records/index.ts';
import { listSlots } from '../slots/slots.service.ts';
import { appointmentDef } from './appointment-record.ts';
import {
  cancelAppointment,
  completeAppointment,
  confirmAppointment,
  markNoShow,
} from './appointment-status.service.ts';
import {
  archiveAppointment,
  createAppointment,
  deleteAppointment,
  getAppointment,
  listAppointments,
  updateAppointment,
} from './appointments.service.ts';

const base = '/api/v1/scheduling/appointments';

/** Appointments (standard record routes + confirm, cancel, complete, no-show) and free slots. */
export const appointmentRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, database);
  const tags = ['scheduling'];

  registerRecordRoutes(app, database, {
    base,
    tag: 'scheduling',
    def: appointmentDef,
    permissions: {
      view: 'appointments.view',
      create: 'appointments.manage',
      update: 'appointments.manage',
      delete: 'appointments.manage',
    },
    schemas: {
      dto: appointmentSchema,
      create: appointmentCreateInput,
      update: appointmentUpdateInput,
      list: appointmentListQuery,
    },
    service: {
      list: listAppointments,
      get: getAppointment,
      create: createAppointment,
      update: updateAppointment,
      archive: archiveAppointment,
      remove: deleteAppointment,
    },
  });

  const actions = [
    ['confirm', 'Confirm an appointment', appointmentStatusInput, confirmAppointment],
    ['no-show', 'Mark that the customer did not come', appointmentStatusInput, markNoShow],
    ['cancel', 'Cancel an appointment (its time is free again)', appointmentCancelInput, cancelAppointment],
    [
      'complete',
      'Complete with an outcome ("qualified" qualifies the lead)',
      appointmentCompleteInput,
      completeAppointment,
    ],
  ] as const;
  for (const [action, summary, body, run] of actions) {
    r.post(
      `${base}/:id/${action}`,
      {
        config: { access: 'appointments.manage' },
        schema: {
          tags,
          summary,
          params: idParams,
          body: action === 'complete' ? body : (body as typeof appointmentStatusInput).nullish(),
          response: replies(appointmentSchema),
        },
      },
      async (req) =>
        ok(
          await (run as (c: unknown, id: string, b: unknown) => Promise<Appointment>)(
            ctx(req),
            req.params.id,
            req.body ?? {},
          ),
        ),
    );
  }

  r.get(
    '/api/v1/scheduling/slots',
    {
      config: { access: 'appointments.view' },
      schema: {
        tags,
        summary: 'Free slots of an appointment type (UTC instants with the agent’s time zone)',
        querystring: slotsQuery,
        response: replies(z.array(slotSchema)),
      },
    },
    async (req) => ok(await listSlots(ctx(req), req.query)),
  );
};
