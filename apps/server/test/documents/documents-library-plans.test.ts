import { documentLibraryQuery } from '@tessera/contracts';
import { sql } from 'drizzle-orm';
import pino, { type Logger } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { explain, planLine, planNodes, planSummary } from '../../bench/explain.ts';
import { type CapturedQuery, captureQueries, withoutFrame } from '../../bench/sql-capture.ts';
import { identityDeps } from '../../src/app.ts';
import { loadConfig } from '../../src/config/index.ts';
import { listLibrary } from '../../src/modules/documents/documents-library.service.ts';
import type { AuthedContext } from '../../src/platform/context/service-context.ts';
import type { Database } from '../../src/platform/db/index.ts';
import { encodeCursor } from '../../src/platform/http/pagination.ts';
import { createGeneratedTenant, generateData } from '../../src/seed/generate.ts';
import { TEST_JWT_SECRET } from '../helpers/test-app.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database.ts';

/**
 * The documents library's page query must read `documents` through an index starting with tenant_id on a big
 * tenant, in the list's order (no sort of every match), for both sorts, deep cursors, filters and the record
 * scope. The SQL is captured from the real service and EXPLAINed as the application plans it. Plans only.
 */

const DOCUMENTS = 20_000;

let testDb: TestDatabase;
let database: Database;
let owner: AuthedContext;
let agent: AuthedContext;
let deepCreated: string;
let deepName: string;

const rows = async <T>(query: ReturnType<typeof sql>) =>
  ((await database.db.execute(query)) as unknown as { rows: T[] }).rows;

/**
 * `count` documents (with their version 1) spread over the tenant's records of `type` (`table`), one per second
 * back in time (`offset` seconds first).
 */
const addDocuments = async (
  tenantId: string,
  userId: string,
  count: number,
  type: 'lead' | 'company' = 'lead',
  offset = 0,
) => {
  const table = sql.raw(type === 'lead' ? 'leads' : 'companies');
  await database.db.execute(sql`
    with l as (select id, (row_number() over (order by id)) - 1 as n from ${table} where tenant_id = ${tenantId}),
    c as (select count(*) as total from l),
    d as (
      insert into documents (id, tenant_id, record_type, record_id, name, current_version, created_at, created_by)
      select gen_random_uuid(), ${tenantId}, ${type}, l.id, 'file-' || g || '.' || (array['png','pdf','mp3','txt'])[g % 4 + 1],
        1, now() - make_interval(secs => g + ${offset}), ${userId}
      from generate_series(1, ${count}) g cross join c join l on l.n = g % c.total
      returning id, tenant_id, name, created_by
    )
    insert into document_versions (tenant_id, id, document_id, number, file_name, size_bytes, content_type, sha256, storage_key, uploaded_by)
    select tenant_id, gen_random_uuid(), id, 1, name, 1000,
      case when name like '%.png' then 'image/png' when name like '%.pdf' then 'application/pdf'
        when name like '%.mp3' then 'audio/mpeg' else 'text/plain' end,
      repeat('a', 64), tenant_id || '/' || id || '/1', created_by
    from d`);
};

const context = (
  tenantId: string,
  userId: string,
  scopes: AuthedContext['auth']['scopes'],
): AuthedContext => ({
  database,
  log: pino({ level: 'silent' }) as Logger,
  tenantId,
  userId,
  requestId: 'documents-plans',
  afterCommit: () => {},
  auth: {
    kind: 'session',
    tenantId,
    userId,
    viaCookie: false,
    csrfValid: false,
    permissions: new Set(['documents.view', 'leads.view', 'companies.view', 'invoices.view']),
    scopes,
  },
});

beforeAll(async () => {
  testDb = await createTestDatabase();
  database = testDb.database;
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', WEB_DIST_DIR: '/nonexistent' });
  const deps = identityDeps({ config, jwtSecret: TEST_JWT_SECRET, database });
  // A smaller neighbour, so that tenant_id is selective as in a shared database.
  const neighbour = await createGeneratedTenant(deps, { agents: 1 });
  await generateData(database, neighbour.tenantId, { leads: 500 });
  await addDocuments(neighbour.tenantId, neighbour.ownerId, 2_000);
  const tenant = await createGeneratedTenant(deps, { agents: 3 });
  await generateData(database, tenant.tenantId, { leads: 2_000, companies: 500 });
  await addDocuments(tenant.tenantId, tenant.ownerId, DOCUMENTS - 4_000);
  await addDocuments(tenant.tenantId, tenant.ownerId, 4_000, 'company', DOCUMENTS);
  for (const table of ['documents', 'document_versions', 'leads', 'companies'])
    await database.db.execute(sql`analyze ${sql.raw(table)}`);
  owner = context(tenant.tenantId, tenant.ownerId, {});
  agent = context(tenant.tenantId, tenant.memberIds[2] as string, { leads: 'own' });
  const [byCreated] = await rows<{ created_at: string; id: string }>(sql`
    select created_at::text as created_at, id from documents where tenant_id = ${tenant.tenantId}
    order by created_at desc, id desc offset ${DOCUMENTS / 2} limit 1`);
  const [byName] = await rows<{ name: string; id: string }>(sql`
    select name, id from documents where tenant_id = ${tenant.tenantId} order by name, id offset ${DOCUMENTS / 2} limit 1`);
  if (!byCreated || !byName) throw new Error('generated documents missing');
  deepCreated = encodeCursor([byCreated.created_at, byCreated.id]);
  deepName = encodeCursor([byName.name, byName.id]);
}, 240_000);
afterAll(() => testDb.drop());

/** The page statement of `GET /api/v1/documents?<query>` (the first one: the keyset page over documents). */
const pageSql = async (
  ctx: AuthedContext,
  query: Record<string, string>,
  needRows = true,
): Promise<CapturedQuery> => {
  const parsed = documentLibraryQuery.parse(query);
  const { result, queries } = await captureQueries(database, (db) =>
    listLibrary({ ...ctx, database: db }, parsed),
  );
  if (needRows) expect(result.items.length).toBeGreaterThan(0);
  const [page] = withoutFrame(queries);
  if (!page) throw new Error('no statement captured');
  return page;
};

const expectIndexed = async (statement: CapturedQuery, index: string, opts: { indexCond?: string } = {}) => {
  const plan = await explain(database, owner.tenantId, statement);
  const summary = planSummary(plan, 'documents');
  const described = `${planLine(plan)}\n${statement.text}`;
  // No table is read whole: not documents, and not the records whose visibility is checked.
  expect(
    planNodes(plan).filter((n) => n['Node Type'] === 'Seq Scan'),
    described,
  ).toEqual([]);
  expect(summary.seqScan, described).toBe(false);
  expect(summary.indexes, described).toContain(index);
  expect(summary.sorts, described).toBe(false);
  // Visibility: one probe per row through the records' (tenant_id, id) keys, never a scan of their tenant.
  const probes = planNodes(plan).flatMap((n) =>
    ['leads', 'companies'].includes(n['Relation Name'] ?? '') ||
    n['Index Name']?.startsWith('leads_') ||
    n['Index Name']?.startsWith('companies_')
      ? [n['Index Name'] ?? n['Node Type']]
      : [],
  );
  expect(probes, described).toContain('leads_tenant_id_key');
  for (const probe of probes)
    expect(['leads_tenant_id_key', 'companies_tenant_id_key'], described).toContain(probe);
  if (opts.indexCond)
    expect(
      summary.indexConds.some((c) => c.includes(opts.indexCond as string)),
      described,
    ).toBe(true);
};

describe(`documents library plans on ${DOCUMENTS.toLocaleString('en-US')} documents`, () => {
  it('newest first, page 1 and a deep cursor: the created index, in order', async () => {
    await expectIndexed(await pageSql(owner, {}), 'documents_library_created_idx');
    await expectIndexed(await pageSql(owner, { cursor: deepCreated }), 'documents_library_created_idx', {
      indexCond: 'created_at',
    });
  });

  it('by name, page 1 and a deep cursor: the name index, in order', async () => {
    await expectIndexed(await pageSql(owner, { sort: 'name' }), 'documents_library_name_idx');
    await expectIndexed(
      await pageSql(owner, { sort: 'name', cursor: deepName }),
      'documents_library_name_idx',
      {
        indexCond: 'name',
      },
    );
  });

  it('filters (record type, family, uploader) and a member with record scope own stay on the index', async () => {
    await expectIndexed(await pageSql(owner, { recordType: 'lead' }), 'documents_library_created_idx');
    await expectIndexed(await pageSql(owner, { family: 'pdf' }), 'documents_library_created_idx');
    await expectIndexed(await pageSql(owner, { uploadedBy: 'me' }), 'documents_library_created_idx');
    // Record scope own: the EXISTS on the agent's own leads is checked per document read in index order.
    await expectIndexed(await pageSql(agent, {}, false), 'documents_library_created_idx');
  });

  it('a name search does not read the whole tenant in a sequential scan', async () => {
    const plan = await explain(database, owner.tenantId, await pageSql(owner, { q: 'file-1234.' }));
    const summary = planSummary(plan, 'documents');
    expect(summary.seqScan, planLine(plan)).toBe(false);
    expect(summary.indexes.length, planLine(plan)).toBeGreaterThan(0);
  });
});
