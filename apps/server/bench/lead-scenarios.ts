import { randomBytes } from 'node:crypto';
import { leadCreateInput, leadListQuery } from '@tessera/contracts';
import { createLead, getLead, listLeads } from '../src/modules/crm/leads/leads.service.ts';
import type { AuthedContext } from '../src/platform/context/service-context.ts';
import { newId } from '../src/platform/db/columns.ts';
import type { IdempotentWrite } from '../src/platform/http/idempotent-write.ts';
import type { GeneratedTenant } from '../src/seed/generate.ts';
import type { BareRoute } from './bare-server.ts';
import type { BenchEnv } from './bench-env.ts';
import type { LeadSamples } from './lead-samples.ts';
import { pgbenchScript } from './pgbench.ts';
import { type CapturedQuery, captureQueries, withoutFrame } from './sql-capture.ts';

// The request-path scenarios on leads (lists, searches, get by id, create): each with the statements the
// service runs, captured from a real service call, and the bare route that runs the same statements.

export interface Scenario {
  name: string;
  method: 'GET' | 'POST';
  /** App paths (rotated when several). */
  paths: string[];
  body?: object;
  /** The statements the service runs, captured from the real service call. */
  captured: CapturedQuery[];
  /** The bare route serving the same statements. */
  bare: BareRoute;
  /** Paths for the bare server (rotated). */
  barePaths: string[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Replaces every `from` value among the statements' parameters by `to` (ids and keys that differ per request),
 * also inside string parameters (the lead id inside the stored idempotent answer).
 */
const substitute = (statements: CapturedQuery[], map: ReadonlyMap<string, string>): CapturedQuery[] =>
  statements.map((s) => ({
    text: s.text,
    params: s.params.map((p) =>
      typeof p === 'string' ? [...map].reduce((v, [from, to]) => v.replaceAll(from, to), p) : p,
    ),
  }));

/** The scenarios, and the pgbench script of one create (the same statements as one transaction). */
export const leadScenarios = async (
  env: BenchEnv,
  tenant: GeneratedTenant,
  samples: LeadSamples,
): Promise<{ scenarios: Scenario[]; createScript: string }> => {
  const { database, log } = env;
  const ctx: AuthedContext = {
    database,
    log,
    tenantId: tenant.tenantId,
    userId: tenant.ownerId,
    requestId: 'bench',
    afterCommit: () => {},
    auth: {
      kind: 'session',
      tenantId: tenant.tenantId,
      userId: tenant.ownerId,
      viaCookie: false,
      csrfValid: false,
      permissions: new Set(),
      scopes: {},
    },
  };
  const capture = async (fn: (c: AuthedContext) => Promise<unknown>) =>
    withoutFrame((await captureQueries(database, (db) => fn({ ...ctx, database: db }))).queries);
  const list = async (name: string, slug: string, query: Record<string, string>): Promise<Scenario> => {
    const captured = await capture((c) => listLeads(c, leadListQuery.parse(query)));
    const qs = new URLSearchParams(query).toString();
    return {
      name,
      method: 'GET',
      paths: [`/api/v1/leads${qs ? `?${qs}` : ''}`],
      captured,
      bare: { method: 'GET', url: `/bare/${slug}`, statements: () => captured },
      barePaths: [`/bare/${slug}`],
    };
  };

  const { mid, sampleIds } = samples;
  const scenarios: Scenario[] = [
    await list('list page 1', 'page1', {}),
    await list('list, cursor 10k deep', 'deep', { cursor: samples.deepCursor }),
    await list('search "garcia" (common)', 'search-common', { q: 'garcia' }),
    await list(`search "${mid.term}" (mid, ${mid.matches})`, 'search-mid', { q: mid.term }),
    await list(`search e-mail (1 match)`, 'search-rare', { q: samples.rareTerm }),
  ];
  const sampleId = sampleIds[0] as string;
  const getCaptured = await capture((c) => getLead(c, sampleId));
  scenarios.push({
    name: 'get by id',
    method: 'GET',
    paths: sampleIds.map((id) => `/api/v1/leads/${id}`),
    captured: getCaptured,
    bare: {
      method: 'GET',
      url: '/bare/leads/:id',
      statements: (req) => substitute(getCaptured, new Map([[sampleId, (req.params as { id: string }).id]])),
    },
    barePaths: sampleIds.map((id) => `/bare/leads/${id}`),
  });
  const body = {
    firstName: 'Bench',
    lastName: 'Lead',
    email: 'bench.lead@example.com',
    phone: '+1 555-010-0100',
    companyName: 'Bench Plumbing',
    source: 'website',
    score: 50,
    estimatedValueCents: 125_000,
    tags: ['bench'],
  };
  // Captured with an Idempotency-Key, as the load sends one: the claim and the stored answer are part of
  // the create's transaction (ADR 0026), so the bare route and pgbench run them too.
  const captureKey = `bench-capture-${newId()}`;
  const idempotency: IdempotentWrite = {
    scope: `t:${tenant.tenantId}:u:${tenant.ownerId}`,
    key: captureKey,
    requestHash: randomBytes(32).toString('hex'),
    status: 201,
    serialize: (answer) => JSON.stringify(answer),
    claimed: false,
  };
  const createCaptured = await capture((c) => createLead({ ...c, idempotency }, leadCreateInput.parse(body)));
  const known = new Set([tenant.tenantId, ...tenant.memberIds]);
  const generated = [
    ...new Set(
      createCaptured
        .flatMap((s) => s.params)
        .filter((p): p is string => typeof p === 'string' && UUID.test(p) && !known.has(p)),
    ),
  ];
  const createScript = pgbenchScript(createCaptured, { tenantId: tenant.tenantId, userId: tenant.ownerId }, [
    { value: captureKey, prefix: 'bench-pgbench-' },
    ...generated.map((id) => ({ value: id, prefix: id.slice(0, 24) })),
  ]);
  scenarios.push({
    name: 'create',
    method: 'POST',
    paths: ['/api/v1/leads'],
    body,
    captured: createCaptured,
    bare: {
      method: 'POST',
      url: '/bare/leads',
      statements: () =>
        substitute(
          createCaptured,
          new Map([[captureKey, `bench-bare-${newId()}`], ...generated.map((id) => [id, newId()] as const)]),
        ),
    },
    barePaths: ['/bare/leads'],
  });
  return { scenarios, createScript };
};
