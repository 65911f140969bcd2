import { numberPeriod } from '@tessera/contracts';
import { type SQL, sql } from 'drizzle-orm';
import type { Tx } from './generate-sql.ts';

// Generated documents' numbers: taken from the tenant's counter in the batch's transaction (gapless).

export type NumberedKind = 'quote' | 'invoice' | 'credit_note' | 'delivery_note';

/**
 * Takes `count` numbers of `kind` for the period of `day` from the tenant's counter (moved on in the caller's
 * transaction, which holds the row until commit: gapless with concurrent issuing). `start + 1 … start + count`
 * are this caller's; `number(seq, date)` is the SQL of the formatted number of sequence `seq` dated `date`.
 */
export const takeNumbers = async (
  tx: Tx,
  tenantId: string,
  kind: NumberedKind,
  pattern: string,
  day: string,
  count: number,
) => {
  const period = numberPeriod(pattern, day);
  const counter = (await tx.execute(sql`
    insert into sales_counters (tenant_id, kind, period, last_value) values (${tenantId}, ${kind}, ${period}, ${count})
    on conflict (tenant_id, kind, period) do update set last_value = sales_counters.last_value + ${count}
    returning last_value::int as last`)) as unknown as { rows: { last: number }[] };
  const start = (counter.rows[0]?.last ?? count) - count;
  const width = Number(/\{SEQ(?::(\d))?\}/.exec(pattern)?.[1] ?? 1);
  const template = pattern
    .replaceAll('{YYYY}', '#Y4#')
    .replaceAll('{YY}', '#Y2#')
    .replaceAll('{MM}', '#M#')
    .replace(/\{SEQ(?::\d)?\}/, '#SEQ#');
  const number = (seq: SQL, date: SQL) => sql`replace(replace(replace(replace(${template},
      '#Y4#', to_char(${date}, 'YYYY')), '#Y2#', to_char(${date}, 'YY')), '#M#', to_char(${date}, 'MM')),
      '#SEQ#', lpad((${seq})::text, greatest(${width}, length((${seq})::text)), '0'))`;
  return { start, number };
};

/** How many documents `where` selects and, when there are any, that many numbers of `kind` taken at once. */
export const numbersFor = async (
  tx: Tx,
  tenantId: string,
  where: SQL,
  kind: NumberedKind,
  pattern: string,
  today: string,
) => {
  const counted = (await tx.execute(
    sql`select count(*)::int as n from sales_documents where ${where}`,
  )) as unknown as { rows: { n: number }[] };
  const count = counted.rows[0]?.n ?? 0;
  if (count === 0) return undefined;
  return { count, ...(await takeNumbers(tx, tenantId, kind, pattern, today, count)) };
};
