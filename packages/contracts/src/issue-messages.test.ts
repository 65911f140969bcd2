import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { dealCreateInput } from './crm/deals.ts';
import { leadCreateInput } from './crm/leads.ts';
import { invitationCreateInput } from './identity/invitations.ts';
import { fieldLabel, issueMessage } from './issue-messages.ts';

const messages = (schema: z.ZodType, input: unknown) => {
  const parsed = schema.safeParse(input);
  if (parsed.success) throw new Error('expected the input to be refused');
  return parsed.error.issues.map((issue) => issueMessage(issue, { input }));
};

describe('fieldLabel', () => {
  it('turns contract keys into labels', () => {
    expect(fieldLabel('estimatedValueCents')).toBe('Estimated value');
    expect(fieldLabel('companyId')).toBe('Company');
    expect(fieldLabel('firstName')).toBe('First name');
    expect(fieldLabel('email')).toBe('E-mail');
    expect(fieldLabel('')).toBe('This field');
  });
});

describe('issueMessage', () => {
  it('says how long a name may be', () => {
    const schema = z.object({ name: z.string().max(120) });
    expect(messages(schema, { name: 'x'.repeat(121) })).toEqual(['Name can be at most 120 characters']);
  });

  it("says an amount can't be negative, in currency units", () => {
    const schema = z.object({ amountCents: z.number().int().min(0).max(100_000_000) });
    expect(messages(schema, { amountCents: -5 })).toEqual(["Amount can't be negative"]);
    expect(messages(schema, { amountCents: 100_000_001 })).toEqual(['Amount can be at most 1,000,000']);
    expect(messages(schema, { amountCents: Number.NaN })).toEqual(['Amount must be a number']);
  });

  it('asks to choose a role when none is chosen', () => {
    expect(messages(invitationCreateInput, { email: 'a@b.co', roleId: '' })).toEqual(['Choose a role']);
    expect(messages(invitationCreateInput, { email: 'a@b.co' })).toEqual(['Choose a role']);
  });

  it('keeps messages a schema wrote itself', () => {
    expect(
      messages(invitationCreateInput, { email: 'nope', roleId: '0190a8a0-0000-7000-8000-000000000001' }),
    ).toEqual(['Enter a valid e-mail address']);
  });

  it('names required fields and unknown fields of real contracts', () => {
    const lead = messages(leadCreateInput, { firstName: 'Ada', bogus: 1 });
    expect(lead.some((m) => m.startsWith('Last name'))).toBe(true);
    expect(lead).toContain('Unknown field "bogus"');
    const deal = messages(dealCreateInput, { title: 'x'.repeat(500), amountCents: -1 });
    expect(deal.join('\n')).not.toMatch(/expected|Too big|Too small|Invalid/);
  });

  it('works without the input (API details) from the issue alone', () => {
    const schema = z.object({ roleId: z.uuid() });
    const parsed = schema.safeParse({});
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(issueMessage(parsed.error.issues[0] as never)).toBe('Choose a role');
  });
});
