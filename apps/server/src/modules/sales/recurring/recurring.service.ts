import {
  periodDate,
  type RecurringInvoice,
  type recurringInvoiceCreateInput,
  type recurringInvoiceListQuery,
  type recurringInvoiceUpdateInput,
} from '@tessera/contracts';
import { and, desc, eq, getTableColumns } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { newId } from '../../../platform/db/columns.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';
import { calculate, discountColumns, discountOfColumns, resolveLines } from '../documents/document-lines.ts';
import { settingsOf } from '../settings/settings.service.ts';
import { salesRecurringInvoices, salesRecurringRuns } from './recurring.tables.ts';
import { recurringDef, recurringListSpec, type TemplateRow, toTemplate } from './recurring-record.ts';

type CreateInput = z.output<typeof recurringInvoiceCreateInput>;
type UpdateInput = z.output<typeof recurringInvoiceUpdateInput>;
type ListQuery = z.output<typeof recurringInvoiceListQuery>;

const { searchText: _s, ...listColumns } = getTableColumns(salesRecurringInvoices);

/** The columns a create or update sets from its input. */
const templateValues = (input: Partial<CreateInput>) => {
  const { customer, discount, lines, ...rest } = input;
  return {
    ...rest,
    ...(discount !== undefined ? discountColumns(discount) : {}),
    ...(lines ? { lines } : {}),
    ...(customer
      ? {
          customerName: customer.name ?? null,
          customerAddress: customer.address ?? null,
          customerTaxId: customer.taxId ?? null,
          customerEmail: customer.email ?? null,
        }
      : {}),
  };
};

/** Checks the references and the lines (products, tax rates of the tenant) and prices them: the saved total. */
const checked = async (t: Tx, ctx: AuthedContext, row: TemplateRow) => {
  await kit.assertReferences(t, ctx, {
    companyId: row.companyId,
    contactId: row.contactId,
    ownerId: row.ownerId,
  });
  const resolved = await resolveLines(t, ctx, row.lines);
  const settings = await settingsOf(t, ctx.tenantId);
  return calculate(resolved, discountOfColumns(row.discountKind, row.discountValue), settings.rounding)
    .totalMinor;
};

/** The next period's date and the status that follows from it (an ended schedule has none). */
export const scheduleState = (row: TemplateRow, status = row.status) => {
  const nextDate = periodDate(row, row.generatedCount);
  return { nextDate, status: nextDate ? (status === 'ended' ? 'active' : status) : ('ended' as const) };
};

const countBelowGenerated = (row: TemplateRow) => {
  if (row.maxCount !== null && row.maxCount < row.generatedCount)
    throw new AppError('VALIDATION_ERROR', `${row.generatedCount} invoices were already made`, {
      details: [{ path: 'body.maxCount', message: `At least ${row.generatedCount}` }],
    });
};

const autoSendNeedsIssue = (row: TemplateRow) => {
  if (row.autoSend && !row.autoIssue)
    throw new AppError('VALIDATION_ERROR', 'Sending needs issuing', {
      details: [{ path: 'body.autoIssue', message: 'Sending needs issuing' }],
    });
};

/** Templates: list, get, create, change (version → 409), archive, delete, pause and resume. */
export const recurringService = {
  list: (ctx: AuthedContext, query: ListQuery) =>
    kit.inTenant(ctx, async (t) => {
      const { rows, pagination } = await kit.runList<TemplateRow>(
        t,
        recurringListSpec(ctx, query),
        ctx.tenantId,
        query as kit.ListRequest,
        listColumns,
      );
      return { items: rows.map(toTemplate(ctx.auth)), pagination };
    }),
  get: (ctx: AuthedContext, id: string): Promise<RecurringInvoice> =>
    kit.inTenant(ctx, async (t) =>
      toTemplate(ctx.auth)(await kit.findRecord<TemplateRow>(t, ctx, recurringDef, id)),
    ),
  create: (ctx: AuthedContext, input: CreateInput): Promise<RecurringInvoice> =>
    kit.inTenant(ctx, async (t) => {
      const settings = await settingsOf(t, ctx.tenantId);
      const draft = {
        id: newId(),
        ownerId: ctx.userId,
        currency: settings.currency,
        generatedCount: 0,
        status: 'active',
        discountKind: null,
        discountValue: null,
        endDate: null,
        maxCount: null,
        autoIssue: false,
        autoSend: false,
        ...templateValues(input),
      } as unknown as TemplateRow;
      const totalCents = await checked(t, ctx, draft);
      const row = await kit.insertRecord<TemplateRow>(t, ctx, recurringDef, {
        ...draft,
        ...scheduleState(draft),
        totalCents,
      });
      return toTemplate(ctx.auth)(row);
    }),
  update: (ctx: AuthedContext, id: string, input: UpdateInput): Promise<RecurringInvoice> =>
    kit.inTenant(ctx, async (t) => {
      const { version, ...fields } = input;
      const current = await kit.findRecord<TemplateRow>(t, ctx, recurringDef, id, true);
      if (current.version !== version) throw kit.conflict(recurringDef.label, toTemplate(ctx.auth)(current));
      const values = templateValues(fields);
      const merged = { ...current, ...values } as TemplateRow;
      countBelowGenerated(merged);
      autoSendNeedsIssue(merged);
      if (merged.endDate && merged.endDate < merged.startDate)
        throw new AppError('VALIDATION_ERROR', 'The end date cannot be before the start date', {
          details: [{ path: 'body.endDate', message: 'Before the start date' }],
        });
      const totalCents = await checked(t, ctx, merged);
      const { after } = await kit.updateRecord<TemplateRow>(t, ctx, recurringDef, {
        id,
        version,
        patch: { ...values, ...scheduleState(merged), totalCents },
        toDto: toTemplate(ctx.auth),
      });
      return toTemplate(ctx.auth)(after);
    }),
  archive: (ctx: AuthedContext, id: string, change: kit.ArchiveChange): Promise<RecurringInvoice> =>
    kit.inTenant(ctx, async (t) => {
      const { after } = await kit.setArchived<TemplateRow>(t, ctx, recurringDef, {
        id,
        archived: change.archived,
        version: change.version,
        toDto: toTemplate(ctx.auth),
      });
      return toTemplate(ctx.auth)(after);
    }),
  /** Deleting a template keeps the invoices it made (they are ordinary invoices). */
  remove: (ctx: AuthedContext, id: string) =>
    kit.inTenant(ctx, async (t) => {
      await kit.findRecord<TemplateRow>(t, ctx, recurringDef, id, true);
      await kit.deleteRecord(t, ctx, recurringDef, id);
    }),
};

/** Pause (active → paused) or resume (paused → active); the schedule goes on from the period it stopped at. */
export const setPaused = (ctx: AuthedContext, id: string, paused: boolean, version?: number) =>
  kit.inTenant(ctx, async (t): Promise<RecurringInvoice> => {
    const row = await kit.findRecord<TemplateRow>(t, ctx, recurringDef, id, true);
    if (version !== undefined && row.version !== version)
      throw kit.conflict(recurringDef.label, toTemplate(ctx.auth)(row));
    const from = paused ? 'active' : 'paused';
    if (row.status !== from)
      throw new AppError('CONFLICT', `Only ${from} templates can be ${paused ? 'paused' : 'resumed'}`);
    const { after } = await kit.updateRecord<TemplateRow>(t, ctx, recurringDef, {
      id,
      version: undefined,
      patch: { status: paused ? 'paused' : 'active' },
      toDto: toTemplate(ctx.auth),
      action: paused ? 'paused' : 'resumed',
    });
    return toTemplate(ctx.auth)(after);
  });

/** The invoices a template made, newest period first. */
export const listRuns = (ctx: AuthedContext, id: string) =>
  kit.inTenant(ctx, async (t) => {
    await kit.findRecord<TemplateRow>(t, ctx, recurringDef, id);
    const rows = await t
      .select()
      .from(salesRecurringRuns)
      .where(and(eq(salesRecurringRuns.tenantId, ctx.tenantId), eq(salesRecurringRuns.templateId, id)))
      .orderBy(desc(salesRecurringRuns.periodIndex))
      .limit(200);
    return rows.map((r) => ({
      periodIndex: r.periodIndex,
      periodDate: r.periodDate,
      invoiceId: r.invoiceId,
      createdAt: r.createdAt.toISOString(),
    }));
  });
