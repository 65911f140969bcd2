import { sql } from 'drizzle-orm';
import type { BrowserSession } from '../helpers/auth-client.ts';
import type { crmApi } from '../helpers/crm-api.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';
import type { TestApp } from '../helpers/test-app.ts';

type Api = ReturnType<typeof crmApi>;

/** Every day 08:00–18:00 in the zone. */
export const allWeek = (start = '08:00', end = '18:00') =>
  [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start, end }));

export const SCHEDULING_TABLES = ['scheduling_agents', 'appointment_types', 'appointments', 'leads'];

/** Sets `who` up as an agent of `as`'s tenant. */
export const makeAgent = (c: Api, as: BrowserSession, who: BrowserSession, extra: object = {}) =>
  c.create(as, '/scheduling/agents', {
    userId: who.userId,
    timeZone: 'UTC',
    weeklyHours: allWeek(),
    ...extra,
  });

let n = 0;
/** An appointment type (60 min, 15 before / 15 after, 30 min steps unless told). */
export const makeType = (c: Api, as: BrowserSession, extra: object = {}) =>
  c.create(as, '/scheduling/types', {
    name: 'Consultation',
    slug: `consult-${++n}`,
    durationMinutes: 60,
    bufferBeforeMinutes: 15,
    bufferAfterMinutes: 15,
    slotStepMinutes: 30,
    ...extra,
  });

/** The tenant's events still in the outbox (no dispatcher runs in API tests), oldest first. */
export const outboxEvents = (t: TestApp, tenantId: string, prefix = 'appointment.') =>
  dbRows<{ type: string; payload: Record<string, unknown> }>(
    t,
    sql`select type, payload from event_outbox where tenant_id = ${tenantId} and type like ${`${prefix}%`} order by created_at, id`,
  );
