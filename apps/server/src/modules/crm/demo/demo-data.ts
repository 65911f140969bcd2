import { sql } from 'drizzle-orm';
import { newId } from '../../../platform/db/columns.ts';
import { type Database, type Tx, withTenant } from '../../../platform/db/index.ts';
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
  LOST_REASONS,
  TEMPERATURE_TAGS,
  TRADES,
} from './sample-values.ts';

/**
 * The demo company's records: a believable small service business (vendors, customers and their people, a
 * lead pipeline, deals in every stage, recent activities and tasks — some overdue). Deterministic: a seeded
 * PRNG picks every value, and dates are relative to the seeding time, so screenshots look the same each time.
 *
 * The CRM's own demo seeder (called by seed/demo-seed.ts through crm/index.ts). Rows are inserted directly in
 * one tenant transaction (row-level security applies), not through the services: no audit rows are written
 * for seed data.
 */

export const DEMO_COUNTS = {
  vendors: 4,
  companies: 60,
  contacts: 120,
  leads: 300,
  deals: 40,
  activities: 200,
  tasks: 80,
} as const;

/** Who the demo rows belong to (user ids). */
export interface DemoPeople {
  owner: string;
  manager: string;
  sales: readonly [string, string];
  dispatcher: string;
}

const DAY = 24 * 3600 * 1000;

/** mulberry32: a tiny seeded PRNG (same sequence on every run). */
const prng = (seed: number) => {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)] as T;
  const weighted = <T>(mix: readonly (readonly [T, number])[]): T => {
    let r = next() * mix.reduce((sum, [, w]) => sum + w, 0);
    for (const [value, w] of mix) {
      r -= w;
      if (r < 0) return value;
    }
    return mix.at(-1)?.[0] as T;
  };
  const shuffle = <T>(items: readonly T[]): T[] => {
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [out[i], out[j]] = [out[j] as T, out[i] as T];
    }
    return out;
  };
  return { next, int, pick, weighted, shuffle };
};

type Row = Record<string, unknown>;

/** Inserts rows through one `jsonb_to_recordset` parameter (types given per column). */
const insertRows = async (tx: Tx, table: string, columns: Record<string, string>, rows: Row[]) => {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const list = sql.raw(names.join(', '));
  const types = sql.raw(names.map((n) => `${n} ${columns[n]}`).join(', '));
  await tx.execute(
    sql`insert into ${sql.raw(table)} (${list}) select ${list} from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(${types})`,
  );
};

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, '');
const phoneNumber = (r: ReturnType<typeof prng>) =>
  `+1 ${200 + r.int(800)}-${String(200 + r.int(800))}-${String(r.int(10_000)).padStart(4, '0')}`;

const ACTIVITY_SUBJECTS = {
  call: ['Intro call', 'Follow-up call', 'Walked through the quote', 'Left a voicemail', 'Scheduling call'],
  meeting: ['Site visit', 'On-site estimate', 'Contract review', 'Kick-off meeting'],
  email: ['Sent the quote', 'Sent our brochure', 'Answered questions about warranty', 'Sent the contract'],
  note: [
    'Prefers morning appointments',
    'Budget approved by the owner',
    'Has two more properties',
    'Asked for references',
  ],
} as const;
const ACTIVITY_BODIES = [
  'Interested in a maintenance plan as well.',
  'Wants the work done before the end of the month.',
  'Comparing us with two other providers.',
  'Decision maker is the property manager.',
  null,
  null,
];
const TASK_TITLES = [
  'Call back about the quote',
  'Send the revised estimate',
  'Schedule a site visit',
  'Confirm the crew for installation',
  'Collect the signed contract',
  'Follow up on the unpaid invoice',
  'Order replacement parts',
  'Check the permit status',
  'Prepare the proposal',
  'Book the follow-up inspection',
];
const VENDORS = [
  ['LeadGenius', 'accounts@leadgenius.example', 4500],
  ['HomeServe Leads', 'billing@homeserve-leads.example', 3800],
  ['LocalPro Network', 'partners@localpro.example', 2500],
  ['QuoteBridge', 'hello@quotebridge.example', 5200],
] as const;

/** Creates the demo company's records (call once, right after the company was created). */
export const seedDemoData = async (
  database: Database,
  tenantId: string,
  people: DemoPeople,
  now = new Date(),
): Promise<void> => {
  const r = prng(2026);
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY - r.int(8 * 3600) * 1000);
  const base = (createdAt: Date, createdBy: string) => ({
    id: newId(),
    tenant_id: tenantId,
    created_at: createdAt.toISOString(),
    updated_at: createdAt.toISOString(),
    created_by: createdBy,
  });
  const sellers: readonly (readonly [string, number])[] = [
    [people.sales[0], 35],
    [people.sales[1], 35],
    [people.manager, 12],
    [people.owner, 8],
  ];
  const members = [people.owner, people.manager, ...people.sales, people.dispatcher];

  await withTenant(database, tenantId, async (tx) => {
    const vendors = VENDORS.map(([name, email, cost], i) => ({
      ...base(at(400 - i * 20), people.owner),
      name,
      contact_email: email,
      cost_per_lead_cents: cost,
      currency: 'USD',
    }));

    const companyNames = r
      .shuffle(COMPANY_PREFIXES.flatMap((p) => TRADES.map((t) => `${p} ${t}`)))
      .slice(0, DEMO_COUNTS.companies);
    const companies = companyNames.map((name) => {
      const domain = `${slug(name)}.example`;
      const owner = r.weighted(sellers);
      return {
        ...base(at(30 + r.int(335)), owner),
        name,
        domain,
        industry: r.pick(INDUSTRIES),
        email: `info@${domain}`,
        phone: phoneNumber(r),
        website: `https://${domain}`,
        city: r.pick(CITIES),
        country: 'US',
        owner_id: owner,
        tags: r.next() < 0.3 ? ['customer'] : [],
      };
    });

    const contacts = companies.flatMap((company) =>
      Array.from({ length: DEMO_COUNTS.contacts / DEMO_COUNTS.companies }, () => {
        const first = r.pick(FIRST_NAMES);
        const last = r.pick(LAST_NAMES);
        return {
          ...base(new Date(Date.parse(company.created_at) + r.int(20) * DAY), company.owner_id),
          first_name: first,
          last_name: last,
          email: `${slug(first)}.${slug(last)}@${company.domain}`,
          phone: r.next() < 0.85 ? phoneNumber(r) : null,
          title: r.pick(JOB_TITLES),
          company_id: company.id,
          owner_id: company.owner_id,
          tags: [],
        };
      }),
    );

    // Leads: exact counts per status; won leads were converted into one of the contacts (and its company).
    const statuses = r.shuffle(
      (
        [
          ['new', 105],
          ['in_progress', 75],
          ['qualified', 36],
          ['won', 24],
          ['lost', 60],
        ] as const
      ).flatMap(([status, n]) => Array.from({ length: n }, () => status)),
    );
    const converted = r.shuffle(contacts).slice(0, 24);
    let wonIndex = 0;
    const leads = statuses.map((status, i) => {
      // Newer leads are more frequent (a growing business): about a third arrived in the last 30 days.
      const createdAt = at(Math.floor(180 * r.next() ** 1.3));
      // Only fresh leads wait unassigned.
      const owner = status === 'new' && r.next() < 0.2 ? null : r.weighted(sellers);
      const source = r.weighted(LEAD_SOURCES);
      const contact = status === 'won' ? converted[wonIndex++] : undefined;
      const company = contact ? companies.find((c) => c.id === contact.company_id) : undefined;
      const first = contact?.first_name ?? r.pick(FIRST_NAMES);
      const last = contact?.last_name ?? r.pick(LAST_NAMES);
      const updatedAt = new Date(Math.min(now.getTime(), createdAt.getTime() + r.int(20) * DAY));
      const temp = r.pick(TEMPERATURE_TAGS);
      const kind = r.pick(KIND_TAGS);
      return {
        ...base(createdAt, owner ?? people.owner),
        updated_at: updatedAt.toISOString(),
        first_name: first,
        last_name: last,
        email: contact?.email ?? `${slug(first)}.${slug(last)}${i}@${r.pick(EMAIL_DOMAINS)}`,
        phone: r.next() < 0.8 ? phoneNumber(r) : null,
        company_name:
          company?.name ?? (r.next() < 0.55 ? `${r.pick(COMPANY_PREFIXES)} ${r.pick(TRADES)}` : null),
        source,
        vendor_id: source === 'vendor' ? r.pick(vendors).id : null,
        status,
        status_reason: status === 'lost' ? r.pick(LOST_REASONS) : null,
        owner_id: owner,
        score: Math.min(
          100,
          Math.floor(r.next() * 60) + (status === 'qualified' || status === 'won' ? 40 : 0),
        ),
        estimated_value_cents: r.next() < 0.75 ? (5 + r.int(400)) * 5000 : null,
        currency: 'USD',
        tags: r.next() < 0.45 ? [] : r.next() < 0.6 ? [temp] : [temp, kind],
        converted_at: contact ? updatedAt.toISOString() : null,
        converted_contact_id: contact?.id ?? null,
        converted_company_id: company?.id ?? null,
        converted_deal_id: null as string | null,
      };
    });
    // Three people entered twice (same name, e-mail and phone): something for the duplicate finder.
    const unconverted = leads.filter((l) => !l.converted_contact_id);
    for (let i = 0; i < 3; i++) {
      const [copy, original] = [unconverted[2 * i], unconverted[2 * i + 50]];
      if (!copy || !original) continue;
      Object.assign(copy, {
        first_name: original.first_name,
        last_name: original.last_name,
        email: original.email,
        phone: original.phone ?? phoneNumber(r),
      });
      original.phone = copy.phone;
    }

    // Deals: every stage of the default pipeline; the first ones came from converted leads.
    const stagesResult = (await tx.execute(sql`
      select s.id, s.pipeline_id, s.kind, s.position from pipeline_stages s
      join pipelines p on p.id = s.pipeline_id and p.tenant_id = s.tenant_id
      where s.tenant_id = ${tenantId} and p.is_default order by s.position`)) as unknown as {
      rows: { id: string; pipeline_id: string; kind: 'open' | 'won' | 'lost'; position: number }[];
    };
    const stages = stagesResult.rows;
    const open = stages.filter((s) => s.kind === 'open');
    const won = stages.find((s) => s.kind === 'won');
    const lost = stages.find((s) => s.kind === 'lost');
    if (open.length === 0 || !won || !lost) throw new Error('the demo company has no default pipeline');
    const dealStages = [
      ...[8, 7, 6, 5].flatMap((n, i) => Array.from({ length: n }, () => open[Math.min(i, open.length - 1)])),
      ...Array.from({ length: 8 }, () => won),
      ...Array.from({ length: 6 }, () => lost),
    ];
    const convertedLeads = leads.filter((l) => l.converted_contact_id);
    const deals = r.shuffle(dealStages).map((stage, i) => {
      const lead = i < 12 ? convertedLeads[i] : undefined;
      const contact = lead ? contacts.find((c) => c.id === lead.converted_contact_id) : r.pick(contacts);
      const company = companies.find((c) => c.id === contact?.company_id);
      const owner = lead?.owner_id ?? company?.owner_id ?? people.sales[0];
      const createdAt = lead ? new Date(lead.converted_at as string) : at(10 + r.int(150));
      const closed = stage?.kind !== 'open';
      const closedAt = new Date(Math.min(now.getTime(), createdAt.getTime() + (5 + r.int(40)) * DAY));
      const kind = r.pick(['Service contract', 'Installation', 'Maintenance plan', 'Renovation', 'Repair']);
      const deal = {
        ...base(createdAt, owner),
        updated_at: (closed ? closedAt : createdAt).toISOString(),
        title: `${company?.name ?? 'Walk-in customer'} – ${kind}`,
        company_id: company?.id ?? null,
        contact_id: contact?.id ?? null,
        pipeline_id: stage?.pipeline_id,
        stage_id: stage?.id,
        amount_cents: (20 + r.int(600)) * 10_000,
        currency: 'USD',
        expected_close_date: new Date(closed ? closedAt.getTime() : now.getTime() + (7 + r.int(80)) * DAY)
          .toISOString()
          .slice(0, 10),
        owner_id: owner,
        status: stage?.kind,
        lost_reason: stage?.kind === 'lost' ? r.pick(LOST_REASONS) : null,
        closed_at: closed ? closedAt.toISOString() : null,
        lead_id: lead?.id ?? null,
        tags: [],
      };
      if (lead) lead.converted_deal_id = deal.id;
      return deal;
    });

    // Activities on every kind of record, mostly in the last 90 days, never before the record existed.
    type Related = { id: string; created_at: string; owner_id: string | null; key: string };
    const related: readonly (readonly [Related[], number])[] = [
      [leads.map((l) => ({ ...l, key: 'lead_id' })), 50],
      [deals.map((d) => ({ ...d, key: 'deal_id' })), 25],
      [contacts.map((c) => ({ ...c, key: 'contact_id' })), 15],
      [companies.map((c) => ({ ...c, key: 'company_id' })), 10],
    ];
    const activities = Array.from({ length: DEMO_COUNTS.activities }, () => {
      const target = r.pick(r.weighted(related));
      const type = r.weighted([
        ['call', 40],
        ['email', 30],
        ['meeting', 15],
        ['note', 15],
      ] as const);
      const since = Math.max(0, (now.getTime() - Date.parse(target.created_at)) / DAY);
      const occurredAt = at(Math.floor(r.next() * Math.max(0, Math.min(90, since) - 0.5)));
      const owner = target.owner_id ?? r.pick(members);
      return {
        ...base(occurredAt, owner),
        type,
        subject: r.pick(ACTIVITY_SUBJECTS[type]),
        body: r.pick(ACTIVITY_BODIES),
        occurred_at: occurredAt.toISOString(),
        duration_minutes: type === 'call' ? 5 + r.int(25) : type === 'meeting' ? 30 + 15 * r.int(6) : null,
        owner_id: owner,
        lead_id: null,
        contact_id: null,
        company_id: null,
        deal_id: null,
        [target.key]: target.id,
      };
    });

    // Tasks: 20 overdue, 25 done, 5 cancelled, 30 upcoming; most linked to a record.
    const taskPlan = r.shuffle([
      ...Array.from({ length: 20 }, () => 'overdue' as const),
      ...Array.from({ length: 25 }, () => 'done' as const),
      ...Array.from({ length: 5 }, () => 'cancelled' as const),
      ...Array.from({ length: 30 }, () => 'upcoming' as const),
    ]);
    const tasks = taskPlan.map((plan) => {
      const target = r.next() < 0.9 ? r.pick(r.weighted(related)) : undefined;
      const assignee = r.weighted([
        [people.sales[0], 30],
        [people.sales[1], 30],
        [people.dispatcher, 20],
        [people.manager, 15],
        [people.owner, 5],
      ] as const);
      const due =
        plan === 'upcoming'
          ? new Date(now.getTime() + (1 + r.int(21)) * DAY)
          : at(1 + r.int(plan === 'overdue' ? 14 : 60));
      const createdAt = new Date(due.getTime() - (3 + r.int(10)) * DAY);
      const completedAt =
        plan === 'done' ? new Date(Math.min(now.getTime(), due.getTime() - r.int(2) * DAY)) : null;
      return {
        ...base(createdAt, people.manager),
        updated_at: (completedAt ?? createdAt).toISOString(),
        title: r.pick(TASK_TITLES),
        description: r.next() < 0.4 ? r.pick(ACTIVITY_BODIES) : null,
        due_at: due.toISOString(),
        priority: r.weighted([
          ['low', 20],
          ['normal', 50],
          ['high', 22],
          ['urgent', 8],
        ] as const),
        status:
          plan === 'done'
            ? 'done'
            : plan === 'cancelled'
              ? 'cancelled'
              : r.next() < 0.3
                ? 'in_progress'
                : 'open',
        assignee_id: assignee,
        completed_at: completedAt?.toISOString() ?? null,
        lead_id: null,
        contact_id: null,
        company_id: null,
        deal_id: null,
        ...(target ? { [target.key]: target.id } : {}),
      };
    });

    const record = {
      id: 'uuid',
      tenant_id: 'uuid',
      created_at: 'timestamptz',
      updated_at: 'timestamptz',
      created_by: 'uuid',
    };
    await insertRows(
      tx,
      'lead_vendors',
      { ...record, name: 'text', contact_email: 'text', cost_per_lead_cents: 'bigint', currency: 'text' },
      vendors,
    );
    await insertRows(
      tx,
      'companies',
      {
        ...record,
        name: 'text',
        domain: 'text',
        industry: 'text',
        email: 'text',
        phone: 'text',
        website: 'text',
        city: 'text',
        country: 'text',
        owner_id: 'uuid',
        tags: 'text[]',
      },
      companies,
    );
    await insertRows(
      tx,
      'contacts',
      {
        ...record,
        first_name: 'text',
        last_name: 'text',
        email: 'text',
        phone: 'text',
        title: 'text',
        company_id: 'uuid',
        owner_id: 'uuid',
        tags: 'text[]',
      },
      contacts,
    );
    await insertRows(
      tx,
      'leads',
      {
        ...record,
        first_name: 'text',
        last_name: 'text',
        email: 'text',
        phone: 'text',
        company_name: 'text',
        source: 'text',
        vendor_id: 'uuid',
        status: 'text',
        status_reason: 'text',
        owner_id: 'uuid',
        score: 'int',
        estimated_value_cents: 'bigint',
        currency: 'text',
        tags: 'text[]',
        converted_at: 'timestamptz',
        converted_contact_id: 'uuid',
        converted_company_id: 'uuid',
        converted_deal_id: 'uuid',
      },
      leads,
    );
    await insertRows(
      tx,
      'deals',
      {
        ...record,
        title: 'text',
        company_id: 'uuid',
        contact_id: 'uuid',
        pipeline_id: 'uuid',
        stage_id: 'uuid',
        amount_cents: 'bigint',
        currency: 'text',
        expected_close_date: 'date',
        owner_id: 'uuid',
        status: 'text',
        lost_reason: 'text',
        closed_at: 'timestamptz',
        lead_id: 'uuid',
        tags: 'text[]',
      },
      deals,
    );
    const related4 = { lead_id: 'uuid', contact_id: 'uuid', company_id: 'uuid', deal_id: 'uuid' };
    await insertRows(
      tx,
      'activities',
      {
        ...record,
        type: 'text',
        subject: 'text',
        body: 'text',
        occurred_at: 'timestamptz',
        duration_minutes: 'int',
        owner_id: 'uuid',
        ...related4,
      },
      activities,
    );
    await insertRows(
      tx,
      'tasks',
      {
        ...record,
        title: 'text',
        description: 'text',
        due_at: 'timestamptz',
        priority: 'text',
        status: 'text',
        assignee_id: 'uuid',
        completed_at: 'timestamptz',
        ...related4,
      },
      tasks,
    );
  });
};
