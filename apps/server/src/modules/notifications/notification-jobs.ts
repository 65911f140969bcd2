import { and, eq, gte, inArray } from 'drizzle-orm';
import { v5 as uuidv5 } from 'uuid';
import { z } from 'zod';
import type { Database, Tx } from '../../platform/db/index.ts';
import { withTenant } from '../../platform/db/index.ts';
import { defineJob } from '../../platform/jobs/index.ts';
import { queueMail } from '../../platform/mail/index.ts';
import { assignedTasksDue } from '../crm/index.ts';
import { memberContacts, tenants } from '../identity/index.ts';
import { notify, SUBJECTS } from './notify.ts';
import { notificationDigests, notificationPreferences, notifications } from './tables.ts';

/** Namespace of the deterministic source ids of job-made notifications (UUIDv5). */
const JOB_NAMESPACE = '6f1d3a52-0c1e-4b8e-9a57-3e0b7c1f2d44';

const utcDay = (at: Date) => at.toISOString().slice(0, 10);
const dayBounds = (day: string) => {
  const from = new Date(`${day}T00:00:00.000Z`);
  return { from, to: new Date(from.getTime() + 86_400_000) };
};

/** Runs `fn` in each tenant's transaction (tenant tables are under forced RLS: one scope at a time). */
const forEachTenant = async (database: Database, fn: (tx: Tx, tenantId: string) => Promise<void>) => {
  const all = await database.db.select({ id: tenants.id }).from(tenants);
  for (const { id } of all) await withTenant(database, id, (tx) => fn(tx, id));
};

/**
 * `task.due_today` for every assignee of an open task due on `day` (UTC). The source id is UUIDv5 of task and
 * day, so a retry, a second run or a second instance adds nothing.
 */
export const notifyTasksDue = (database: Database, day: string) =>
  forEachTenant(database, async (tx, tenantId) => {
    const { from, to } = dayBounds(day);
    for (const task of await assignedTasksDue(tx, from, to)) {
      const source = {
        id: uuidv5(`task.due_today:${task.id}:${day}`, JOB_NAMESPACE),
        tenantId,
        type: 'task.due_today' as const,
        actorUserId: null,
      };
      await notify(tx, source, [task.assigneeId as string], 'task', task.id, task.title.slice(0, 200));
    }
  });

/**
 * One e-mail per user and UTC day listing their notifications of the last 24 h whose type they set to
 * `digest`. The `notification_digests` row, written in the same transaction as the mail, makes it once per
 * user per day: a retry finds it and sends nothing.
 */
export const sendDigests = (database: Database, now: Date) =>
  forEachTenant(database, async (tx, tenantId) => {
    const day = utcDay(now);
    const chosen = await tx
      .select({ userId: notificationPreferences.userId, type: notificationPreferences.type })
      .from(notificationPreferences)
      .where(
        and(eq(notificationPreferences.tenantId, tenantId), eq(notificationPreferences.email, 'digest')),
      );
    const typesByUser = new Map<string, string[]>();
    for (const c of chosen) typesByUser.set(c.userId, [...(typesByUser.get(c.userId) ?? []), c.type]);
    const since = new Date(now.getTime() - 86_400_000);
    for (const contact of await memberContacts(tx, tenantId, [...typesByUser.keys()])) {
      const items = await tx
        .select({ type: notifications.type, title: notifications.title, entity: notifications.entity })
        .from(notifications)
        .where(
          and(
            eq(notifications.tenantId, tenantId),
            eq(notifications.userId, contact.userId),
            inArray(notifications.type, typesByUser.get(contact.userId) ?? []),
            gte(notifications.createdAt, since),
          ),
        )
        .orderBy(notifications.id)
        .limit(200);
      if (items.length === 0) continue;
      const marked = await tx
        .insert(notificationDigests)
        .values({ tenantId, userId: contact.userId, day, items: items.length })
        .onConflictDoNothing()
        .returning({ day: notificationDigests.day });
      if (marked.length === 0) continue;
      const lines = items.map(
        (i) => `- ${SUBJECTS[i.type as keyof typeof SUBJECTS] ?? i.type}${i.title ? `: ${i.title}` : ''}`,
      );
      await queueMail(tx, {
        to: contact.email,
        subject: `Your Tessera digest for ${day} (${items.length})`,
        text: [
          `Hello ${contact.name},`,
          '',
          ...lines,
          '',
          'Change what you get: Settings → Notifications.',
        ].join('\n'),
        tenantRef: tenantId,
      });
    }
  });

/** Daily at 06:00 UTC: tasks due today. */
export const tasksDueTodayJob = defineJob({
  name: 'notifications.tasks-due-today',
  payload: z.object({}).loose(),
  cron: '0 6 * * *',
  retry: { limit: 3, delaySeconds: 60 },
  handler: async (_p, { database }) => notifyTasksDue(database, utcDay(new Date())),
});

/** Daily at 07:00 UTC: the digest e-mails. */
export const dailyDigestJob = defineJob({
  name: 'notifications.daily-digest',
  payload: z.object({}).loose(),
  cron: '0 7 * * *',
  retry: { limit: 3, delaySeconds: 60 },
  handler: async (_p, { database }) => sendDigests(database, new Date()),
});
