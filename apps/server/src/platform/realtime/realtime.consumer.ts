import { EVENT_TYPES, type Permission, type ScopedResource } from '@tessera/contracts';
import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Tx } from '../db/index.ts';
import {
  type ConsumerContext,
  type DispatchedEvent,
  defineConsumer,
  type EventConsumer,
} from '../events/index.ts';
import type { RealtimeHub, RealtimeVisibility } from './realtime-hub.ts';

/** A record kind whose events become socket messages: its table, and what a member needs to see a row. */
export interface RealtimeEntity {
  /** `lead` for `lead.*` events (the event type's first part) and `record.changed {entity: 'lead'}`. */
  entity: string;
  /** The payload field naming the record (`leadId`). */
  idKey: string;
  table: PgTable & { id: PgColumn; tenantId: PgColumn; version: PgColumn };
  view: Permission;
  scope?: { resource: ScopedResource; owner: PgColumn };
  /** Event types also sent to the whole tenant room under another name (`invoice.paid` → `invoiceCleared`). */
  tenantEvents?: Readonly<Record<string, string>>;
  /** Members who see a record whatever their record scope (a job's crew); they also get `notify` events. */
  audience?: (tx: Tx, tenantId: string, id: string) => Promise<readonly string[]>;
  /** Event types sent as themselves: to each audience member's own room, or to the whole tenant. */
  notify?: Readonly<Record<string, 'audience' | 'tenant'>>;
}

const entities = new Map<string, RealtimeEntity>();

/** Registered by the module that owns the table (the CRM registers leads, deals and tasks). */
export const registerRealtimeEntity = (entity: RealtimeEntity) => {
  entities.set(entity.entity, entity);
};

/** The record's version and who may see it, read in the delivery's transaction; undefined once it is gone. */
const visibilityOf = async (tx: Tx, tenantId: string, e: RealtimeEntity, id: string) => {
  const [row] = await tx
    .select({ version: e.table.version, ownerId: e.scope ? e.scope.owner : sql<null>`null` })
    .from(e.table)
    .where(and(eq(e.table.tenantId, tenantId), eq(e.table.id, id)));
  if (!row) return undefined;
  const ownerId = (row.ownerId as string | null) ?? null;
  const mates = ownerId
    ? ((await tx.execute(sql`select distinct tm.user_id from team_members tm
        where tm.tenant_id = ${tenantId} and tm.team_id in
          (select o.team_id from team_members o where o.tenant_id = ${tenantId} and o.user_id = ${ownerId})`)) as unknown as {
        rows: { user_id: string }[];
      })
    : { rows: [] };
  const visibility: RealtimeVisibility = {
    view: e.view,
    ...(e.scope
      ? { scope: { resource: e.scope.resource, ownerId, ownerTeamMates: mates.rows.map((r) => r.user_id) } }
      : {}),
  };
  return { version: row.version as number, visibility };
};

/** Which user an event is addressed to (a toast for them), unless they caused it themselves. */
const addresseeOf = (event: DispatchedEvent): string | undefined => {
  const p = event.payload as Record<string, unknown>;
  const to =
    event.type === 'lead.assigned' ? p.ownerId : event.type === 'task.assigned' ? p.assigneeId : undefined;
  return typeof to === 'string' && to !== event.actorUserId ? to : undefined;
};

/** Event types sent to the whole tenant (each member who may see the record). */
const TENANT_EVENTS: ReadonlySet<string> = new Set(['deal.won']);

const handle = (hub: RealtimeHub) => async (event: DispatchedEvent, ctx: ConsumerContext) => {
  const entity = entities.get(event.type.split('.')[0] ?? '');
  const id = entity && (event.payload as Record<string, unknown>)[entity.idKey];
  if (!entity || typeof id !== 'string') return;
  const found = await visibilityOf(ctx.tx, event.tenantId, entity, id);
  if (!found) return;
  const { tenantId } = event;
  const audience = entity.audience ? await entity.audience(ctx.tx, event.tenantId, id) : [];
  const visibility: RealtimeVisibility = audience.length
    ? { ...found.visibility, alsoUserIds: audience }
    : found.visibility;
  const ids = { [entity.idKey]: id, eventId: event.id };
  const mode = entity.notify?.[event.type];
  ctx.afterCommit(() => {
    hub.publish({
      tenantId,
      event: 'record.changed',
      data: { entity: entity.entity, id, version: found.version },
      visibility,
    });
    const to = addresseeOf(event);
    if (to) hub.publish({ tenantId, userId: to, event: event.type, data: ids, visibility });
    if (TENANT_EVENTS.has(event.type) || mode === 'tenant')
      hub.publish({ tenantId, event: event.type, data: ids, visibility });
    const alias = entity.tenantEvents?.[event.type];
    if (alias) hub.publish({ tenantId, event: alias, data: ids, visibility });
    if (mode === 'audience')
      for (const userId of audience)
        if (userId !== event.actorUserId)
          hub.publish({ tenantId, userId, event: event.type, data: ids, visibility });
  });
};

/** Committed events → socket messages (`record.changed`, and `lead.assigned` / `task.assigned` / `deal.won`). */
export const realtimeConsumer = (hub: RealtimeHub): EventConsumer => {
  const on: EventConsumer['on'] = {};
  const h = handle(hub);
  for (const t of EVENT_TYPES) (on as Record<string, typeof h>)[t] = h;
  return defineConsumer({ name: 'realtime', on });
};
