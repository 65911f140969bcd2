import {
  idParams,
  inboundCallListQuery,
  inboundCallSchema,
  inboundEndpointCreatedSchema,
  inboundEndpointCreateInput,
  inboundEndpointSchema,
  inboundEndpointUpdateInput,
  inboundHookResultSchema,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Logger } from 'pino';
import { z } from 'zod';
import { authedContext } from '../../platform/context/service-context.ts';
import { AppError } from '../../platform/http/app-error.ts';
import { ok, page } from '../../platform/http/envelope.ts';
import { listReplies, replies } from '../../platform/http/route-schema.ts';
import {
  createEndpoint,
  listCalls,
  listEndpoints,
  revokeEndpoint,
  updateEndpoint,
} from './inbound-endpoints.service.ts';
import { receiveHook } from './inbound-hook.service.ts';
import type { IntegrationsDeps } from './integrations-deps.ts';

const base = '/api/v1/inbound-endpoints';
const tags = ['inbound hooks'];
const access = 'webhooks.manage' as const;

/** Managing inbound lead-capture endpoints (members with `webhooks.manage`). */
export const inboundEndpointRoutes = async (app: FastifyInstance, deps: IntegrationsDeps) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, deps.database);
  r.get(
    base,
    {
      config: { access },
      schema: { tags, summary: 'Inbound endpoints', response: replies(z.array(inboundEndpointSchema)) },
    },
    async (req) => ok(await listEndpoints(ctx(req))),
  );
  r.post(
    base,
    {
      config: { access, idempotency: false },
      schema: {
        tags,
        summary: 'Create an endpoint; its `token` (the URL) and HMAC `secret` are returned once',
        body: inboundEndpointCreateInput,
        response: replies(inboundEndpointCreatedSchema, 201),
      },
    },
    async (req, reply) => reply.code(201).send(ok(await createEndpoint(ctx(req), req.body))),
  );
  r.patch(
    `${base}/:id`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Change name, mapping, HMAC or rate limit',
        params: idParams,
        body: inboundEndpointUpdateInput,
        response: replies(inboundEndpointSchema),
      },
    },
    async (req) => ok(await updateEndpoint(ctx(req), req.params.id, req.body)),
  );
  r.delete(
    `${base}/:id`,
    {
      config: { access },
      schema: {
        tags,
        summary: 'Revoke the token (the URL answers 404 from now on)',
        params: idParams,
        response: replies(inboundEndpointSchema),
      },
    },
    async (req) => ok(await revokeEndpoint(ctx(req), req.params.id)),
  );
  r.get(
    '/api/v1/inbound-calls',
    {
      config: { access },
      schema: {
        tags,
        summary: 'The call log, newest first',
        querystring: inboundCallListQuery,
        response: listReplies(inboundCallSchema),
      },
    },
    async (req) => {
      const { items, pagination } = await listCalls(ctx(req), req.query);
      return page(items, pagination);
    },
  );
};

const FORM = 'application/x-www-form-urlencoded';

/**
 * The public hook `POST /api/hooks/<token>` (JSON or form-encoded). Its own encapsulated parsers keep the raw
 * body (the HMAC covers the bytes as sent).
 */
export const inboundHookRoute = async (app: FastifyInstance, deps: IntegrationsDeps & { log: Logger }) => {
  app.removeContentTypeParser('application/json');
  for (const type of ['application/json', FORM])
    app.addContentTypeParser(type, { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) =>
      done(null, body),
    );
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/hooks/:token',
    {
      config: { access: 'public', idempotency: false },
      schema: {
        tags,
        summary: 'Lead capture: create a lead from a JSON or form payload (once per external id)',
        params: z.strictObject({ token: z.string().regex(/^tih_[A-Za-z0-9_-]{32}$/, 'Unknown hook') }),
        response: { ...replies(inboundHookResultSchema), ...replies(inboundHookResultSchema, 201) },
      },
    },
    async (req, reply) => {
      const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (typeof req.body !== 'string' || (type !== 'application/json' && type !== FORM))
        throw new AppError('UNSUPPORTED_MEDIA_TYPE', `Send application/json or ${FORM}`);
      const result = await receiveHook(deps, {
        token: req.params.token,
        raw: req.body,
        form: type === FORM,
        signature: req.headers['x-tessera-signature'] as string | undefined,
      });
      return reply.code(result.duplicate ? 200 : 201).send(ok(result));
    },
  );
};
