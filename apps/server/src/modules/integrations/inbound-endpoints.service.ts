import { randomBytes } from 'node:crypto';
import type {
  InboundCall,
  InboundEndpoint,
  InboundEndpointCreateInput,
  inboundCallListQuery,
  inboundEndpointUpdateInput,
  Pagination,
} from '@tessera/contracts';
import { and, desc, eq, isNull, lt, type SQL, sql } from 'drizzle-orm';
import { z } from 'zod';
import { writeAudit } from '../../platform/audit/index.ts';
import type { AuthedContext } from '../../platform/context/service-context.ts';
import { type Tx, withTenant } from '../../platform/db/index.ts';
import { AppError, notFound } from '../../platform/http/app-error.ts';
import { decodeCursor, invalidCursor, toPage } from '../../platform/http/pagination.ts';
import { assertReferences } from '../../platform/records/references.ts';
import { hashToken, newInboundToken } from './signing.ts';
import { inboundCalls, inboundEndpoints } from './tables.ts';

type EndpointRow = typeof inboundEndpoints.$inferSelect;
type CallRow = typeof inboundCalls.$inferSelect;

const toEndpoint = (r: EndpointRow): InboundEndpoint => ({
  id: r.id,
  name: r.name,
  mapping: r.mapping,
  externalIdField: r.externalIdField,
  source: r.source,
  vendorId: r.vendorId,
  ownerId: r.ownerId,
  verifySignature: r.verifySignature,
  rateLimitPerMinute: r.rateLimitPerMinute,
  revokedAt: r.revokedAt?.toISOString() ?? null,
  version: r.version,
  createdAt: r.createdAt.toISOString(),
});

const toCall = (r: CallRow): InboundCall => ({
  id: r.id,
  endpointId: r.endpointId,
  outcome: r.outcome,
  externalId: r.externalId,
  leadId: r.leadId,
  error: r.error,
  createdAt: r.createdAt.toISOString(),
});

const inScope = <T>(ctx: AuthedContext, fn: (tx: Tx) => Promise<T>) =>
  withTenant(ctx.database, ctx.tenantId, fn, ctx.userId);

const findEndpoint = async (tx: Tx, ctx: AuthedContext, id: string) => {
  const [row] = await tx
    .select()
    .from(inboundEndpoints)
    .where(and(eq(inboundEndpoints.tenantId, ctx.tenantId), eq(inboundEndpoints.id, id)));
  if (!row) throw notFound('Inbound endpoint');
  return row;
};

export const listEndpoints = (ctx: AuthedContext) =>
  inScope(ctx, async (tx) =>
    (
      await tx
        .select()
        .from(inboundEndpoints)
        .where(eq(inboundEndpoints.tenantId, ctx.tenantId))
        .orderBy(inboundEndpoints.id)
        .limit(500)
    ).map(toEndpoint),
  );

/** Creates an endpoint; the answer carries its URL token and HMAC secret, this once (only a hash is kept of the token). */
export const createEndpoint = (ctx: AuthedContext, input: InboundEndpointCreateInput) =>
  inScope(ctx, async (tx) => {
    await assertReferences(tx, ctx, { ownerId: input.ownerId, vendorId: input.vendorId });
    const token = newInboundToken();
    const secret = randomBytes(32).toString('hex');
    const [row] = await tx
      .insert(inboundEndpoints)
      .values({
        tenantId: ctx.tenantId,
        name: input.name,
        tokenHash: hashToken(token),
        secret,
        mapping: input.mapping as Record<string, string>,
        externalIdField: input.externalIdField ?? null,
        source: input.source ?? null,
        vendorId: input.vendorId ?? null,
        ownerId: input.ownerId ?? null,
        createdBy: ctx.userId,
        verifySignature: input.verifySignature ?? false,
        rateLimitPerMinute: input.rateLimitPerMinute ?? 60,
      })
      .returning();
    const endpoint = toEndpoint(row as EndpointRow);
    await writeAudit(tx, ctx, {
      action: 'inbound_endpoint.created',
      targetType: 'inbound_endpoint',
      targetId: endpoint.id,
    });
    return { ...endpoint, token, secret };
  });

export const updateEndpoint = (
  ctx: AuthedContext,
  id: string,
  input: z.output<typeof inboundEndpointUpdateInput>,
) =>
  inScope(ctx, async (tx) => {
    const row = await findEndpoint(tx, ctx, id);
    const { version, ...changes } = input;
    const [updated] = await tx
      .update(inboundEndpoints)
      .set({ ...changes, version: sql`${inboundEndpoints.version} + 1` })
      .where(and(eq(inboundEndpoints.id, id), eq(inboundEndpoints.version, version)))
      .returning();
    if (!updated)
      throw new AppError('CONFLICT', 'The endpoint was changed by someone else', {
        details: { current: toEndpoint(row) },
      });
    await writeAudit(tx, ctx, {
      action: 'inbound_endpoint.updated',
      targetType: 'inbound_endpoint',
      targetId: id,
    });
    return toEndpoint(updated);
  });

/** Revokes the token: the URL answers 404 from now on. Idempotent. */
export const revokeEndpoint = (ctx: AuthedContext, id: string) =>
  inScope(ctx, async (tx) => {
    await findEndpoint(tx, ctx, id);
    const revoked = await tx
      .update(inboundEndpoints)
      .set({ revokedAt: new Date() })
      .where(and(eq(inboundEndpoints.id, id), isNull(inboundEndpoints.revokedAt)))
      .returning({ id: inboundEndpoints.id });
    if (revoked.length > 0)
      await writeAudit(tx, ctx, {
        action: 'inbound_endpoint.revoked',
        targetType: 'inbound_endpoint',
        targetId: id,
      });
    return toEndpoint(await findEndpoint(tx, ctx, id));
  });

export const listCalls = (
  ctx: AuthedContext,
  query: z.output<typeof inboundCallListQuery>,
): Promise<{ items: InboundCall[]; pagination: Pagination }> =>
  inScope(ctx, async (tx) => {
    let after: string | undefined;
    if (query.cursor) {
      const parsed = z.tuple([z.guid()]).safeParse(decodeCursor(query.cursor));
      if (!parsed.success) throw invalidCursor();
      after = parsed.data[0];
    }
    const where: (SQL | undefined)[] = [
      eq(inboundCalls.tenantId, ctx.tenantId),
      query.endpointId ? eq(inboundCalls.endpointId, query.endpointId) : undefined,
      after ? lt(inboundCalls.id, after) : undefined,
    ];
    const rows = await tx
      .select()
      .from(inboundCalls)
      .where(and(...where))
      .orderBy(desc(inboundCalls.id))
      .limit(query.limit + 1);
    const { items, pagination } = toPage(rows, query.limit, (r) => [r.id]);
    return { items: items.map(toCall), pagination };
  });
