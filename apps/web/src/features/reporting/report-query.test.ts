import { describe, expect, it } from 'vitest';
import { periodError, presetRange, readReportState, reportApiQuery, writeReportState } from './report-query';

const today = new Date(2026, 1, 14); // 14 Feb 2026, local time
const funnel = {
  filters: ['ownerId', 'teamId', 'source'] as const,
  grouped: false,
  period: 'range' as const,
};

describe('report query', () => {
  it('computes the presets from the calendar day', () => {
    expect(presetRange('this-month', today)).toEqual({ from: '2026-02-01', to: '2026-02-14' });
    expect(presetRange('last-month', today)).toEqual({ from: '2026-01-01', to: '2026-01-31' });
    expect(presetRange('this-quarter', today)).toEqual({ from: '2026-01-01', to: '2026-02-14' });
    expect(presetRange('this-year', today)).toEqual({ from: '2026-01-01', to: '2026-02-14' });
    expect(presetRange('last-12-months', today)).toEqual({ from: '2025-02-15', to: '2026-02-14' });
    expect(presetRange('last-month', new Date(2026, 0, 31))).toEqual({
      from: '2025-12-01',
      to: '2025-12-31',
    });
    expect(presetRange('this-quarter', new Date(2026, 10, 5))).toEqual({
      from: '2026-10-01',
      to: '2026-11-05',
    });
  });

  it('reads and writes the URL, leaving the defaults out and ignoring what it does not know', () => {
    const state = readReportState(new URLSearchParams('period=last-month&grouping=week&ownerId=u1&limit=5'));
    expect(state).toEqual({
      period: 'last-month',
      from: '',
      to: '',
      grouping: 'week',
      filters: { ownerId: 'u1' },
    });
    expect(writeReportState(state).toString()).toBe('period=last-month&grouping=week&ownerId=u1');
    expect(writeReportState(readReportState(new URLSearchParams(''))).toString()).toBe('');
    const custom = readReportState(new URLSearchParams('from=2026-01-01&to=2026-01-31&grouping=year'));
    expect(custom).toMatchObject({
      period: 'custom',
      from: '2026-01-01',
      to: '2026-01-31',
      grouping: 'month',
    });
    expect(writeReportState(custom).toString()).toBe('period=custom&from=2026-01-01&to=2026-01-31');
    expect(readReportState(new URLSearchParams('period=nonsense')).period).toBe('last-12-months');
  });

  it('refuses a custom period that is incomplete, backwards or longer than three years', () => {
    const custom = (from: string, to: string) => ({
      ...readReportState(new URLSearchParams()),
      period: 'custom' as const,
      from,
      to,
    });
    expect(periodError(custom('2026-01-01', ''))).toBe('Pick both days.');
    expect(periodError(custom('2026-02-30', '2026-03-01'))).toBe('Pick both days.');
    expect(periodError(custom('2026-02-01', '2026-01-01'))).toBe('The period ends before it starts.');
    expect(periodError(custom('2020-01-01', '2026-01-01'))).toBe('At most three years.');
    expect(periodError(custom('2026-01-01', '2026-01-01'))).toBeUndefined();
  });

  it('asks the API only for what the KPI takes', () => {
    const state = readReportState(
      new URLSearchParams('period=last-month&grouping=day&ownerId=u1&pipelineId=p1'),
    );
    expect(reportApiQuery(funnel, state, today)).toEqual({
      from: '2026-01-01',
      to: '2026-01-31',
      ownerId: 'u1',
    });
    expect(
      reportApiQuery(
        { filters: ['ownerId', 'teamId', 'pipelineId'], grouped: true, period: 'range' },
        state,
        today,
      ),
    ).toEqual({ from: '2026-01-01', to: '2026-01-31', grouping: 'day', ownerId: 'u1', pipelineId: 'p1' });
    expect(reportApiQuery({ filters: ['pipelineId'], grouped: false, period: 'none' }, state, today)).toEqual(
      {
        pipelineId: 'p1',
      },
    );
  });
});
