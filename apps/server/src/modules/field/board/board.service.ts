import type { Board, BoardJob, BoardQuery } from '@tessera/contracts';
import { and, asc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import * as kit from '../../../platform/records/index.ts';
import { crewDef } from '../crews/crew-record.ts';
import { crewsWithMembers } from '../crews/crews.service.ts';
import { crews } from '../crews/crews.tables.ts';
import { jobVisibility } from '../jobs/job-record.ts';
import { jobs } from '../jobs/jobs.tables.ts';

/** Most queue entries the board loads at once (the rest: `unassignedTruncated`, narrow the filters). */
export const QUEUE_LIMIT = 500;

const escapeLike = (q: string) => q.replace(/[\\%_]/g, (ch) => `\\${ch}`);

const blockColumns = {
  id: jobs.id,
  version: jobs.version,
  kind: jobs.kind,
  title: jobs.title,
  priority: jobs.priority,
  status: jobs.status,
  crewId: jobs.crewId,
  scheduledStart: jobs.scheduledStart,
  scheduledEnd: jobs.scheduledEnd,
  estimatedMinutes: jobs.estimatedMinutes,
  requiredSkills: jobs.requiredSkills,
  siteAddress: jobs.siteAddress,
  customerName: jobs.customerName,
  late: sql<boolean>`(${jobs.scheduledEnd} < now() and ${jobs.status} not in ('completed', 'cancelled'))`,
};
type BlockRow = { [K in keyof typeof blockColumns]: unknown };
const toBlock = (r: BlockRow): BoardJob => ({
  ...(r as unknown as BoardJob),
  scheduledStart: (r.scheduledStart as Date | null)?.toISOString() ?? null,
  scheduledEnd: (r.scheduledEnd as Date | null)?.toISOString() ?? null,
  late: Boolean(r.late),
});

/**
 * The dispatch board in one request: every crew the caller may see (rows), the crewed jobs whose window
 * meets [from, to) (blocks), and the queue of open jobs without a crew (filtered by priority, skill and area —
 * a part of the site address). Three queries, whatever the size.
 */
export const loadBoard = (ctx: AuthedContext, q: BoardQuery): Promise<Board> =>
  kit.inTenant(ctx, async (t) => {
    kit.requirePermission(ctx, 'crews.view');
    const crewRows = await t
      .select()
      .from(crews)
      .where(and(eq(crews.tenantId, ctx.tenantId), isNull(crews.archivedAt), crewDef.restrict?.(ctx)))
      .orderBy(sql`lower(${crews.name})`, asc(crews.id));
    const live = and(eq(jobs.tenantId, ctx.tenantId), isNull(jobs.archivedAt), jobVisibility(ctx)) as SQL;
    const blocks = await t
      .select(blockColumns)
      .from(jobs)
      .where(
        and(
          live,
          sql`${jobs.crewId} is not null`,
          sql`${jobs.scheduledStart} < ${q.to}::timestamptz`,
          sql`${jobs.scheduledEnd} > ${q.from}::timestamptz`,
        ),
      )
      .orderBy(asc(jobs.scheduledStart), asc(jobs.id));
    const queue = await t
      .select(blockColumns)
      .from(jobs)
      .where(
        and(
          live,
          isNull(jobs.crewId),
          sql`${jobs.status} not in ('completed', 'cancelled')`,
          sql`(${jobs.scheduledStart} is null or (${jobs.scheduledStart} < ${q.to}::timestamptz and ${jobs.scheduledEnd} > ${q.from}::timestamptz))`,
          q.priority ? eq(jobs.priority, q.priority) : undefined,
          q.skill ? sql`${q.skill} = any(${jobs.requiredSkills})` : undefined,
          q.area
            ? sql`lower(${jobs.siteAddress}) like ${`%${escapeLike(q.area.toLowerCase())}%`}`
            : undefined,
        ),
      )
      .orderBy(
        sql`(case ${jobs.priority} when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end)`,
        sql`${jobs.scheduledStart} asc nulls last`,
        asc(jobs.id),
      )
      .limit(QUEUE_LIMIT + 1);
    return {
      from: new Date(q.from).toISOString(),
      to: new Date(q.to).toISOString(),
      crews: await crewsWithMembers(t, ctx, crewRows),
      jobs: blocks.map(toBlock),
      unassigned: queue.slice(0, QUEUE_LIMIT).map(toBlock),
      unassignedTruncated: queue.length > QUEUE_LIMIT,
    };
  });
