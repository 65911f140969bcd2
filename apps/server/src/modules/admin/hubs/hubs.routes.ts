import {
  hubConfigSchema,
  hubPreviewInput,
  hubRoleParams,
  hubRollbackInput,
  hubSaveInput,
  hubVersionSchema,
  myHubSchema,
  roleHubSchema,
} from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import type { Database } from '../../../platform/db/index.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import { hubVersions, myHub, previewHub, roleHub, rollbackHub, saveHub } from './hubs.service.ts';

const tags = ['hubs'];

/** Role hubs: every member reads their own; `settings.manage` edits a role's override (docs/modules/hubs.md). */
export const hubRoutes = async (app: FastifyInstance, deps: { database: Database }) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: Parameters<typeof authedContext>[0]) => authedContext(req, deps.database);

  r.get(
    '/api/v1/hub',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'My hub: navigation, quick actions and dashboard',
        response: replies(myHubSchema),
      },
    },
    async (req) => ok(await myHub(ctx(req))),
  );
  r.get(
    '/api/v1/hubs/:roleId',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary: "A role's hub: base, the tenant's override and the effective config",
        params: hubRoleParams,
        response: replies(roleHubSchema),
      },
    },
    async (req) => ok(await roleHub(ctx(req), req.params.roleId)),
  );
  r.post(
    '/api/v1/hubs/:roleId/versions',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary: 'Save a new override version (send the current version; 0 when none)',
        params: hubRoleParams,
        body: hubSaveInput,
        response: replies(roleHubSchema, 201),
      },
    },
    async (req, reply) => reply.code(201).send(ok(await saveHub(ctx(req), req.params.roleId, req.body))),
  );
  r.get(
    '/api/v1/hubs/:roleId/versions',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary: 'Saved override versions, newest first',
        params: hubRoleParams,
        response: replies(z.array(hubVersionSchema)),
      },
    },
    async (req) => ok(await hubVersions(ctx(req), req.params.roleId)),
  );
  r.post(
    '/api/v1/hubs/:roleId/rollback',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary: 'Save an earlier version again as the newest one',
        params: hubRoleParams,
        body: hubRollbackInput,
        response: replies(roleHubSchema),
      },
    },
    async (req) => ok(await rollbackHub(ctx(req), req.params.roleId, req.body)),
  );
  r.post(
    '/api/v1/hubs/:roleId/preview',
    {
      config: { access: 'settings.manage' },
      schema: {
        tags,
        summary: "What the role's members would see with this override (nothing is saved)",
        params: hubRoleParams,
        body: hubPreviewInput,
        response: replies(hubConfigSchema),
      },
    },
    async (req) => ok(await previewHub(ctx(req), req.params.roleId, req.body.override)),
  );
};
