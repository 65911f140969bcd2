import { idParams, memberImportReport, memberSchema, memberUpdateInput } from '@tessera/contracts';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { authedContext } from '../../../platform/context/service-context.ts';
import { ok, page } from '../../../platform/http/envelope.ts';
import { listReplies, replies } from '../../../platform/http/route-schema.ts';
import type { IdentityDeps } from '../identity-deps.ts';
import { listMembers, removeMember, updateMember } from './members.service.ts';
import { importMembers } from './members-import.service.ts';

const tags = ['members'];

export const memberRoutes = async (app: FastifyInstance, deps: IdentityDeps) => {
  // CSV uploads for the member import (raw text; the global body limit applies).
  app.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_req, body, done) =>
    done(null, body),
  );
  const r = app.withTypeProvider<ZodTypeProvider>();
  const ctx = (req: Parameters<typeof authedContext>[0]) => authedContext(req, deps.database);

  r.get(
    '/api/v1/members',
    {
      config: { access: 'members.view' },
      schema: { tags, summary: 'Members of the company', response: listReplies(memberSchema) },
    },
    async (req) => {
      const members = await listMembers(ctx(req));
      return page(members, { limit: members.length, nextCursor: null, hasMore: false });
    },
  );
  r.patch(
    '/api/v1/members/:id',
    {
      config: { access: 'members.manage' },
      schema: {
        tags,
        summary: 'Change role, status, grants or denials (send the version)',
        params: idParams,
        body: memberUpdateInput,
        response: replies(memberSchema),
      },
    },
    async (req) => ok(await updateMember(ctx(req), req.params.id, req.body)),
  );
  r.delete(
    '/api/v1/members/:id',
    {
      config: { access: 'members.manage' },
      schema: {
        tags,
        summary: 'Remove a member from the company',
        params: idParams,
        response: replies(z.object({ removed: z.literal(true) })),
      },
    },
    async (req) => {
      await removeMember(ctx(req), req.params.id);
      return ok({ removed: true as const });
    },
  );
  r.post(
    '/api/v1/members/import',
    {
      config: { access: 'members.manage' },
      schema: {
        tags,
        summary: 'Invite members from a CSV (email,name,role); per-row report',
        body: z.string().min(1, 'The file is empty').max(1_000_000),
        consumes: ['text/csv'],
        response: replies(memberImportReport),
      },
    },
    async (req) => ok(await importMembers(deps, ctx(req), req.body)),
  );
};
