import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { type Principal, scopeCondition } from '../../../platform/access/index.ts';
import { type AuditActor, writeAudit } from '../../../platform/audit/index.ts';
import type { Tx } from '../../../platform/db/index.ts';
import type { BatchContext } from './import-context.ts';
import type { DuplicateStrategy, ImportEntityDef, ImportRow } from './import-entities.ts';
import { convertRow, type RowError } from './import-rows.ts';
import { type ExistingRow, insertMany, type Update, updateMany } from './import-writes.ts';

export interface BatchOutcome {
  created: number;
  updated: number;
  skipped: number;
  /** Refused rows (one entry per problem) and skipped duplicates, in row order. */
  report: RowError[];
}

type ValidRow = ImportRow;
type Target =
  | { kind: 'new'; index: number }
  | { kind: 'existing'; record: ExistingRow }
  | { kind: 'earlier' };

/** The entity's own reference checks (lead vendors, a contact's company…): refused rows are reported and dropped. */
const checkReferences = async (
  tx: Tx,
  ctx: BatchContext,
  rows: ValidRow[],
  report: RowError[],
): Promise<ValidRow[]> => {
  if (!ctx.entity.checkReferences) return rows;
  const bad = new Set<number>();
  await ctx.entity.checkReferences(tx, ctx.actor.tenantId, rows, (r, field, message) => {
    bad.add(r.row);
    report.push({ row: r.row, field, message });
  });
  return bad.size === 0 ? rows : rows.filter((r) => !bad.has(r.row));
};

/**
 * Active records of the tenant, within the importer's scope, sharing a key with the batch (oldest first per
 * key). Each key is probed on its own index (`LATERAL … OFFSET 0`, one index lookup per key) and the matches
 * are then read by id: a plan that cannot degrade into scanning the whole tenant when the statistics are
 * stale — which they are during a big import into a new tenant.
 */
const findExisting = async (tx: Tx, ctx: BatchContext, rows: ValidRow[]) => {
  const { entity } = ctx;
  const def = entity.def;
  const table = def.table;
  const byKey = new Map<string, ExistingRow>();
  const scope = def.owner ? scopeCondition(ctx.principal, def.scope, def.owner) : undefined;
  // One statement for all the keys (a `UNION ALL` of the per-key probes): one round trip per batch.
  const probes: SQL[] = [];
  for (const key of entity.duplicateKeys) {
    const values = [...new Set(rows.map((r) => key.of(r.values)).filter((v): v is string => v !== null))];
    if (values.length === 0) continue;
    probes.push(sql`
      select m.id from unnest(${sql.param(values)}::text[]) as k(v)
      cross join lateral (
        select ${table.id} as id from ${table}
         where ${table.tenantId} = ${ctx.actor.tenantId} and ${key.column} = k.v and ${table.archivedAt} is null
               ${scope ? sql`and ${scope}` : sql``}
        offset 0) as m`);
  }
  if (probes.length === 0) return byKey;
  const probed = (await tx.execute(sql.join(probes, sql` union all `))) as unknown as {
    rows: { id: string }[];
  };
  const ids = new Set(probed.rows.map((r) => r.id));
  if (ids.size === 0) return byKey;
  const where = and(eq(table.tenantId, ctx.actor.tenantId), inArray(table.id, [...ids]));
  let found: ExistingRow[];
  if (ctx.duplicates === 'update') {
    // Whole records, for the audited field diff; locked (real run) so the diff is the one we apply.
    const query = tx
      .select()
      .from(table as PgTable)
      .where(where);
    found = (await (ctx.dryRun ? query : query.for('update'))) as unknown as ExistingRow[];
  } else {
    // Skipping: the id, the age and the key fields are enough.
    const columns = table as unknown as Record<string, PgColumn>;
    const fields = ['id', 'createdAt', ...entity.duplicateKeys.map((k) => k.field)];
    found = (await tx
      .select(Object.fromEntries(fields.map((f) => [f, columns[f] as PgColumn])))
      .from(table as PgTable)
      .where(where)) as unknown as ExistingRow[];
  }
  const oldestFirst = (a: ExistingRow, b: ExistingRow) =>
    (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime() ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (const record of found.sort(oldestFirst)) {
    for (const key of entity.duplicateKeys) {
      const value = key.of(record);
      const id = value === null ? null : `${key.kind}:${value}`;
      if (id && !byKey.has(id)) byKey.set(id, record);
    }
  }
  return byKey;
};

/**
 * A batch's rows converted and validated with the entity's contract: no database work, so the job prepares
 * the next batch while the previous one is being written.
 */
export interface PreparedBatch {
  /** Rows of the file in the batch (valid or not). */
  count: number;
  firstRow: number | null;
  lastRow: number | null;
  valid: ValidRow[];
  /** The refused rows' problems so far. */
  report: RowError[];
}

export const prepareBatch = (
  ctx: Pick<BatchContext, 'entity' | 'header' | 'columns'>,
  records: readonly { row: number; record: readonly string[] }[],
): PreparedBatch => {
  const valid: ValidRow[] = [];
  const report: RowError[] = [];
  for (const { row, record } of records) {
    const converted = convertRow(ctx.entity, ctx.header, ctx.columns, row, record);
    if (converted.ok) valid.push(converted);
    else report.push(...converted.errors);
  }
  return {
    count: records.length,
    firstRow: records[0]?.row ?? null,
    lastRow: records.at(-1)?.row ?? null,
    valid,
    report,
  };
};

/**
 * De-duplicates and (unless a dry run) writes one prepared batch of rows in the caller's transaction:
 * one INSERT for the new records and one UPDATE for the merged duplicates. Duplicates are rows
 * sharing a key with an earlier row of the file or with an active record the importer can see; `skip`
 * reports them, `update` copies the row's non-empty cells onto that record, `create` imports them anyway.
 *
 * Audit: every updated record gets its own `<entity>.updated` row with the field diff; created records
 * are summarised by one `<entity>.imported` row per batch (target: the import, with the counts).
 */
export const applyBatch = async (tx: Tx, ctx: BatchContext, batch: PreparedBatch): Promise<BatchOutcome> => {
  const { entity, actor } = ctx;
  const def = entity.def;
  const report = [...batch.report];
  const valid = await checkReferences(tx, ctx, batch.valid, report);

  const inserts: Record<string, unknown>[] = [];
  const updates = new Map<string, Update>();
  let created = 0;
  let updated = 0;
  let skipped = 0;
  const existing = ctx.duplicates === 'create' ? new Map() : await findExisting(tx, ctx, valid);
  const batchKeys = new Map<string, { target: Target; row: number }>();

  for (const { row, values } of valid) {
    const keys = entity.duplicateKeys
      .map((key) => ({ key, value: key.of(values) }))
      .filter((k): k is { key: (typeof entity.duplicateKeys)[number]; value: string } => k.value !== null);
    let match: { target: Target; row?: number; key: (typeof keys)[number]['key'] } | undefined;
    if (ctx.duplicates !== 'create') {
      for (const { key, value } of keys) {
        const id = `${key.kind}:${value}`;
        const inBatch = batchKeys.get(id);
        const earlier = ctx.seenKeys?.get(id);
        if (inBatch) match = { ...inBatch, key };
        else if (earlier !== undefined) match = { target: { kind: 'earlier' }, row: earlier, key };
        if (match) break;
      }
      for (const { key, value } of match ? [] : keys) {
        const record = existing.get(`${key.kind}:${value}`);
        if (record) {
          match = { target: { kind: 'existing', record }, key };
          break;
        }
      }
    }
    let target: Target;
    if (!match) {
      target = { kind: 'new', index: inserts.length };
      inserts.push({ ...values });
      created++;
    } else if (ctx.duplicates === 'skip') {
      skipped++;
      const label = match.key.label;
      const record = match.target.kind === 'existing' ? match.target.record : undefined;
      report.push({
        row,
        field: match.key.field,
        duplicate: true,
        ...(match.row !== undefined
          ? { message: `Same ${label} as row ${match.row}`, duplicateOfRow: match.row }
          : {
              message: `Same ${label} as an existing ${def.label.toLowerCase()}`,
              ...(record ? { duplicateOfId: record.id } : {}),
            }),
      });
      continue;
    } else {
      target = match.target;
      updated++;
      if (target.kind === 'new') Object.assign(inserts[target.index] as object, values);
      if (target.kind === 'existing') {
        const { record } = target;
        const u = updates.get(record.id) ?? { id: record.id, before: record, patch: {} };
        Object.assign(u.patch, values);
        updates.set(record.id, u);
      }
    }
    for (const { key, value } of keys) {
      const id = `${key.kind}:${value}`;
      if (!batchKeys.has(id)) batchKeys.set(id, { target, row });
    }
  }
  if (ctx.seenKeys)
    for (const [id, { row }] of batchKeys) if (!ctx.seenKeys.has(id)) ctx.seenKeys.set(id, row);

  if (!ctx.dryRun) {
    if (inserts.length > 0) await insertMany(tx, ctx, inserts);
    if (updates.size > 0) await updateMany(tx, ctx, [...updates.values()]);
    if (created + updated > 0) {
      await writeAudit(tx, actor, {
        action: `${def.name}.imported`,
        targetType: 'import',
        targetId: ctx.importId,
        changes: {
          created: { from: null, to: created },
          updated: { from: null, to: updated },
          rows: { from: batch.firstRow, to: batch.lastRow },
        },
      });
    }
  }
  report.sort((a, b) => a.row - b.row);
  return { created, updated, skipped, report };
};
