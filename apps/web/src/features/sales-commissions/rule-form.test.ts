import { describe, expect, it } from 'vitest';
import {
  bpToPercent,
  centsToAmount,
  monthOf,
  parseTiers,
  percentToBp,
  type RuleFormValues,
  ruleFormToInput,
  ruleToForm,
} from './rule-form';

describe('percent ↔ basis points', () => {
  it('reads percentages exactly', () => {
    expect(percentToBp('5')).toBe(500);
    expect(percentToBp('2.5')).toBe(250);
    expect(percentToBp('12.25')).toBe(1225);
    expect(percentToBp('0.01')).toBe(1);
    expect(percentToBp('4,75')).toBe(475);
    expect(percentToBp(' 7 %')).toBe(700);
    expect(percentToBp('100')).toBe(10_000);
    expect(percentToBp('0')).toBe(0);
    // 0.29 * 100 is 28.999… in floating point; the parser is exact.
    expect(percentToBp('0.29')).toBe(29);
  });
  it('refuses what is not a percentage', () => {
    expect(percentToBp('')).toBeUndefined();
    expect(percentToBp('  ')).toBeUndefined();
    for (const bad of ['100.01', '101', '-1', 'abc', '1.234', '1e2', '.5', '5.'])
      expect(percentToBp(bad), bad).toBeNaN();
  });
  it('writes basis points back as the shortest percentage', () => {
    expect(bpToPercent(500)).toBe('5');
    expect(bpToPercent(250)).toBe('2.5');
    expect(bpToPercent(1225)).toBe('12.25');
    expect(bpToPercent(1)).toBe('0.01');
    expect(bpToPercent(10_000)).toBe('100');
    for (let bp = 0; bp <= 10_000; bp += 7) expect(percentToBp(bpToPercent(bp))).toBe(bp);
  });
  it('amounts round-trip', () => {
    expect(centsToAmount(1_000_000)).toBe('10000');
    expect(centsToAmount(1_234_550)).toBe('12345.50');
    expect(centsToAmount(5)).toBe('0.05');
  });
});

describe('tiers', () => {
  it('parses ascending tiers and skips blank rows', () => {
    expect(
      parseTiers([
        { from: '10,000', rate: '6' },
        { from: '', rate: '' },
        { from: '50000.50', rate: '7.5' },
      ]),
    ).toEqual({
      tiers: [
        { fromCents: 1_000_000, rateBp: 600 },
        { fromCents: 5_000_050, rateBp: 750 },
      ],
      errors: {},
    });
  });
  it('reports each row that is incomplete, not ascending or not a number', () => {
    const { tiers, errors } = parseTiers([
      { from: '5000', rate: '6' },
      { from: '5000', rate: '7' },
      { from: '1000', rate: '' },
      { from: 'x', rate: '101' },
      { from: '', rate: '3' },
    ]);
    expect(tiers).toEqual([{ fromCents: 500_000, rateBp: 600 }]);
    expect(errors).toEqual({
      1: { from: 'Must be above the tier before' },
      2: { from: 'Must be above the tier before', rate: 'Required' },
      3: { from: 'An amount of 0 or more', rate: expect.stringContaining('percentage') },
      4: { from: 'Required' },
    });
  });
});

const base: RuleFormValues = {
  name: ' Field sales ',
  target: 'role',
  userId: 'u1',
  roleId: 'r1',
  categoryId: '',
  rate: '5',
  tiers: [{ from: '10000', rate: '6' }],
};

describe('rule form → API input', () => {
  it('sends exactly one target, basis points and minor units', () => {
    expect(ruleFormToInput(base)).toEqual({
      ok: true,
      input: {
        name: 'Field sales',
        roleId: 'r1',
        categoryId: null,
        rateBp: 500,
        tiers: [{ fromCents: 1_000_000, rateBp: 600 }],
      },
    });
    const agent = ruleFormToInput({ ...base, target: 'user', categoryId: 'c1' });
    expect(agent.ok && agent.input).toMatchObject({ userId: 'u1', categoryId: 'c1' });
    expect(agent.ok && 'roleId' in agent.input).toBe(false);
  });
  it('reports missing name, target and rate', () => {
    expect(ruleFormToInput({ ...base, name: ' ', roleId: '', rate: '' })).toEqual({
      ok: false,
      errors: { name: 'Required', target: 'Choose a role', rate: 'Required' },
    });
    const bad = ruleFormToInput({ ...base, rate: '150', tiers: [{ from: '', rate: '2' }] });
    expect(bad).toEqual({
      ok: false,
      errors: { rate: expect.stringContaining('percentage'), tiers: { 0: { from: 'Required' } } },
    });
  });
  it('a stored rule comes back to the same input', () => {
    const rule = {
      id: 'x',
      version: 1,
      createdAt: '2026-01-01T00:00:00.000Z',
      updatedAt: '2026-01-01T00:00:00.000Z',
      archivedAt: null,
      createdBy: null,
      name: 'Agent A',
      userId: 'u1',
      roleId: null,
      categoryId: 'c1',
      rateBp: 275,
      tiers: [{ fromCents: 2_500_050, rateBp: 310 }],
      active: true,
    };
    const form = ruleToForm(rule);
    expect(form).toMatchObject({ target: 'user', rate: '2.75', tiers: [{ from: '25000.50', rate: '3.1' }] });
    expect(ruleFormToInput(form)).toEqual({
      ok: true,
      input: { name: 'Agent A', userId: 'u1', categoryId: 'c1', rateBp: 275, tiers: rule.tiers },
    });
  });
});

it('monthOf gives the first and last day of the month', () => {
  expect(monthOf(new Date('2026-02-14T12:00:00Z'))).toEqual({ from: '2026-02-01', to: '2026-02-28' });
  expect(monthOf(new Date('2024-02-01T00:00:00Z'))).toEqual({ from: '2024-02-01', to: '2024-02-29' });
  expect(monthOf(new Date('2026-12-31T23:00:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
});
