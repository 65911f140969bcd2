import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, eventCatalog } from './index.ts';

describe('event catalog', () => {
  it('names every event <resource>.<event> and holds the types the platform promises', () => {
    for (const type of EVENT_TYPES) expect(type).toMatch(/^[a-z]+(_[a-z]+)*\.[a-z]+(_[a-z]+)*$/);
    expect(EVENT_TYPES).toEqual(
      expect.arrayContaining([
        'lead.created',
        'lead.updated',
        'lead.assigned',
        'lead.converted',
        'deal.stage_changed',
        'deal.won',
        'deal.lost',
        'task.assigned',
        'task.completed',
        'member.invited',
        'member.joined',
      ]),
    );
  });

  it('payloads are strict: unknown fields and wrong types are refused', () => {
    const leadId = '0190a7a0-0000-7000-8000-000000000001';
    const schema = eventCatalog['deal.won'].payload;
    expect(schema.safeParse({ dealId: leadId, ownerId: null }).success).toBe(true);
    expect(schema.safeParse({ dealId: leadId, ownerId: null, valueCents: 100 }).success).toBe(false);
    expect(schema.safeParse({ dealId: 'x', ownerId: null }).success).toBe(false);
  });
});
