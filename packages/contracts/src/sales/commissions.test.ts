import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type CommissionInput, calculateCommission } from './commissions.ts';

const agent = { id: 'a1', role: 'sales' };
const base = (over: Partial<CommissionInput> = {}): CommissionInput => ({
  agent,
  lines: [{ categoryId: null, netMinor: 100_000 }],
  periodVolumeMinor: 0,
  rules: [{ id: 'role', role: 'sales', rateBp: 500 }],
  ...over,
});

describe('commissions', () => {
  it('a percentage of the paid net amount, half-up', () => {
    expect(calculateCommission(base())).toEqual([
      { ruleId: 'role', baseMinor: 100_000, rateBp: 500, commissionMinor: 5000 },
    ]);
    expect(
      calculateCommission(base({ lines: [{ categoryId: null, netMinor: 1010 }] }))[0]?.commissionMinor,
    ).toBe(51);
  });

  it('an agent rule wins over a role rule, a category rule over an all-category rule', () => {
    const rules = [
      { id: 'role', role: 'sales', rateBp: 500 },
      { id: 'agent', agentId: 'a1', rateBp: 800 },
      { id: 'agent-panels', agentId: 'a1', categoryId: 'panels', rateBp: 1000 },
      { id: 'other', agentId: 'a2', rateBp: 9000 },
    ];
    const lines = [
      { categoryId: 'panels', netMinor: 10_000 },
      { categoryId: 'service', netMinor: 20_000 },
    ];
    expect(calculateCommission(base({ rules, lines }))).toEqual([
      { ruleId: 'agent-panels', baseMinor: 10_000, rateBp: 1000, commissionMinor: 1000 },
      { ruleId: 'agent', baseMinor: 20_000, rateBp: 800, commissionMinor: 1600 },
    ]);
    expect(calculateCommission(base({ agent: { id: 'x', role: 'manager' }, rules }))).toEqual([]);
  });

  it('tiers by period volume', () => {
    const rules = [
      {
        id: 'r',
        role: 'sales',
        rateBp: 300,
        tiers: [
          { fromMinor: 1_000_000, rateBp: 500 },
          { fromMinor: 5_000_000, rateBp: 700 },
        ],
      },
    ];
    expect(calculateCommission(base({ rules, periodVolumeMinor: 999_999 }))[0]?.rateBp).toBe(300);
    expect(calculateCommission(base({ rules, periodVolumeMinor: 1_000_000 }))[0]?.rateBp).toBe(500);
    expect(calculateCommission(base({ rules, periodVolumeMinor: 9_000_000 }))[0]?.rateBp).toBe(700);
  });

  it('a credit note reverses exactly what the invoice earned', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000 }),
        (net, rateBp) => {
          const rules = [{ id: 'r', role: 'sales', rateBp }];
          const earned = calculateCommission(base({ rules, lines: [{ categoryId: null, netMinor: net }] }));
          const reversed = calculateCommission(
            base({ rules, lines: [{ categoryId: null, netMinor: -net }] }),
          );
          expect((earned[0]?.commissionMinor ?? 0) + (reversed[0]?.commissionMinor ?? 0)).toBe(0);
        },
      ),
    );
  });
});
