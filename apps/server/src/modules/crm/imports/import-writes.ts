import { createHash } from 'node:crypto';
import { is, SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { auditLogs, diffChanges } from '../../../platform/audit/index.ts';
import { newId } from '../../../platform/db/columns.ts';
import { copyClientOf, copyRows, copyText } from '../../../platform/db/copy.ts';
import type { Tx } from '../../../platform/db/index.ts';
import type { BatchContext } from './import-context.ts';

/** The writes of a batch: its new records (COPY through a staging table, or one INSERT) and its merges. */

export type ExistingRow = Record<string, unknown> & { id: string };
export type Update = { id: string; before: ExistingRow; patch: Record<string, unknown> };
type Col = { field: string; column: PgColumn };

const isArrayColumn = (c: PgColumn) => c.getSQLType().endsWith('[]');

/** A value as the driver sends it (null stays null). */
const driverValue = (column: PgColumn, v: unknown) =>
  v === undefined || v === null ? null : column.mapToDriverValue(v);

/**
 * A whole batch as one row set: `select … from unnest($1::t1[], $2::t2[], …)` — one parameter per column
 * instead of one per cell, which keeps building and planning the statement cheap at any batch size. Array
 * columns (tags) travel as text literals and are cast back.
 */
const unnestRows = (cols: readonly Col[], rows: readonly Record<string, unknown>[]) => {
  const alias = (i: number) => sql.identifier(`c${i}`);
  const params = cols.map(({ field, column }) => {
    const values = rows.map((r) => driverValue(column, r[field]));
    return sql`${sql.param(values)}::${sql.raw(isArrayColumn(column) ? 'text' : column.getSQLType())}[]`;
  });
  const select = cols.map(({ column }, i) =>
    isArrayColumn(column)
      ? sql`u.${alias(i)}::${sql.raw(column.getSQLType())} as ${alias(i)}`
      : sql`u.${alias(i)}`,
  );
  return sql`select ${sql.join(select, sql`, `)} from unnest(${sql.join(params, sql`, `)}) as u(${sql.join(
    cols.map((_, i) => alias(i)),
    sql`, `,
  )})`;
};

/** The value an absent cell gets on insert: the column's default (currency USD, no tags) or null. */
const absentValue = (c: PgColumn) => {
  if (c.default !== undefined && !is(c.default, SQL)) return c.default;
  return isArrayColumn(c) ? [] : null;
};

/**
 * The connection's temporary staging table for these columns (name = a hash of names and types): created
 * once per pooled connection, emptied at the end of every transaction that used it (`on commit delete rows`),
 * so a batch costs no catalog change. Private to the session: no row-level security needed.
 */
const stagingTable = async (tx: Tx, cols: readonly Col[]) => {
  const definition = cols.map((c) => `"${c.column.name}" ${c.column.getSQLType()}`).join(', ');
  const name = `import_stage_${createHash('sha1').update(definition).digest('hex').slice(0, 12)}`;
  await tx.execute(sql.raw(`create temp table if not exists ${name} (${definition}) on commit delete rows`));
  return name;
};

/**
 * The batch's new records, owned and created by the importer. On PostgreSQL they stream with `COPY … FROM
 * STDIN` into the temporary staging table and enter the table with one `INSERT … SELECT`
 * (a table under row-level security accepts no `COPY FROM`; the INSERT runs the policies and constraints).
 * PGlite (no client COPY stream) inserts the batch with one `INSERT … SELECT FROM unnest(…)`.
 */
export const insertMany = async (tx: Tx, ctx: BatchContext, rows: Record<string, unknown>[]) => {
  const { entity, actor } = ctx;
  const table = entity.def.table;
  const createdBy = (table as unknown as { createdBy: PgColumn }).createdBy;
  const owner = entity.def.owner as PgColumn | undefined;
  const fields = Object.keys(entity.columns).filter((f) => rows.some((r) => r[f] !== undefined));
  const cols: Col[] = [
    { field: 'id', column: table.id },
    { field: 'tenantId', column: table.tenantId },
    { field: 'createdBy', column: createdBy },
    // Records without an owner (sales products) get no owner column.
    ...(owner ? [{ field: 'ownerId', column: owner }] : []),
    ...fields.map((field) => ({ field, column: entity.columns[field] as PgColumn })),
  ];
  const names = sql.join(
    cols.map((c) => sql.identifier(c.column.name)),
    sql`, `,
  );
  const client = copyClientOf(tx);
  if (client && (await mayStage(tx))) {
    const stage = await stagingTable(tx, cols);
    // Lines straight from the rows: the importer's columns and each field's absent value encoded once.
    const own = [actor.tenantId, actor.userId, ...(owner ? [actor.userId] : [])];
    const plan = fields.map((f) => {
      const column = entity.columns[f] as PgColumn;
      return { field: f, column, absent: driverValue(column, absentValue(column)) };
    });
    const lines = function* () {
      for (const r of rows)
        yield copyText([
          newId(),
          ...own,
          ...plan.map(({ field, column, absent }) => {
            const v = r[field];
            return v === undefined ? absent : driverValue(column, v);
          }),
        ]);
    };
    const copied = await copyRows(
      client,
      `copy ${stage} (${cols.map((c) => `"${c.column.name}"`).join(', ')}) from stdin`,
      lines(),
    );
    if (copied !== rows.length) throw new Error(`COPY loaded ${copied} of ${rows.length} rows`);
    await tx.execute(sql`insert into ${table} (${names}) select ${names} from ${sql.identifier(stage)}`);
    return;
  }
  const full = rows.map((r) => {
    const row: Record<string, unknown> = {
      id: newId(),
      tenantId: actor.tenantId,
      createdBy: actor.userId,
      ownerId: actor.userId,
    };
    for (const f of fields) row[f] = r[f] === undefined ? absentValue(entity.columns[f] as PgColumn) : r[f];
    return row;
  });
  await tx.execute(sql`insert into ${table} (${names}) ${unnestRows(cols, full)}`);
};

/**
 * PostgreSQL: whether the application role may create the temporary staging table (the `TEMP` privilege,
 * which PUBLIC has unless a DBA revoked it); asked once per process. Without it, the INSERT path is used.
 */
let stagingAllowed: boolean | undefined;
const mayStage = async (tx: Tx) => {
  if (stagingAllowed === undefined) {
    const { rows } = (await tx.execute(
      sql`select has_database_privilege(current_database(), 'TEMP') as ok`,
    )) as unknown as { rows: { ok: boolean }[] };
    stagingAllowed = rows[0]?.ok === true;
  }
  return stagingAllowed;
};

/** One UPDATE for the batch: non-empty cells overwrite, everything else stays; one audit row per record. */
export const updateMany = async (tx: Tx, ctx: BatchContext, updates: Update[]) => {
  const { entity } = ctx;
  const fields = [...new Set(updates.flatMap((u) => Object.keys(u.patch)))].filter(
    (f) => f in entity.columns,
  );
  const cols: Col[] = [
    { field: 'id', column: entity.def.table.id },
    ...fields.map((field) => ({ field, column: entity.columns[field] as PgColumn })),
  ];
  const set = fields.map((_, i) => {
    const name = sql.identifier((cols[i + 1] as Col).column.name);
    return sql`${name} = coalesce(v.${sql.identifier(`c${i + 1}`)}, t.${name}), `;
  });
  await tx.execute(sql`
    update ${entity.def.table} as t
       set ${sql.join(set)}version = t.version + 1, updated_at = now()
      from (${unnestRows(
        cols,
        updates.map((u) => ({ ...u.patch, id: u.id })),
      )}) as v
     where t.tenant_id = ${ctx.actor.tenantId} and t.id = v.c0`);
  const { def } = entity;
  await tx.insert(auditLogs).values(
    updates.map(({ id, before, patch }) => {
      const changes = diffChanges(before, { ...before, ...patch }, def.auditFields as string[]);
      return {
        tenantId: ctx.actor.tenantId,
        actorUserId: ctx.actor.userId,
        actorApiKeyId: ctx.actor.apiKeyId ?? null,
        action: `${def.name}.updated`,
        targetType: def.name,
        targetId: id,
        changes: Object.keys(changes).length > 0 ? changes : null,
        requestId: ctx.actor.requestId ?? null,
      };
    }),
  );
};
