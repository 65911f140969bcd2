import { type SQL, sql } from 'drizzle-orm';
import { h, ownerOf, phoneOf, pick, series, textArray, uuidV7At, weighted, words } from './generate-sql.ts';
import * as sample from './sample-values.ts';

/** Rows to generate per CRM table. */
export interface GenerateCounts {
  leads?: number;
  companies?: number;
  contacts?: number;
  deals?: number;
}

/** One batch of rows `from`…`to` of a table (row g is created at start + (g - 1) · step). */
export interface BatchRange {
  tenantId: string;
  owners: readonly string[];
  from: number;
  to: number;
  start: Date;
  step: number;
}

type BatchBuilder = (range: BatchRange) => SQL;

const leadsBatch: BatchBuilder = ({ tenantId, owners, from, to, start, step }) => {
  const first = pick('fn', sample.FIRST_NAMES.length, h('k', 1));
  const last = pick('ln', sample.LAST_NAMES.length, h('k', 2));
  const status = weighted(sample.LEAD_STATUS_MIX, h('g', 7));
  const updated = sql`least(s.ts + (${h('g', 14)} % 45) * interval '1 day', date_trunc('milliseconds', now()))`;
  const temp = pick('temp', sample.TEMPERATURE_TAGS.length, h('g', 16));
  const kind = pick('kind', sample.KIND_TAGS.length, h('g', 17));
  return sql`
    with p as materialized (${words(owners)}), s as (${series(from, to, start, step)})
    insert into leads (id, tenant_id, created_at, updated_at, created_by, first_name, last_name, email, phone,
      company_name, source, status, status_reason, owner_id, score, estimated_value_cents, currency, tags,
      archived_at, converted_at)
    select ${uuidV7At(sql`s.ts`)}, ${tenantId}::uuid, s.ts, ${updated}, coalesce(x.owner_id, p.ow[1]),
      x.first_name, x.last_name,
      case when ${h('k', 3)} % 100 < 88
        then lower(x.first_name || '.' || x.last_name || s.k) || '@' || ${pick('dom', sample.EMAIL_DOMAINS.length, h('k', 4))} end,
      case when ${h('k', 5)} % 100 < 80 then ${phoneOf(sql`s.k`)} end,
      case when ${h('k', 6)} % 100 < 65
        then ${pick('cp', sample.COMPANY_PREFIXES.length, h('k', 8))} || ' ' || ${pick('tr', sample.TRADES.length, h('k', 9))} end,
      ${weighted(sample.LEAD_SOURCES, h('g', 10))},
      x.status,
      case when x.status = 'lost' then ${pick('why', sample.LOST_REASONS.length, h('g', 11))} end,
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

const companiesBatch: BatchBuilder = ({ tenantId, owners, from, to, start, step }) => {
  const prefix = pick('cp', sample.COMPANY_PREFIXES.length, h('g', 1));
  const trade = pick('tr', sample.TRADES.length, h('g', 2));
  return sql`
    with p as materialized (${words(owners)}), s as (${series(from, to, start, step)})
    insert into companies (id, tenant_id, created_at, updated_at, created_by, name, domain, industry, email,
      phone, website, city, country, owner_id)
    select ${uuidV7At(sql`s.ts`)}, ${tenantId}::uuid, s.ts, s.ts, coalesce(x.owner_id, p.ow[1]),
      x.name, x.domain, ${pick('ind', sample.INDUSTRIES.length, h('g', 3))}, 'info@' || x.domain, ${phoneOf(sql`s.g + 5000000`)},
      'https://' || x.domain, ${pick('city', sample.CITIES.length, h('g', 4))}, 'US', x.owner_id
    from s cross join p
    cross join lateral (select ${prefix} || ' ' || ${trade} as name,
                               lower(replace(${prefix} || ${trade}, ' ', '')) || s.g || '.com' as domain,
                               ${ownerOf(h('g', 5), 2)} as owner_id) x`;
};

const contactsBatch: BatchBuilder = ({ tenantId, owners, from, to, start, step }) => {
  const first = pick('fn', sample.FIRST_NAMES.length, h('g', 1));
  const last = pick('ln', sample.LAST_NAMES.length, h('g', 2));
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
        then lower(x.first_name || '.' || x.last_name || s.g) || '@' || ${pick('dom', sample.EMAIL_DOMAINS.length, h('g', 4))} end,
      case when ${h('g', 5)} % 100 < 85 then ${phoneOf(sql`s.g + 3000000`)} end,
      ${pick('title', sample.JOB_TITLES.length, h('g', 6))},
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

const dealsBatch: BatchBuilder = ({ tenantId, owners, from, to, start, step }) => sql`
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
      ${pick('cp', sample.COMPANY_PREFIXES.length, h('g', 1))} || ' ' || ${pick('tr', sample.TRADES.length, h('g', 2))} || ' - ' ||
        (${textArray(DEAL_KINDS)})[1 + ${h('g', 3)} % ${DEAL_KINDS.length}],
      case when c.n > 0 and ${h('g', 4)} % 100 < 85 then c.ids[1 + ${h('g', 5)} % c.n] end,
      st.pipeline_id, st.ids[x.stage], (1 + ${h('g', 6)} % 400) * 25000, 'USD',
      (s.ts + (14 + ${h('g', 7)} % 120) * interval '1 day')::date,
      x.owner_id, st.kinds[x.stage],
      case when st.kinds[x.stage] = 'lost' then ${pick('why', sample.LOST_REASONS.length, h('g', 8))} end,
      case when st.kinds[x.stage] <> 'open' then s.ts + (7 + ${h('g', 9)} % 90) * interval '1 day' end
    from s cross join p cross join c cross join st
    cross join lateral (select case when ${h('g', 10)} % 100 < 70 then 1 + ${h('g', 11)} % greatest(st.n - 2, 1)
                                    when ${h('g', 10)} % 100 < 88 then st.n - 1 else st.n end as stage,
                               ${ownerOf(h('g', 12), 2)} as owner_id) x`;

export const BUILDERS: [keyof GenerateCounts, BatchBuilder][] = [
  ['companies', companiesBatch],
  ['contacts', contactsBatch],
  ['leads', leadsBatch],
  ['deals', dealsBatch],
];
