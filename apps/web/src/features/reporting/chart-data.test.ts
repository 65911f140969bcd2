import type { KpiResult } from '@tessera/contracts';
import { describe, expect, it } from 'vitest';
import { chartOptionsOf, chartSeries, compactValue, drillDownUrl, seriesSummary } from './chart-data';

const funnel: Pick<KpiResult, 'columns' | 'rows' | 'moneyHidden'> = {
  columns: [
    { key: 'status', label: 'Status', kind: 'text' },
    { key: 'leads', label: 'Leads', kind: 'number' },
    { key: 'reached', label: 'Reached', kind: 'number' },
    { key: 'conversion', label: 'Conversion', kind: 'percent' },
  ],
  rows: [
    { status: 'new', leads: 1, reached: 4, conversion: null },
    { status: 'in_progress', leads: 1, reached: 3, conversion: 75 },
    { status: 'won', leads: 2, reached: 2, conversion: 66.7 },
    { status: 'lost', leads: 1, reached: null, conversion: null },
  ],
  moneyHidden: false,
};

const revenue = (moneyHidden: boolean): Pick<KpiResult, 'columns' | 'rows' | 'moneyHidden'> => ({
  columns: [
    { key: 'period', label: 'Period', kind: 'date' },
    { key: 'won', label: 'Deals won', kind: 'number' },
    { key: 'revenueCents', label: 'Revenue', kind: 'money' },
  ],
  rows: [
    { period: '2026-01-01', won: 1, revenueCents: moneyHidden ? null : 30_000 },
    { period: '2026-02-01', won: 2, revenueCents: moneyHidden ? null : 7_000 },
  ],
  moneyHidden,
});

describe('chartSeries (KPI result → chart points)', () => {
  it('a funnel charts the chosen measure per step and leaves out steps without a value', () => {
    const s = chartSeries(funnel, 'funnel', { category: 'status', measure: 'reached' });
    expect(s?.measure.key).toBe('reached');
    expect(s?.points).toEqual([
      { key: 'new', label: 'New', value: 4 },
      { key: 'in_progress', label: 'In progress', value: 3 },
      { key: 'won', label: 'Won', value: 2 },
    ]);
  });

  it('a bar chart of the same rows keeps every step (no value counts as 0)', () => {
    const s = chartSeries(funnel, 'bar', { measure: 'reached' });
    expect(s?.points.map((p) => [p.key, p.value])).toEqual([
      ['new', 4],
      ['in_progress', 3],
      ['won', 2],
      ['lost', 0],
    ]);
  });

  it('defaults: the first text/date column and the first count; dates go through the formatter', () => {
    const s = chartSeries(revenue(false), 'line', {}, (iso) => `d:${iso}`);
    expect(s?.category.key).toBe('period');
    expect(s?.measure.key).toBe('won');
    expect(s?.points[0]).toEqual({ key: '2026-01-01', label: 'd:2026-01-01', value: 1 });
    expect(
      chartSeries(revenue(false), 'line', { measure: 'revenueCents' })?.points.map((p) => p.value),
    ).toEqual([30_000, 7_000]);
  });

  it('a money measure the member may not see falls back to the count', () => {
    const s = chartSeries(revenue(true), 'line', { measure: 'revenueCents' });
    expect(s?.measure.key).toBe('won');
    expect(s?.points.map((p) => p.value)).toEqual([1, 2]);
  });

  it('rows with the same category are added up (leads by source over vendors); no source is "None"', () => {
    const s = chartSeries(
      {
        columns: [
          { key: 'source', label: 'Source', kind: 'text' },
          { key: 'vendor', label: 'Vendor', kind: 'text' },
          { key: 'leads', label: 'Leads', kind: 'number' },
        ],
        rows: [
          { source: 'web', vendor: null, leads: 3 },
          { source: 'fair', vendor: 'A', leads: 1 },
          { source: 'web', vendor: 'A', leads: 2 },
          { source: null, vendor: null, leads: 4 },
        ],
        moneyHidden: false,
      },
      'pie',
      { category: 'source', measure: 'leads' },
    );
    expect(s?.points).toEqual([
      { key: 'web', label: 'Web', value: 5 },
      { key: 'fair', label: 'Fair', value: 1 },
      { key: null, label: 'None', value: 4 },
    ]);
  });

  it('no chart without a category or a numeric column', () => {
    expect(
      chartSeries(
        { columns: [{ key: 'n', label: 'N', kind: 'number' }], rows: [], moneyHidden: false },
        'bar',
        {},
      ),
    ).toBeNull();
  });

  it('options: only strings are taken', () => {
    expect(chartOptionsOf({ category: 'status', measure: 3, drillParam: 'status' })).toEqual({
      category: 'status',
      measure: undefined,
      drillParam: 'status',
    });
  });

  it('a summary sentence for screen readers', () => {
    const s = chartSeries(funnel, 'funnel', { measure: 'reached' });
    expect(s && seriesSummary('Lead funnel', s, String)).toBe(
      'Lead funnel (Reached): New 4, In progress 3, Won 2',
    );
  });
});

describe('drillDownUrl (a clicked segment → the filtered list)', () => {
  it('adds the segment as the filter, keeping the KPI query’s filters', () => {
    expect(drillDownUrl('/leads', 'status', 'won')).toBe('/leads?status=won');
    expect(drillDownUrl('/leads?source=web', 'status', 'in_progress')).toBe(
      '/leads?source=web&status=in_progress',
    );
    expect(drillDownUrl('/leads?source=web', 'source', 'fair & co')).toBe('/leads?source=fair+%26+co');
  });

  it('the plain list without a filter parameter or a value; nothing without a list', () => {
    expect(drillDownUrl('/deals?ownerId=u1', undefined, 'Qualified')).toBe('/deals?ownerId=u1');
    expect(drillDownUrl('/leads', 'source', null)).toBe('/leads');
    expect(drillDownUrl(null, 'status', 'won')).toBeNull();
  });
});

describe('compactValue (axis ticks)', () => {
  it('money in the company currency from cents, counts compact', () => {
    expect(compactValue('money', 20_000_000, { locale: 'en-US', currency: 'USD' })).toBe('$200K');
    expect(compactValue('number', 1500, { locale: 'en-US' })).toBe('1.5K');
    expect(compactValue('money', 100, { locale: 'en-US', currency: 'XX' })).toBe('1');
  });
});
