import {
  apiKeyCreatedSchema,
  apiKeyCreateInput,
  apiKeySchema,
  idParams,
  listQuery,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import { ok, page } from '../../../platform/http/envelope.ts';
import { listReplies, replies } from '../../../platform/http/route-schema.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { createApiKey, listApiKeys, revokeApiKey } from './api-keys.service.ts';

const tags = ['api-keys'];

/** API keys of the company: list (never the key), create (the key is shown once), revoke. */
export const apiKeyRoutes = async (app: FastifyInstance, deps: IdentityDeps) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, deps.database);

  r.get(
    '/api/v1/api-keys',
    {
      config: { access: 'api_keys.manage' },
      schema: {
        tags,
        summary: 'API keys, newest first (prefix only, never the key)',
        querystring: listQuery,
        response: listReplies(apiKeySchema),
      },
    },
    async (req) => {
      const { items, pagination } = await listApiKeys(ctx(req), req.query);
      return page(items, pagination);
    },
  );

  r.post(
    '/api/v1/api-keys',
    {
      // No Idempotency-Key replay: it would store the response, i.e. the plain key, for 24 h.
      config: { access: 'api_keys.manage', idempotency: false },
      schema: {
        tags,
        summary: 'Create an API key with some of your permissions; `key` is returned once',
        body: apiKeyCreateInput,
        response: replies(apiKeyCreatedSchema, 201),
      },
    },
    async (req, reply) => reply.code(201).send(ok(await createApiKey(ctx(req), req.body))),
  );

  r.delete(
    '/api/v1/api-keys/:id',
    {
      config: { access: 'api_keys.manage' },
      schema: {
        tags,
        summary: 'Revoke an API key (it stops working at once)',
        params: idParams,
        response: replies(apiKeySchema),
      },
    },
    async (req) => ok(await revokeApiKey(ctx(req), req.params.id)),
  );
};
