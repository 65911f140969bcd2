import { sql } from 'drizzle-orm';
import type { BrowserSession } from '../helpers/auth-client.ts';
import { crmApi } from '../helpers/crm-api.ts';
import { dbRows } from '../helpers/tenant-fixtures.ts';
import type { TestApp } from '../helpers/test-app.ts';

/** Requests for the work module's tests (on top of crmApi): weeks, entries, raw day totals. */
export const workApi = (t: TestApp) => {
  const c = crmApi(t);
  const weekUrl = (userId: string, monday: string) => `/timesheets/${userId}/${monday}`;
  return {
    ...c,
    weekUrl,
    /** Saves a week's grid: rows of `[projectId, [Mon…Sun hours]]`. */
    saveWeek: (as: BrowserSession, userId: string, monday: string, rows: object[], version?: number) =>
      c.api(as, 'PUT', weekUrl(userId, monday), { rows, ...(version === undefined ? {} : { version }) }),
    week: async (as: BrowserSession, userId: string, monday: string) =>
      (await c.api(as, 'GET', weekUrl(userId, monday))).json().data,
    /** Minutes per member-day as the database totals them (time_entry_days), and as the entries sum up. */
    dayTotals: async (tenantId: string, userId: string, day: string) => {
      const [kept] = await dbRows<{ minutes: number }>(
        t,
        sql`select minutes from time_entry_days where tenant_id = ${tenantId} and user_id = ${userId} and work_date = ${day}`,
      );
      const [summed] = await dbRows<{ minutes: string | null }>(
        t,
        sql`select sum(minutes) as minutes from time_entries where tenant_id = ${tenantId} and user_id = ${userId} and work_date = ${day}`,
      );
      return { kept: kept?.minutes ?? 0, summed: Number(summed?.minutes ?? 0) };
    },
  };
};

/** The message (with the database's cause and constraint) a query fails with, or 'no error'. */
export const failure = async (query: Promise<unknown>): Promise<string> => {
  try {
    await query;
  } catch (err) {
    const cause = (err as { cause?: { message?: string; constraint?: string } }).cause;
    return `${(err as Error).message} | ${cause?.message ?? ''} | ${cause?.constraint ?? ''}`;
  }
  return 'no error';
};
