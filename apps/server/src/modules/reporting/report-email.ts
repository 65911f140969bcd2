import type { KpiColumn, KpiResult, ReportSubscriptionQuery } from '@tessera/contracts';
import { escapeHtml } from '../../platform/mail/index.ts';

// The report e-mail's two parts (report-emails.job.ts): the text, and the HTML alternative with the table.
// Both format values alike: money in units with two decimals, percents with " %". Every value in the HTML is
// escaped: names, sources and companies come from user data.

type Value = string | number | null | undefined;

const money = (cents: number) => (cents / 100).toFixed(2);

/** A value as both parts show it; blank for none. */
export const formatValue = (kind: KpiColumn['kind'], v: Value): string => {
  if (v === null || v === undefined) return '';
  if (kind === 'money' && typeof v === 'number') return money(v);
  return `${v}${kind === 'percent' ? ' %' : ''}`;
};

/**
 * The report in the app for the mailed period and filters (`/reports/:name?period=custom&from=&to=…`, as the
 * report page reads its URL).
 */
export const reportLink = (appUrl: string, r: KpiResult, query: ReportSubscriptionQuery): string => {
  const params = new URLSearchParams({ period: 'custom', from: r.period.from, to: r.period.to });
  if (query.grouping !== 'month') params.set('grouping', query.grouping);
  for (const f of ['ownerId', 'teamId', 'pipelineId', 'source'] as const) {
    const v = query[f];
    if (v !== undefined) params.set(f, v);
  }
  return `${appUrl}/reports/${encodeURIComponent(r.kpi)}?${params}`;
};

/** The e-mail's text: the period, the totals (money in units), the link, and where to change it. */
export const reportEmailText = (name: string, r: KpiResult, link: string): string => {
  const totals = r.columns
    .slice(1)
    .filter((c) => r.totals[c.key] !== null && r.totals[c.key] !== undefined)
    .map((c) => `- ${c.label}: ${formatValue(c.kind, r.totals[c.key])}`);
  return [
    `Hello ${name},`,
    '',
    `${r.title}, ${r.period.from} to ${r.period.to} (by ${r.period.grouping}, ${r.period.timezone}).`,
    '',
    ...(totals.length ? ['Totals:', ...totals] : ['No totals for this period.']),
    ...(r.moneyHidden ? ['', 'Amounts are hidden: you may not see money fields.'] : []),
    '',
    `The full table (${r.rows.length} rows) is attached as CSV.`,
    `Open it in Tessera: ${link}`,
    'Change or stop this e-mail: Reports → My report e-mails.',
  ].join('\n');
};

const CELL = 'padding:4px 8px;border-bottom:1px solid #e4e4e7;white-space:nowrap';
const alignOf = (c: KpiColumn) => (c.kind === 'text' || c.kind === 'date' ? 'left' : 'right');

/**
 * The HTML part: the same lines as the text, then the report's table (rows and totals; money columns left out
 * when they are hidden for the member) and a link to the report. Inline styles only (mail clients drop <style>).
 */
export const reportEmailHtml = (name: string, r: KpiResult, link: string): string => {
  const columns = r.columns.filter((c) => !(r.moneyHidden && c.kind === 'money'));
  const cell = (tag: 'th' | 'td', c: KpiColumn, text: string) =>
    `<${tag} style="${CELL};text-align:${alignOf(c)}">${escapeHtml(text)}</${tag}>`;
  const row = (cells: string[]) => `<tr>${cells.join('')}</tr>`;
  const table =
    r.rows.length === 0
      ? '<p>No data in this period.</p>'
      : [
          '<table style="border-collapse:collapse;font-size:14px" cellspacing="0">',
          `<thead>${row(columns.map((c) => cell('th', c, c.label)))}</thead>`,
          '<tbody>',
          ...r.rows.map((values) =>
            row(columns.map((c) => cell('td', c, formatValue(c.kind, values[c.key])))),
          ),
          '</tbody>',
          `<tfoot style="font-weight:bold">${row(
            columns.map((c, i) => cell('td', c, i === 0 ? 'Total' : formatValue(c.kind, r.totals[c.key]))),
          )}</tfoot>`,
          '</table>',
        ].join('\n');
  const p = (text: string) => `<p>${escapeHtml(text)}</p>`;
  return [
    '<!doctype html>',
    '<html><body style="font-family:system-ui,sans-serif;color:#18181b">',
    p(`Hello ${name},`),
    p(`${r.title}, ${r.period.from} to ${r.period.to} (by ${r.period.grouping}, ${r.period.timezone}).`),
    ...(r.moneyHidden ? [p('Amounts are hidden: you may not see money fields.')] : []),
    table,
    `<p><a href="${escapeHtml(link)}">Open the report in Tessera</a></p>`,
    p(`The full table (${r.rows.length} rows) is attached as CSV.`),
    p('Change or stop this e-mail: Reports → My report e-mails.'),
    '</body></html>',
  ].join('\n');
};
