import type { KpiResult } from '@tessera/contracts';
import { csvCell } from '../../platform/records/index.ts';

/** Numbers are written as numbers (a negative ROI is not a formula); text is formula-safe. */
const cell = (v: unknown) => (typeof v === 'number' ? String(v) : csvCell(v));
const line = (cells: readonly unknown[]) => `${cells.map(cell).join(',')}\r\n`;

/** A KPI as CSV: header, one line per row, then the totals (the export route and the report e-mails). */
export const kpiCsv = (r: KpiResult): string =>
  line(r.columns.map((c) => c.label)) +
  r.rows.map((row) => line(r.columns.map((c) => row[c.key]))).join('') +
  line(r.columns.map((c, i) => (i === 0 ? 'Total' : r.totals[c.key])));
