import { randomBytes } from 'node:crypto';
import { type SQL, sql } from 'drizzle-orm';
import {
  CITIES,
  COMPANY_PREFIXES,
  EMAIL_DOMAINS,
  FIRST_NAMES,
  INDUSTRIES,
  JOB_TITLES,
  KIND_TAGS,
  LAST_NAMES,
  LEAD_SOURCES,
  LEAD_STATUS_MIX,
  LOST_REASONS,
  TEMPERATURE_TAGS,
  TRADES,
} from '../modules/crm/index.ts';
import { type IdentityDeps, signup } from '../modules/identity/index.ts';
import { type Database, withTenant } from '../platform/db/index.ts';
import { activeMemberUserIds, addMembers } from './members.ts';

/**
 * Bulk data for benchmarks and query-plan checks: every row is made by PostgreSQL itself with
 * `INSERT … SELECT … FROM generate_series(…)`, one batch per transaction — no client round trip per row, and
 * the same SQL on PostgreSQL and PGlite. Values come from hashes of the row number (the same rows on every
 * run, except ids and the time the series ends at); timestamps are whole milliseconds.
 */

export interface GenerateCounts {
  leads?: number;
  companies?: number;
  contacts?: number;
  deals?: number;
}

export interface GenerateOptions {
  /** Rows per INSERT (and per transaction). Default 100 000. */
  batchSize?: number;
  /** Owners to spread rows over; default: the tenant's active members. */
  ownerIds?: readonly string[];
  /** Newest created_at; rows are spread over the two years before it. Default now. */
  end?: Date;
  onBatch?: (progress: { table: string; done: number; total: number; elapsedMs: number }) => void;
}

export interface TableResult {
  table: string;
  rows: number;
  ms: number;
}

const TWO_YEARS_MS = 730 * 24 * 3600 * 1000;

/** Arrays are passed as one `|`-separated text parameter each (drizzle would spread a JS array). */
const textArray = (values: readonly string[]) => sql`string_to_array(${values.join('|')}, '|')`;

/** A non-negative 31-bit hash of the row key `column` (`g` or `k`), one independent value per seed. */
const h = (column: 'g' | 'k', seed: number) =>
  sql.raw(`(hashint8extended(s.${column}, ${seed}) & 2147483647)`);

/** `arr[1 + hash % length]`: an element of one of the word arrays (`p.<name>`). */
const pick = (name: string, length: number, hash: SQL) => sql`p.${sql.raw(name)}[1 + ${hash} % ${length}]`;

/** A value by weighted share in percent: `case when hash % 100 < 35 then 'new' when … end`. */
const weighted = (mix: readonly (readonly [string, number])[], hash: SQL) => {
  let cumulative = 0;
  const whens = mix.slice(0, -1).map(([value, share]) => {
    cumulative += share;
    return sql`when ${hash} % 100 < ${cumulative}::int then ${value}::text`;
  });
  return sql`(case ${sql.join(whens, sql` `)} else ${mix.at(-1)?.[0]}::text end)`;
};

/** A time-ordered UUID (version 7 layout) for the row's created_at, like the application's ids. */
const uuidV7At = (ts: SQL) =>
  sql`(lpad(to_hex((extract(epoch from ${ts}) * 1000)::bigint), 12, '0') || '7' || substr(replace(gen_random_uuid()::text, '-', ''), 14))::uuid`;

/** `g` (row number), `k` (person key: ~0.5% of rows repeat the previous row's person) and `ts`. */
const series = (from: number, to: number, start: Date, stepMs: number) => sql`
  select g, case when (hashint8extended(g, 0) & 2147483647) % 200 = 0 then g - 1 else g end as k,
         ${start.toISOString()}::timestamptz + floor((g - 1) * ${stepMs}::float8) * interval '1 millisecond' as ts
  from generate_series(${from}::bigint, ${to}::bigint) g`;

const phoneOf = (
  key: SQL,
) => sql`(select '+1 ' || substr(d, 1, 3) || '-' || substr(d, 4, 3) || '-' || substr(d, 7, 4)
  from (select (2000000000 + ((${key}) * 2654435761) % 7999999999)::text as d) digits)`;

const words = (owners: readonly string[]) => sql`
  select ${textArray(FIRST_NAMES)} as fn, ${textArray(LAST_NAMES)} as ln, ${textArray(COMPANY_PREFIXES)} as cp,
         ${textArray(TRADES)} as tr, ${textArray(EMAIL_DOMAINS)} as dom, ${textArray(LOST_REASONS)} as why,
         ${textArray(TEMPERATURE_TAGS)} as temp, ${textArray(KIND_TAGS)} as kind, ${textArray(CITIES)} as city,
         ${textArray(INDUSTRIES)} as ind, ${textArray(JOB_TITLES)} as title,
         ${textArray(owners)}::uuid[] as ow, ${owners.length}::int as owners`;

const ownerOf = (hash: SQL, unassignedPercent: number) =>
  sql`(case when ${hash} % 100 < ${unassignedPercent}::int then null else p.ow[1 + ${hash} / 100 % p.owners] end)`;

const leadsBatch = (
  tenantId: string,
  owners: readonly string[],
  from: number,
  to: number,
  start: Date,
  step: number,
) => {
  const first = pick('fn', FIRST_NAMES.length, h('k', 1));
  const last = pick('ln', LAST_NAMES.length, h('k', 2));
  const status = weighted(LEAD_STATUS_MIX, h('g', 7));
  const updated = sql`least(s.ts + (${h('g', 14)} % 45) * interval '1 day', date_trunc('milliseconds', now()))`;
  const temp = pick('temp', TEMPERATURE_TAGS.length, h('g', 16));
  const kind = pick('kind', KIND_TAGS.length, h('g', 17));
  return sql`
    with p as materialized (${words(owners)}), s as (${series(from, to, start, step)})
    insert into leads (id, tenant_id, created_at, updated_at, created_by, first_name, last_name, email, phone,
      company_name, source, status, status_reason, owner_id, score, estimated_value_cents, currency, tags,
      archived_at, converted_at)
    select ${uuidV7At(sql`s.ts`)}, ${tenantId}::uuid, s.ts, ${updated}, coalesce(x.owner_id, p.ow[1]),
      x.first_name, x.last_name,
      case when ${h('k', 3)} % 100 < 88
        then lower(x.first_name || '.' || x.last_name || s.k) || '@' || ${pick('dom', EMAIL_DOMAINS.length, h('k', 4))} end,
      case when ${h('k', 5)} % 100 < 80 then ${phoneOf(sql`s.k`)} end,
      case when ${h('k', 6)} % 100 < 65
        then ${pick('cp', COMPANY_PREFIXES.length, h('k', 8))} || ' ' || ${pick('tr', TRADES.length, h('k', 9))} end,
      ${weighted(LEAD_SOURCES, h('g', 10))},
      x.status,
      case when x.status = 'lost' then ${pick('why', LOST_REASONS.length, h('g', 11))} end,
      x.owner_id,
      ${h('g', 12)} % 101,
      case when ${h('g', 13)} % 100 < 75 then (1 + ${h('g', 13)} / 100 % 2000) * 2500 end,
      'USD',
      case when ${h('g', 15)} % 100 < 45 then '{}'::text[]
           when ${h('g', 15)} % 100 < 75 then array[${temp}]
           when ${h('g', 15)} % 100 < 90 then array[${kind}]
           else array[${temp}, ${kind}] end,
      case when ${h('g', 18)} % 100 < 2 then ${updated} end,
      case when x.status = 'won' then ${updated} end
    from s cross join p
    cross join lateral (select ${first} as first_name, ${last} as last_name, ${status} as status,
                               ${ownerOf(h('g', 19), 4)} as owner_id) x`;
};

const companiesBatch = (
  tenantId: string,
  owners: readonly string[],
  from: number,
  to: number,
  start: Date,
  step: number,
) => {
  const prefix = pick('cp', COMPANY_PREFIXES.length, h('g', 1));
  const trade = pick('tr', TRADES.length, h('g', 2));
  return sql`
    with p as materialized (${words(owners)}), s as (${series(from, to, start, step)})
    insert into companies (id, tenant_id, created_at, updated_at, created_by, name, domain, industry, email,
      phone, website, city, country, owner_id)
    select ${uuidV7At(sql`s.ts`)}, ${tenantId}::uuid, s.ts, s.ts, coalesce(x.owner_id, p.ow[1]),
      x.name, x.domain, ${pick('ind', INDUSTRIES.length, h('g', 3))}, 'info@' || x.domain, ${phoneOf(sql`s.g + 5000000`)},
      'https://' || x.domain, ${pick('city', CITIES.length, h('g', 4))}, 'US', x.owner_id
    from s cross join p
    cross join lateral (select ${prefix} || ' ' || ${trade} as name,
                               lower(replace(${prefix} || ${trade}, ' ', '')) || s.g || '.com' as domain,
                               ${ownerOf(h('g', 5), 2)} as owner_id) x`;
};

const contactsBatch = (
  tenantId: string,
  owners: readonly string[],
  from: number,
  to: number,
  start: Date,
  step: number,
) => {
  const first = pick('fn', FIRST_NAMES.length, h('g', 1));
  const last = pick('ln', LAST_NAMES.length, h('g', 2));
  return sql`
    with p as materialized (${words(owners)}),
      c as materialized (select array_agg(id order by id) as ids, count(*)::int as n from companies
                         where tenant_id = ${tenantId}::uuid),
      s as (${series(from, to, start, step)})
    insert into contacts (id, tenant_id, created_at, updated_at, created_by, first_name, last_name, email,
      phone, title, company_id, owner_id)
    select ${uuidV7At(sql`s.ts`)}, ${tenantId}::uuid, s.ts, s.ts, coalesce(x.owner_id, p.ow[1]),
      x.first_name, x.last_name,
      case when ${h('g', 3)} % 100 < 90
        then lower(x.first_name || '.' || x.last_name || s.g) || '@' || ${pick('dom', EMAIL_DOMAINS.length, h('g', 4))} end,
      case when ${h('g', 5)} % 100 < 85 then ${phoneOf(sql`s.g + 3000000`)} end,
      ${pick('title', JOB_TITLES.length, h('g', 6))},
      case when c.n > 0 and ${h('g', 7)} % 100 < 80 then c.ids[1 + ${h('g', 8)} % c.n] end,
      x.owner_id
    from s cross join p cross join c
    cross join lateral (select ${first} as first_name, ${last} as last_name, ${ownerOf(h('g', 9), 2)} as owner_id) x`;
};

const DEAL_KINDS = [
  'Service contract',
  'Installation',
  'Maintenance plan',
  'Repair',
  'Renovation',
  'Inspection',
];

const dealsBatch = (
  tenantId: string,
  owners: readonly string[],
  from: number,
  to: number,
  start: Date,
  step: number,
) => sql`
    with p as materialized (${words(owners)}),
      c as materialized (select array_agg(id order by id) as ids, count(*)::int as n from companies
                         where tenant_id = ${tenantId}::uuid),
      st as materialized (select array_agg(ps.id order by ps.position) as ids,
                                 array_agg(ps.kind order by ps.position) as kinds,
                                 count(*)::int as n, min(ps.pipeline_id::text)::uuid as pipeline_id
                          from pipeline_stages ps join pipelines pl on pl.id = ps.pipeline_id
                          where ps.tenant_id = ${tenantId}::uuid and pl.is_default),
      s as (${series(from, to, start, step)})
    insert into deals (id, tenant_id, created_at, updated_at, created_by, title, company_id, pipeline_id,
      stage_id, amount_cents, currency, expected_close_date, owner_id, status, lost_reason, closed_at)
    select ${uuidV7At(sql`s.ts`)}, ${tenantId}::uuid, s.ts, s.ts, coalesce(x.owner_id, p.ow[1]),
      ${pick('cp', COMPANY_PREFIXES.length, h('g', 1))} || ' ' || ${pick('tr', TRADES.length, h('g', 2))} || ' - ' ||
        (${textArray(DEAL_KINDS)})[1 + ${h('g', 3)} % ${DEAL_KINDS.length}],
      case when c.n > 0 and ${h('g', 4)} % 100 < 85 then c.ids[1 + ${h('g', 5)} % c.n] end,
      st.pipeline_id, st.ids[x.stage], (1 + ${h('g', 6)} % 400) * 25000, 'USD',
      (s.ts + (14 + ${h('g', 7)} % 120) * interval '1 day')::date,
      x.owner_id, st.kinds[x.stage],
      case when st.kinds[x.stage] = 'lost' then ${pick('why', LOST_REASONS.length, h('g', 8))} end,
      case when st.kinds[x.stage] <> 'open' then s.ts + (7 + ${h('g', 9)} % 90) * interval '1 day' end
    from s cross join p cross join c cross join st
    cross join lateral (select case when ${h('g', 10)} % 100 < 70 then 1 + ${h('g', 11)} % greatest(st.n - 2, 1)
                                    when ${h('g', 10)} % 100 < 88 then st.n - 1 else st.n end as stage,
                               ${ownerOf(h('g', 12), 2)} as owner_id) x`;

type BatchBuilder = (
  tenantId: string,
  owners: readonly string[],
  from: number,
  to: number,
  start: Date,
  step: number,
) => SQL;

const BUILDERS: [keyof GenerateCounts, BatchBuilder][] = [
  ['companies', companiesBatch],
  ['contacts', contactsBatch],
  ['leads', leadsBatch],
  ['deals', dealsBatch],
];

/**
 * Fills a tenant with `counts` rows per table (companies first: contacts and deals point at them). Each batch
 * runs in a tenant transaction as the application role (row-level security applies as in the app), then the
 * tables are VACUUM ANALYZEd (fresh statistics and visibility map, GIN pending lists merged) as the owner.
 */
export const generateData = async (
  database: Database,
  tenantId: string,
  counts: GenerateCounts,
  options: GenerateOptions = {},
): Promise<TableResult[]> => {
  const batchSize = options.batchSize ?? 100_000;
  const owners = options.ownerIds ?? (await activeMemberUserIds(database, tenantId));
  if (owners.length === 0) throw new Error(`Tenant ${tenantId} has no active member to own the rows`);
  const end = (options.end ?? new Date()).getTime();
  const results: TableResult[] = [];
  for (const [table, build] of BUILDERS) {
    const total = counts[table] ?? 0;
    if (total <= 0) continue;
    const started = performance.now();
    // Row numbers continue after the tenant's existing rows, so a second run adds new people, not copies.
    const offset = await withTenant(database, tenantId, async (tx) => {
      const result = (await tx.execute(
        sql`select count(*)::int as n from ${sql.raw(table)} where tenant_id = ${tenantId}`,
      )) as unknown as { rows: { n: number }[] };
      return result.rows[0]?.n ?? 0;
    });
    const step = TWO_YEARS_MS / total;
    // Row g is created at start + (g - 1) · step: the new rows span the two years before `end`.
    const start = new Date(end - TWO_YEARS_MS - offset * step);
    for (let from = offset + 1; from <= offset + total; from += batchSize) {
      const to = Math.min(offset + total, from + batchSize - 1);
      await withTenant(database, tenantId, async (tx) => {
        // More sort memory and no commit flush wait, for this bulk transaction only.
        await tx.execute(
          sql`select set_config('work_mem', '64MB', true), set_config('synchronous_commit', 'off', true)`,
        );
        await tx.execute(build(tenantId, owners, from, to, start, step));
      });
      options.onBatch?.({ table, done: to - offset, total, elapsedMs: performance.now() - started });
    }
    results.push({ table, rows: total, ms: performance.now() - started });
  }
  const started = performance.now();
  const analyzed = results.map((r) => r.table);
  if (analyzed.length > 0)
    await database.withSession((s) => s.query(`vacuum (analyze) ${analyzed.join(', ')}`));
  results.push({ table: 'vacuum analyze', rows: 0, ms: performance.now() - started });
  return results;
};

export interface GeneratedTenant {
  tenantId: string;
  ownerId: string;
  email: string;
  password: string;
  memberIds: string[];
}

/**
 * A new tenant for generated data: signed up like any company (system roles, default pipeline, settings),
 * plus a manager and `agents` sales agents so that owners vary. All share the printed random password.
 */
export const createGeneratedTenant = async (
  deps: IdentityDeps,
  options: { name?: string; agents?: number } = {},
): Promise<GeneratedTenant> => {
  const suffix = randomBytes(4).toString('hex');
  const password = `gen-${randomBytes(9).toString('base64url')}`;
  const email = `owner.${suffix}@generated.tessera.test`;
  const { tenantId, userId } = await signup(
    deps,
    { tenantName: options.name ?? `Generated ${suffix}`, name: 'Gen Owner', email, password },
    { ip: null, userAgent: 'db:generate', requestId: 'db-generate' },
  );
  const people = [
    { email: `manager.${suffix}@generated.tessera.test`, name: 'Gen Manager', password, roleKey: 'manager' },
    ...Array.from({ length: options.agents ?? 5 }, (_, i) => ({
      email: `agent${i + 1}.${suffix}@generated.tessera.test`,
      name: `${FIRST_NAMES[i % FIRST_NAMES.length]} ${LAST_NAMES[(i * 7) % LAST_NAMES.length]}`,
      password,
      roleKey: 'sales',
    })),
  ];
  const memberIds = await addMembers(deps.database, tenantId, people);
  return { tenantId, ownerId: userId, email, password, memberIds: [userId, ...memberIds] };
};
