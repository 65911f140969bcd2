import type { BillableTime, markInvoicedInput } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { redactFields } from '../../../platform/access/index.ts';
import { writeAudit } from '../../../platform/audit/index.ts';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { type ProjectRow, projectDef } from '../projects/project-record.ts';
import { pricedEntries } from './rates.ts';
import { timeRules } from './time-entry-record.ts';

type Line = {
  entry_id: string;
  user_id: string;
  work_date: string;
  task_id: string | null;
  minutes: number;
  rate: string;
  note: string | null;
};

/**
 * Approved billable time of a project not invoiced yet, priced at each member's rate: what becomes invoice
 * lines for the project's client (the sales module takes them through its public API once it exists).
 */
export const billableTime = (ctx: AuthedContext, projectId: string): Promise<BillableTime> =>
  kit.inTenant(ctx, async (tx) => {
    const project = await kit.findRecord<ProjectRow>(tx, ctx, projectDef, projectId);
    const { rows } = (await tx.execute(sql`
      select e.id as entry_id, e.user_id, e.work_date::text as work_date, e.task_id, e.minutes, e.note, e.rate
        from ${pricedEntries(ctx.tenantId, projectId, sql`e.billable and e.invoiced_at is null`)} e
        join timesheet_weeks w on w.tenant_id = ${ctx.tenantId} and w.user_id = e.user_id and w.week_start = e.week_start
       where w.status = 'approved'
       order by e.work_date, e.user_id, e.id`)) as unknown as { rows: Line[] };
    const lines = rows.map((r) => {
      const rateCents = Number(r.rate);
      return {
        entryId: r.entry_id,
        userId: r.user_id,
        date: r.work_date,
        taskId: r.task_id,
        hours: r.minutes / 60,
        rateCents,
        amountCents: Math.round((r.minutes * rateCents) / 60),
        note: r.note,
      };
    });
    const money = ctx.auth.permissions.has('fields.money.view');
    return redactFields(ctx.auth, {
      projectId,
      companyId: project.companyId,
      currency: project.currency,
      lines: money ? lines : lines.map(({ rateCents: _r, amountCents: _a, ...l }) => l),
      hours: lines.reduce((s, l) => s + l.hours, 0),
      amountCents: lines.reduce((s, l) => s + l.amountCents, 0),
    }) as BillableTime;
  });

/**
 * Marks approved billable entries of a project as invoiced under `invoiceRef`, all or none: an entry already
 * invoiced (also by a concurrent request), not approved, not billable or not this project's is a 409.
 * The database sets the mark once (trigger time_entries_guard).
 */
export const markInvoiced = (
  ctx: AuthedContext,
  projectId: string,
  input: z.output<typeof markInvoicedInput>,
) =>
  kit.inTenant(ctx, async (tx) => {
    await kit.findRecord<ProjectRow>(tx, ctx, projectDef, projectId);
    const ids = [...new Set(input.entryIds)];
    const { rows } = (await tx
      .execute(sql`
        update time_entries e
           set invoiced_at = now(), invoice_ref = ${input.invoiceRef}, version = e.version + 1, updated_at = now()
          from timesheet_weeks w
         where e.tenant_id = ${ctx.tenantId} and e.project_id = ${projectId}
           and e.id in (${sql.join(
             ids.map((id) => sql`${id}::uuid`),
             sql`, `,
           )})
           and e.invoiced_at is null and e.billable
           and w.tenant_id = e.tenant_id and w.user_id = e.user_id and w.week_start = e.week_start
           and w.status = 'approved'
        returning e.id`)
      .catch(timeRules)) as unknown as { rows: { id: string }[] };
    if (rows.length !== ids.length) {
      const done = new Set(rows.map((r) => r.id));
      throw new AppError(
        'CONFLICT',
        'Some entries are not approved billable time of this project, or already invoiced',
        {
          details: ids.filter((id) => !done.has(id)).map((id) => ({ path: 'body.entryIds', message: id })),
        },
      );
    }
    await writeAudit(tx, ctx, {
      action: 'project.time_invoiced',
      targetType: 'project',
      targetId: projectId,
      changes: { invoiceRef: { from: null, to: input.invoiceRef }, entries: { from: 0, to: rows.length } },
    });
    return { invoiced: rows.length, invoiceRef: input.invoiceRef };
  });
