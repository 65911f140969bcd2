import { sql } from 'drizzle-orm';
import { type Database, withTenant } from '../src/platform/db/index.ts';
import { fmt } from './bench-env.ts';

// The inputs of the lead scenarios, read from the generated tenant: a deep cursor, sample ids and search terms.

/** The share of leads a mid-frequency search term matches (issue #9: ~0.6 %). */
const MID_FREQUENCY = 0.006;

/**
 * A 3-digit search term that ~0.6 % of the tenant's leads match (the generator's phones and e-mails make digit
 * triples frequent): the triple whose share in a sample of 2 000 leads is closest, then counted exactly with
 * the list's own predicate (`search_text like '%term%'`).
 */
const midFrequencyTerm = async (database: Database, tenantId: string, size: number) => {
  const sample = await withTenant(database, tenantId, async (tx) =>
    (
      (await tx.execute(
        sql`select search_text from leads where tenant_id = ${tenantId} order by random() limit 2000`,
      )) as unknown as { rows: { search_text: string }[] }
    ).rows.map((r) => r.search_text),
  );
  const counts = new Map<string, number>();
  for (const text of sample) {
    const triples = new Set<string>();
    for (let i = 0; i + 3 <= text.length; i++) {
      const t = text.slice(i, i + 3);
      if (/^\d{3}$/.test(t)) triples.add(t);
    }
    for (const t of triples) counts.set(t, (counts.get(t) ?? 0) + 1);
  }
  const wanted = MID_FREQUENCY * sample.length;
  const [term] = [...counts].sort((a, b) => Math.abs(a[1] - wanted) - Math.abs(b[1] - wanted))[0] ?? ['555'];
  const [row] = await withTenant(
    database,
    tenantId,
    async (tx) =>
      (
        (await tx.execute(
          sql`select count(*)::int as n from leads where tenant_id = ${tenantId} and search_text like ${`%${term}%`}`,
        )) as unknown as { rows: { n: number }[] }
      ).rows,
  );
  return { term, matches: row?.n ?? 0, share: (row?.n ?? 0) / size };
};

export interface LeadSamples {
  /** A cursor ~10 000 rows deep. */
  deepCursor: string;
  /** 500 random lead ids. */
  sampleIds: string[];
  /** The local part of one lead's e-mail (1 match). */
  rareTerm: string;
  mid: { term: string; matches: number };
}

export const leadSamples = async (
  database: Database,
  tenantId: string,
  size: number,
  appUrl: string,
  headers: Record<string, string>,
): Promise<LeadSamples> => {
  // A cursor ~10 000 rows deep, by paging the API as a client would (100 pages of 100).
  let cursor: string | null = null;
  for (let page = 0; page < 100; page++) {
    const res = await fetch(`${appUrl}/api/v1/leads?limit=100${cursor ? `&cursor=${cursor}` : ''}`, {
      headers,
    });
    const json = (await res.json()) as { pagination: { nextCursor: string | null } };
    cursor = json.pagination.nextCursor;
    if (!cursor) throw new Error('ran out of pages before 10 000 rows');
  }
  const deepCursor = cursor as string;

  const sampleIds = await withTenant(database, tenantId, async (tx) =>
    (
      (await tx.execute(
        sql`select id from leads where tenant_id = ${tenantId} order by random() limit 500`,
      )) as unknown as {
        rows: { id: string }[];
      }
    ).rows.map((r) => r.id),
  );
  const [rare] = await withTenant(
    database,
    tenantId,
    async (tx) =>
      (
        (await tx.execute(sql`select email from leads where tenant_id = ${tenantId} and email is not null
                              order by created_at limit 1 offset ${Math.floor(size / 3)}`)) as unknown as {
          rows: { email: string }[];
        }
      ).rows,
  );
  if (!rare || sampleIds.length === 0) throw new Error('no sample leads');
  const rareTerm = rare.email.split('@')[0] as string;
  const mid = await midFrequencyTerm(database, tenantId, size);
  console.log(
    `  mid-frequency term "${mid.term}": ${fmt(mid.matches)} matches (${((100 * mid.matches) / size).toFixed(2)} %)`,
  );
  return { deepCursor, sampleIds, rareTerm, mid };
};
