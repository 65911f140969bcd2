import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../src/platform/http/app-error.ts';
import { ok } from '../../src/platform/http/envelope.ts';

/**
 * Routes that exist only in tests, to exercise the HTTP platform (validation, errors, idempotency) the way
 * business routes will use it. `calls` counts how often each handler really ran.
 */
export const probeRoutes = () => {
  const calls = { create: 0 };
  /** `/_probe/held` waits until `release()` is called; `entered` counts requests inside its handler. */
  const held = { entered: 0, waiting: false, release: () => {} };
  let gate = new Promise<void>((resolve) => {
    held.release = resolve;
  });
  const resetGate = () => {
    gate = new Promise<void>((resolve) => {
      held.release = resolve;
    });
  };
  const plugin = async (app: FastifyInstance) => {
    const r = app.withTypeProvider<ZodTypeProvider>();
    r.post(
      '/api/v1/_probe',
      {
        config: { access: 'public' },
        schema: {
          body: z.strictObject({ name: z.string().min(1).max(50), amount: z.number().int().nonnegative() }),
        },
      },
      async (req, reply) => {
        calls.create += 1;
        return reply.code(201).send(ok({ n: calls.create, ...req.body }));
      },
    );
    r.get('/api/v1/_probe/boom', { config: { access: 'public' } }, async () => {
      throw new Error('select secret_column from users where password = $1 -- internal detail');
    });
    r.post('/api/v1/_probe/conflict', { config: { access: 'public' } }, async () => {
      throw new AppError('CONFLICT', 'Stale version');
    });
    r.post('/api/v1/_probe/held', { config: { access: 'public' } }, async (_req, reply) => {
      held.entered += 1;
      // Only one request waits at the gate; a second one inside the handler answers at once (a test failure).
      if (!held.waiting) {
        held.waiting = true;
        await gate;
        held.waiting = false;
      }
      return reply.code(201).send(ok({ entered: held.entered }));
    });
    r.post('/api/v1/_probe/flaky', { config: { access: 'public' } }, async () => {
      calls.create += 1;
      throw new Error('transient failure');
    });
  };
  return { plugin, calls, held, resetGate };
};
