import { sql } from 'drizzle-orm';
import { asBrowser, type BrowserSession } from './auth-client.ts';
import { dbRows } from './tenant-fixtures.ts';
import type { TestApp } from './test-app.ts';

/** A well-formed id that exists nowhere. */
export const MISSING_ID = '01a1fcbb-0000-7000-8000-000000000000';

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * Requests against /api/v1 as a browser session, plus database snapshots for "nothing changed" checks. Takes
 * the app, or a function returning it (for helpers declared before `beforeAll` has created the app).
 */
export const crmApi = (app: TestApp | (() => TestApp)) => {
  const t = () => (typeof app === 'function' ? app() : app);
  const api = (
    as: BrowserSession,
    method: Method | (string & {}),
    url: string,
    payload?: object,
    headers: Record<string, string> = {},
  ) =>
    asBrowser(t().app, as, {
      method,
      url: `/api/v1${url}`,
      ...(payload ? { payload } : {}),
      headers,
    } as never);

  /** POST that must answer 201; returns `data`. */
  const create = async (as: BrowserSession, url: string, body: object) => {
    const res = await api(as, 'POST', url, body);
    if (res.statusCode !== 201) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res.json().data;
  };

  /** Every row of a tenant's table, by id (table names are constants of the test). */
  const rows = (table: string, tenantId: string) =>
    dbRows(t(), sql`select * from ${sql.raw(table)} where tenant_id = ${tenantId} order by id`);

  /** The tenant's rows of several tables plus its audit log: equal snapshots mean nothing changed. */
  const snapshot = async (tenantId: string, tables: readonly string[]) => ({
    ...Object.fromEntries(await Promise.all(tables.map(async (n) => [n, await rows(n, tenantId)] as const))),
    audit: (await rows('audit_logs', tenantId)).length,
  });

  /** Follows `nextCursor` to the end; returns every item in order. */
  const pageAll = async <T = { id: string }>(as: BrowserSession, url: string): Promise<T[]> => {
    const out: T[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 100; i++) {
      const sep = url.includes('?') ? '&' : '?';
      const res = await api(as, 'GET', `${url}${cursor ? `${sep}cursor=${cursor}` : ''}`);
      if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
      const body = res.json();
      out.push(...body.data);
      cursor = body.pagination.nextCursor;
      if (!cursor) return out;
    }
    throw new Error('pagination did not end');
  };

  /** A cursor with a well-formed shape but a value PostgreSQL cannot read. */
  const craftedCursor = (value: unknown, id: string = MISSING_ID) =>
    Buffer.from(JSON.stringify([value, id])).toString('base64url');

  return { api, create, rows, snapshot, pageAll, craftedCursor };
};
