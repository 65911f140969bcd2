import { and, asc, eq, sql } from 'drizzle-orm';
import { writeAudit } from '../../src/platform/audit/index.ts';
import { auditLogs } from '../../src/platform/audit/tables.ts';
import type { Database } from '../../src/platform/db/index.ts';
import { type DispatchedEvent, defineConsumer, type EventConsumer } from '../../src/platform/events/index.ts';

/**
 * A consumer that records each delivery as an audit row `probe.<name>` (target: the event id) in the delivery
 * transaction, i.e. a real tenant table under RLS. `before` runs first and may throw to fail the delivery.
 */
export const probeConsumer = (
  name: string,
  before: (event: DispatchedEvent) => Promise<void> | void = () => {},
): EventConsumer => {
  const handle = async (event: DispatchedEvent, { tx }: { tx: Parameters<typeof writeAudit>[0] }) => {
    await before(event);
    await writeAudit(
      tx,
      { tenantId: event.tenantId, userId: null },
      { action: `probe.${name}`, targetType: event.type, targetId: event.id },
    );
  };
  return defineConsumer({
    name,
    on: {
      'lead.created': handle,
      'lead.assigned': handle,
      'deal.won': handle,
      'task.completed': handle,
      'member.joined': handle,
    },
  });
};

/** The event ids a probe consumer recorded, in the order it recorded them (owner connection). */
export const probeDeliveries = async (database: Database, name: string, tenantId?: string) =>
  (
    await database.db
      .select({ eventId: auditLogs.targetId, tenantId: auditLogs.tenantId })
      .from(auditLogs)
      .where(
        and(eq(auditLogs.action, `probe.${name}`), tenantId ? eq(auditLogs.tenantId, tenantId) : sql`true`),
      )
      .orderBy(asc(auditLogs.id))
  ) // UUIDv7: the order of writing
    .map((r) => r.eventId as string);

/** Rows still in the outbox (and delivery records), across tenants. */
export const outboxRows = async (database: Database) => {
  const r = (await database.db.execute(
    sql`select (select count(*)::int from event_outbox) as events, (select count(*)::int from event_deliveries) as deliveries`,
  )) as unknown as { rows: { events: number; deliveries: number }[] };
  return r.rows[0] as { events: number; deliveries: number };
};
