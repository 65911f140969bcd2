import {
  idParams,
  listQuery,
  teamCreateInput,
  teamMemberInput,
  teamSchema,
  teamUpdateInput,
} from '@tessera/contracts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import { ok, page } from '../../../platform/http/envelope.ts';
import { listReplies, replies } from '../../../platform/http/route-schema.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import {
  addTeamMember,
  createTeam,
  deleteTeam,
  getTeam,
  listTeams,
  removeTeamMember,
  updateTeam,
} from './teams.service.ts';

const tags = ['teams'];
const teamMemberParams = z.strictObject({ id: z.guid(), userId: z.guid() });

/** Teams and their members (record scope `team` is computed from these). */
export const teamRoutes = async (app: FastifyInstance, deps: IdentityDeps) => {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: FastifyRequest) => authedContext(req, deps.database);

  r.get(
    '/api/v1/teams',
    {
      config: { access: 'teams.view' },
      schema: { tags, summary: 'Teams, by name', querystring: listQuery, response: listReplies(teamSchema) },
    },
    async (req) => {
      const { items, pagination } = await listTeams(ctx(req), req.query);
      return page(items, pagination);
    },
  );

  r.post(
    '/api/v1/teams',
    {
      config: { access: 'teams.manage' },
      schema: { tags, summary: 'Create a team', body: teamCreateInput, response: replies(teamSchema, 201) },
    },
    async (req, reply) => reply.code(201).send(ok(await createTeam(ctx(req), req.body))),
  );

  r.get(
    '/api/v1/teams/:id',
    {
      config: { access: 'teams.view' },
      schema: { tags, summary: 'One team', params: idParams, response: replies(teamSchema) },
    },
    async (req) => ok(await getTeam(ctx(req), req.params.id)),
  );

  r.patch(
    '/api/v1/teams/:id',
    {
      config: { access: 'teams.manage' },
      schema: {
        tags,
        summary: 'Rename or describe a team (send its version; stale → 409)',
        params: idParams,
        body: teamUpdateInput,
        response: replies(teamSchema),
      },
    },
    async (req) => ok(await updateTeam(ctx(req), req.params.id, req.body)),
  );

  r.delete(
    '/api/v1/teams/:id',
    {
      config: { access: 'teams.manage' },
      schema: {
        tags,
        summary: 'Delete a team (its members stay in the company)',
        params: idParams,
        response: replies(z.object({ deleted: z.literal(true) })),
      },
    },
    async (req) => {
      await deleteTeam(ctx(req), req.params.id);
      return ok({ deleted: true as const });
    },
  );

  r.post(
    '/api/v1/teams/:id/members',
    {
      config: { access: 'teams.manage' },
      schema: {
        tags,
        summary: 'Add a member of the company to the team (idempotent)',
        params: idParams,
        body: teamMemberInput,
        response: replies(teamSchema),
      },
    },
    async (req) => ok(await addTeamMember(ctx(req), req.params.id, req.body.userId)),
  );

  r.delete(
    '/api/v1/teams/:id/members/:userId',
    {
      config: { access: 'teams.manage' },
      schema: {
        tags,
        summary: 'Remove a user from the team (idempotent)',
        params: teamMemberParams,
        response: replies(teamSchema),
      },
    },
    async (req) => ok(await removeTeamMember(ctx(req), req.params.id, req.params.userId)),
  );
};
