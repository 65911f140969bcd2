import { type SQL, sql } from 'drizzle-orm';
import * as sample from './sample-values.ts';

/*
 * SQL building blocks of the bulk generator (generate-data.ts): every value is computed by PostgreSQL from hashes
 * of the row number, so a batch is one INSERT … SELECT … FROM generate_series(…).
 */

/** Arrays are passed as one `|`-separated text parameter each (drizzle would spread a JS array). */
export const textArray = (values: readonly string[]) => sql`string_to_array(${values.join('|')}, '|')`;

/** A non-negative 31-bit hash of the row key `column` (`g` or `k`), one independent value per seed. */
export const h = (column: 'g' | 'k', seed: number) =>
  sql.raw(`(hashint8extended(s.${column}, ${seed}) & 2147483647)`);

/** `arr[1 + hash % length]`: an element of one of the word arrays (`p.<name>`). */
export const pick = (name: string, length: number, hash: SQL) =>
  sql`p.${sql.raw(name)}[1 + ${hash} % ${length}]`;

/** A value by weighted share in percent: `case when hash % 100 < 35 then 'new' when … end`. */
export const weighted = (mix: readonly (readonly [string, number])[], hash: SQL) => {
  let cumulative = 0;
  const whens = mix.slice(0, -1).map(([value, share]) => {
    cumulative += share;
    return sql`when ${hash} % 100 < ${cumulative}::int then ${value}::text`;
  });
  return sql`(case ${sql.join(whens, sql` `)} else ${mix.at(-1)?.[0]}::text end)`;
};

/** A time-ordered UUID (version 7 layout) for the row's created_at, like the application's ids. */
export const uuidV7At = (ts: SQL) =>
  sql`(lpad(to_hex((extract(epoch from ${ts}) * 1000)::bigint), 12, '0') || '7' || substr(replace(gen_random_uuid()::text, '-', ''), 14))::uuid`;

/** `g` (row number), `k` (person key: ~0.5% of rows repeat the previous row's person) and `ts`. */
export const series = (from: number, to: number, start: Date, stepMs: number) => sql`
  select g, case when (hashint8extended(g, 0) & 2147483647) % 200 = 0 then g - 1 else g end as k,
         ${start.toISOString()}::timestamptz + floor((g - 1) * ${stepMs}::float8) * interval '1 millisecond' as ts
  from generate_series(${from}::bigint, ${to}::bigint) g`;

export const phoneOf = (
  key: SQL,
) => sql`(select '+1 ' || substr(d, 1, 3) || '-' || substr(d, 4, 3) || '-' || substr(d, 7, 4)
  from (select (2000000000 + ((${key}) * 2654435761) % 7999999999)::text as d) digits)`;

export const words = (owners: readonly string[]) => sql`
  select ${textArray(sample.FIRST_NAMES)} as fn, ${textArray(sample.LAST_NAMES)} as ln, ${textArray(sample.COMPANY_PREFIXES)} as cp,
         ${textArray(sample.TRADES)} as tr, ${textArray(sample.EMAIL_DOMAINS)} as dom, ${textArray(sample.LOST_REASONS)} as why,
         ${textArray(sample.TEMPERATURE_TAGS)} as temp, ${textArray(sample.KIND_TAGS)} as kind, ${textArray(sample.CITIES)} as city,
         ${textArray(sample.INDUSTRIES)} as ind, ${textArray(sample.JOB_TITLES)} as title,
         ${textArray(owners)}::uuid[] as ow, ${owners.length}::int as owners`;

export const ownerOf = (hash: SQL, unassignedPercent: number) =>
  sql`(case when ${hash} % 100 < ${unassignedPercent}::int then null else p.ow[1 + ${hash} / 100 % p.owners] end)`;
