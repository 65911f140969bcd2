import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { setupApiTest } from '../helpers/api-test.ts';
import { type BrowserSession, logIn, signUp } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import {
  hostileString,
  hostileValue,
  type IdPool,
  ODD_UUID,
  objectFor,
  paramFor,
  type SchemaNode,
} from '../helpers/hostile-values.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';

interface Operation {
  method: string;
  path: string;
  parameters?: { in: string; name: string; required?: boolean; schema?: SchemaNode }[];
  requestBody?: { content: Record<string, { schema?: SchemaNode }> };
}

/** Routes that end the caller's own session or are proven elsewhere; fuzzing them only costs re-logins. */
const SKIP = new Set(['POST /api/v1/auth/logout', 'POST /api/v1/auth/sessions/revoke-all']);
/** What a 4xx/2xx answer must never contain: a stack frame, a source path or PostgreSQL's error text. */
const LEAK =
  /\bat [\w.<>$]+ \(|node:internal|node_modules|\/src\/[\w/-]+\.ts|syntax error at or near|invalid input syntax|violates [\w ]*constraint|duplicate key value|relation "\w+" does not exist|invalid byte sequence|PostgresError|DrizzleQueryError|Failed query/;

/** The document with every `$ref` to a component replaced by the component itself (the generator reads plain schemas). */
const inlineRefs = (doc: { components?: { schemas?: Record<string, unknown> } }) => {
  const components = doc.components?.schemas ?? {};
  const walk = (node: unknown, depth: number): unknown => {
    if (Array.isArray(node)) return node.map((n) => walk(n, depth));
    if (!node || typeof node !== 'object') return node;
    const ref = (node as { $ref?: string }).$ref;
    if (typeof ref === 'string' && ref.startsWith('#/components/schemas/')) {
      if (depth > 20) return {};
      return walk(components[ref.slice('#/components/schemas/'.length)], depth + 1);
    }
    return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, depth)]));
  };
  return walk(doc, 0);
};

const RUNS_PER_ROUTE = 8;
const SEED = 160_016;

describe('fuzzing every route of the OpenAPI document with hostile values', () => {
  const t = setupApiTest({ env: { RATE_LIMIT_MAX: '100000', AUTH_RATE_LIMIT_PER_MINUTE: '10000' } });
  let owner: BrowserSession;
  let other: BrowserSession;
  let operations: Operation[];
  let ids: IdPool;

  /** Every row of the other tenant, in every table with a tenant_id: equal snapshots mean nothing changed. */
  const otherTenantSnapshot = async () => {
    const tables = await dbRows<{ table_name: string }>(
      t,
      sql`select table_name from information_schema.columns where table_schema = 'public' and column_name = 'tenant_id' order by table_name`,
    );
    const out: Record<string, unknown> = {};
    for (const { table_name } of tables) {
      out[table_name] = await dbRows(
        t,
        sql`select md5(coalesce(string_agg(x::text, '|' order by x::text), '')) as h, count(*)::int as n from ${sql.identifier(table_name)} x where tenant_id = ${other.tenantId}`,
      );
    }
    return out;
  };

  beforeAll(async () => {
    owner = await signUp(t.app);
    other = await signUp(t.app);
    const crm = crmApi(t);
    const own = [
      (await crm.create(owner, '/leads', { firstName: 'Own', lastName: 'Lead' })).id,
      (await crm.create(owner, '/companies', { name: 'Own Co' })).id,
      owner.userId,
      owner.body.memberships[0]?.roleId as string,
    ];
    const foreign = [
      (await crm.create(other, '/leads', { firstName: 'Their', lastName: 'Lead' })).id,
      (await crm.create(other, '/companies', { name: 'Their Co' })).id,
      other.userId,
      other.tenantId,
      other.body.memberships[0]?.roleId as string,
    ];
    // Rows another tool wrote: valid PostgreSQL uuids that are not RFC 4122 variants.
    await t.database.db.execute(
      sql`insert into leads (id, tenant_id, first_name, last_name) values (${ODD_UUID}, ${owner.tenantId}, 'Imported', 'Elsewhere')`,
    );
    await t.database.db.execute(
      sql`insert into companies (id, tenant_id, name) values (${ODD_UUID}, ${owner.tenantId}, 'Imported Co')`,
    );
    await t.database.db.execute(
      sql`insert into contacts (id, tenant_id, first_name, last_name) values (${ODD_UUID}, ${owner.tenantId}, 'Imported', 'Person')`,
    );
    ids = { own: [...own, ODD_UUID], foreign };
    const doc = inlineRefs((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json()) as {
      paths: Record<string, Record<string, Omit<Operation, 'method' | 'path'>>>;
    };
    operations = Object.entries(doc.paths).flatMap(([path, byMethod]) =>
      Object.entries(byMethod)
        .map(([method, op]) => ({ ...op, method: method.toUpperCase(), path }))
        .filter((op) => !SKIP.has(`${op.method} ${op.path}`)),
    );
  });

  /**
   * One request: a route with plausible path, query and body values (built from its own schema), then exactly
   * one slot — a path parameter, a query parameter, a body field, a new body key — replaced by a hostile value,
   * so the hostile value is not hidden behind another field's validation error.
   */
  const requestFor = (op: Operation) => {
    const params = op.parameters ?? [];
    const pathParams = params.filter((p) => p.in === 'path');
    const queryParams = params.filter((p) => p.in === 'query');
    const content = op.requestBody?.content ?? {};
    const json = content['application/json']?.schema;
    const csv = Boolean(content['text/csv']);
    const slots = [
      ...pathParams.map((p) => `path:${p.name}`),
      ...queryParams.map((p) => `query:${p.name}`),
      ...Object.keys(json?.properties ?? {}).map((k) => `body:${k}`),
      ...(json ? ['body:tenantId', 'body:\u0000'] : []),
      ...(csv ? ['csv'] : []),
    ];
    return fc
      .record({
        path: fc.tuple(...pathParams.map((p) => paramFor(p.schema ?? {}, ids))),
        // Half the time no query parameters, else each now and then.
        bare: fc.boolean(),
        query: fc.tuple(
          ...queryParams.map((p) =>
            fc.oneof(
              { weight: 4, arbitrary: fc.constant(undefined) },
              { weight: 1, arbitrary: paramFor(p.schema ?? {}, ids) },
            ),
          ),
        ),
        body: json ? objectFor(json, ids) : fc.constant(undefined),
        csvRows: fc.array(
          fc.tuple(fc.constantFrom('a@example.test', 'b@example.test'), fc.constantFrom('Member')),
          {
            maxLength: 3,
          },
        ),
        // A quarter of the requests carry nothing hostile: those meet the hostile rows already stored.
        slot: fc.oneof(
          { weight: 1, arbitrary: fc.constant('none') },
          { weight: 3, arbitrary: fc.constantFrom('none', ...slots) },
        ),
        hostile: hostileValue(),
        hostileText: hostileString(),
      })
      .map(({ path, bare, query, body, csvRows, slot, hostile, hostileText }) => {
        const [where, name] = slot.split(/:(.*)/s) as [string, string];
        const url = pathParams.reduce((u, p, i) => {
          const v = where === 'path' && name === p.name ? hostileText : (path[i] as string);
          return u.replace(`{${p.name}}`, encodeURIComponent(v.toWellFormed()));
        }, op.path);
        const q: Record<string, string> = {};
        queryParams.forEach((p, i) => {
          if (!bare && query[i] !== undefined) q[p.name] = query[i] as string;
        });
        if (where === 'query') q[name] = hostileText;
        if (csv) {
          const rows = csvRows.map((r) => r.join(','));
          if (where === 'csv') rows.push(`${hostileText},Member`);
          return { url, query: q, payload: ['email,role', ...rows].join('\n'), type: 'text/csv' };
        }
        const payload = body && where === 'body' ? { ...body, [name]: hostile } : body;
        return { url, query: q, payload, type: undefined };
      });
  };

  it(`answers ${RUNS_PER_ROUTE} hostile requests per route (seed ${SEED}) without a 5xx, a leak, or a change in another tenant`, async () => {
    expect(operations.length).toBeGreaterThan(100);
    const before = await otherTenantSnapshot();
    // Every failure is collected (not only the first), so one run shows each broken route.
    const failures = new Map<string, string>();
    for (const [index, op] of operations.entries()) {
      const route = `${op.method} ${op.path}`;
      await fc.assert(
        fc.asyncProperty(requestFor(op), async ({ url, query, payload, type }) => {
          const qs = new URLSearchParams(query).toString();
          // The owner's cookies and CSRF token, never replaced by what a fuzzed route sets (sign-up, login).
          const res = await t.app.inject({
            method: op.method as 'GET',
            url: qs ? `${url}?${qs}` : url,
            ...(payload === undefined ? {} : { payload: payload as string }),
            headers: {
              cookie: Object.entries(owner.cookies)
                .map(([k, v]) => `${k}=${v}`)
                .join('; '),
              'x-csrf-token': owner.csrf,
              ...(type ? { 'content-type': type } : {}),
            },
          });
          const what = `${op.method} ${url}?${qs} ${JSON.stringify(payload)?.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 200)}`;
          if (res.statusCode >= 500) failures.set(`5xx ${route}`, what);
          else if (LEAK.test(res.body)) failures.set(`leak ${route}`, what);
          // A route that ended the owner's session (password change, 2FA, own session revoked): sign in again.
          if (res.statusCode === 401 && !op.path.startsWith('/api/v1/auth/')) {
            owner = await logIn(t.app, owner.email, owner.password, { tenantId: owner.tenantId });
          }
        }),
        { numRuns: RUNS_PER_ROUTE, seed: SEED + index },
      );
    }
    expect([...failures.values()]).toEqual([]);
    expect(await otherTenantSnapshot()).toEqual(before);
  }, 120_000);
});
