import {
  idParams,
  taskCommentCreateInput,
  taskCommentListQuery,
  taskCommentParams,
  taskCommentSchema,
  taskCommentUpdateInput,
  taskCompleteInput,
  taskCreateInput,
  taskListQuery,
  taskSchema,
  taskUpdateInput,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok, page } from '../../../platform/http/envelope.ts';
import { listReplies, replies } from '../../../platform/http/route-schema.ts';
import { registerRecordRoutes } from '../../../platform/records/index.ts';
import {
  addTaskComment,
  deleteTaskComment,
  listTaskComments,
  updateTaskComment,
} from './task-comments.service.ts';
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

/** Tasks: the standard record routes plus "complete" and the task's comments. */
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

  // Comments (ADR 0021): reading needs the task visible (tasks.view, record scope); writing tasks.update — your
  // own comments only, except that tasks.delete may delete anyone's.
  r.get(
    '/api/v1/tasks/:id/comments',
    {
      config: { access: 'tasks.view' },
      schema: {
        tags: ['tasks'],
        summary: "A task's comments, oldest first",
        params: idParams,
        querystring: taskCommentListQuery,
        response: listReplies(taskCommentSchema),
      },
    },
    async (req) => {
      const { items, pagination } = await listTaskComments(ctx(req), req.params.id, req.query);
      return page(items, pagination);
    },
  );
  r.post(
    '/api/v1/tasks/:id/comments',
    {
      config: { access: 'tasks.update', idempotency: 'in-transaction' },
      schema: {
        tags: ['tasks'],
        summary: 'Comment on a task (its assignee is notified)',
        params: idParams,
        body: taskCommentCreateInput,
        response: replies(taskCommentSchema, 201),
      },
    },
    async (req, reply) => reply.code(201).send(ok(await addTaskComment(ctx(req), req.params.id, req.body))),
  );
  r.patch(
    '/api/v1/tasks/:id/comments/:commentId',
    {
      config: { access: 'tasks.update' },
      schema: {
        tags: ['tasks'],
        summary: 'Change your own comment (send its version)',
        params: taskCommentParams,
        body: taskCommentUpdateInput,
        response: replies(taskCommentSchema),
      },
    },
    async (req) => ok(await updateTaskComment(ctx(req), req.params.id, req.params.commentId, req.body)),
  );
  r.delete(
    '/api/v1/tasks/:id/comments/:commentId',
    {
      config: { access: 'tasks.update' },
      schema: {
        tags: ['tasks'],
        summary: 'Delete your own comment (anyone’s with tasks.delete)',
        params: taskCommentParams,
        response: replies(z.object({ deleted: z.literal(true) })),
      },
    },
    async (req) => {
      await deleteTaskComment(ctx(req), req.params.id, req.params.commentId);
      return ok({ deleted: true as const });
    },
  );
};
