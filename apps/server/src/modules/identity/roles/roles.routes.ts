import {
  idParams,
  permissionCatalog,
  permissionInfoSchema,
  roleCreateInput,
  roleSchema,
  roleUpdateInput,
} from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import { ok } from '../../../platform/http/envelope.ts';
import { replies } from '../../../platform/http/route-schema.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { createRole, deleteRole, getRole, listRoles, updateRole } from './roles.service.ts';

const tags = ['roles'];
const catalog = Object.entries(permissionCatalog).map(([key, description]) => ({
  key,
  description,
  group: key.split('.')[0] as string,
}));

export const roleRoutes = async (app: FastifyInstance, deps: IdentityDeps) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: Parameters<typeof authedContext>[0]) => authedContext(req, deps.database);

  r.get(
    '/api/v1/permissions',
    {
      config: { access: 'roles.view' },
      schema: { tags, summary: 'The permission catalog', response: replies(z.array(permissionInfoSchema)) },
    },
    async () => ok(catalog as z.infer<typeof permissionInfoSchema>[]),
  );
  r.get(
    '/api/v1/roles',
    {
      config: { access: 'roles.view' },
      schema: { tags, summary: 'Roles of the company', response: replies(z.array(roleSchema)) },
    },
    async (req) => ok(await listRoles(ctx(req))),
  );
  r.post(
    '/api/v1/roles',
    {
      config: { access: 'roles.manage' },
      schema: { tags, summary: 'Create a role', body: roleCreateInput, response: replies(roleSchema, 201) },
    },
    async (req, reply) => reply.code(201).send(ok(await createRole(ctx(req), req.body))),
  );
  r.get(
    '/api/v1/roles/:id',
    {
      config: { access: 'roles.view' },
      schema: { tags, summary: 'One role', params: idParams, response: replies(roleSchema) },
    },
    async (req) => ok(await getRole(ctx(req), req.params.id)),
  );
  r.patch(
    '/api/v1/roles/:id',
    {
      config: { access: 'roles.manage' },
      schema: {
        tags,
        summary: 'Change a role (send its version)',
        params: idParams,
        body: roleUpdateInput,
        response: replies(roleSchema),
      },
    },
    async (req) => ok(await updateRole(ctx(req), req.params.id, req.body)),
  );
  r.delete(
    '/api/v1/roles/:id',
    {
      config: { access: 'roles.manage' },
      schema: {
        tags,
        summary: 'Delete a custom role that nobody has',
        params: idParams,
        response: replies(z.object({ deleted: z.literal(true) })),
      },
    },
    async (req) => {
      await deleteRole(ctx(req), req.params.id);
      return ok({ deleted: true as const });
    },
  );
};
