import {
  idParams,
  taskCompleteInput,
  taskCreateInput,
  taskListQuery,
  taskSchema,
  taskUpdateInput,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import { registerRecordRoutes } from '../../../platform/records/index.ts';
import { taskDef } from './task-record.ts';
import {
  archiveTask,
  completeTask,
  createTask,
  deleteTask,
  getTask,
  listTasks,
  updateTask,
} from './tasks.service.ts';

/** Tasks: the standard record routes plus "complete". */
export const taskRoutes = async (app: FastifyInstance, { database }: { database: Database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, database);

  registerRecordRoutes(app, database, {
    base: '/api/v1/tasks',
    tag: 'tasks',
    def: taskDef,
    permissions: {
      view: 'tasks.view',
      create: 'tasks.create',
      update: 'tasks.update',
      delete: 'tasks.delete',
    },
    schemas: { dto: taskSchema, create: taskCreateInput, update: taskUpdateInput, list: taskListQuery },
    service: {
      list: listTasks,
      get: getTask,
      create: createTask,
      update: updateTask,
      archive: archiveTask,
      remove: deleteTask,
    },
  });

  r.post(
    '/api/v1/tasks/:id/complete',
    {
      config: { access: 'tasks.update' },
      schema: {
        tags: ['tasks'],
        summary: 'Mark a task done (a done task stays as it is)',
        params: idParams,
        body: taskCompleteInput.nullish(),
        response: replies(taskSchema),
      },
    },
    async (req) => ok(await completeTask(ctx(req), req.params.id, req.body ?? {})),
  );
};
