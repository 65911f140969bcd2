import { jobCreateInput, jobUpdateInput } from '@tessera/contracts';
import { describe, expect, it } from 'vitest';
import { checklistFromText, isoToLocalInput, jobFields, jobFormValues, toJobInput } from './job-fields';

const company = '22222222-2222-4222-8222-222222222222';
const deal = '33333333-3333-4333-8333-333333333333';

describe('job form values', () => {
  it('a new job from a company and deal: the preset is sent, blanks are left out, the contract accepts it', () => {
    const values = jobFormValues(undefined, { companyId: company, dealId: deal });
    values.title = 'Fix the roof';
    values.checklist = 'Photos before\n\n  Replace tiles  \nPhotos after';
    values.requiredSkills = 'roofing, ladder';
    values.estimatedMinutes = '90';
    values.scheduledStart = '2026-12-07T09:00';
    values.scheduledEnd = '2026-12-07T10:30';
    const input = toJobInput(values);
    expect(input).toMatchObject({
      title: 'Fix the roof',
      kind: 'job',
      priority: 'normal',
      companyId: company,
      dealId: deal,
      contactId: undefined,
      estimatedMinutes: 90,
      requiredSkills: ['roofing', 'ladder'],
      checklist: [
        { label: 'Photos before', done: false },
        { label: 'Replace tiles', done: false },
        { label: 'Photos after', done: false },
      ],
      scheduledStart: new Date('2026-12-07T09:00').toISOString(),
    });
    expect('pickupAddress' in input).toBe(false);
    expect(jobCreateInput.safeParse(input).success).toBe(true);
  });

  it('a load sends its pickup and delivery; a bad number is left for the contract to refuse', () => {
    const values = jobFormValues();
    Object.assign(values, {
      title: 'Pallets',
      kind: 'load',
      pickupAddress: 'Depot 1',
      deliveryAddress: 'Site 2',
      weightKg: '120,5',
      volumeM3: '2',
    });
    const input = toJobInput(values);
    expect(input).toMatchObject({ kind: 'load', pickupAddress: 'Depot 1', weightKg: 120.5, volumeM3: 2 });
    expect(jobCreateInput.safeParse(input).success).toBe(true);
    expect(jobCreateInput.safeParse(toJobInput({ ...values, estimatedMinutes: 'soon' })).success).toBe(false);
  });

  it('editing clears blanks with null, keeps the version and the done items of the checklist', () => {
    const job = {
      version: 4,
      kind: 'job',
      checklist: [
        { label: 'A', done: true },
        { label: 'B', done: false },
      ],
    } as Parameters<typeof toJobInput>[1];
    const values = { ...jobFormValues(), title: 'Edited', checklist: 'A\nC', siteAddress: '' };
    const input = toJobInput(values, job);
    expect(input).toMatchObject({
      version: 4,
      siteAddress: null,
      scheduledStart: null,
      checklist: [
        { label: 'A', done: true },
        { label: 'C', done: false },
      ],
    });
    expect('kind' in input).toBe(false);
    expect(jobUpdateInput.safeParse(input).success).toBe(true);
  });

  it('shows the load fields only for a load, the kind only on create, the pickers only when allowed', () => {
    const shown = (values: Record<string, string>, create: boolean, companies: [] | null) =>
      jobFields({ companies, contacts: null, create })
        .filter((spec) => !spec.when || spec.when(values))
        .map((spec) => spec.name);
    expect(shown({ kind: 'job' }, true, [])).toContain('kind');
    expect(shown({ kind: 'job' }, true, [])).toContain('companyId');
    expect(shown({ kind: 'job' }, true, [])).not.toContain('pickupAddress');
    expect(shown({ kind: 'load' }, true, null)).toContain('pickupAddress');
    expect(shown({ kind: 'load' }, true, null)).not.toContain('companyId');
    expect(shown({ kind: 'job' }, false, [])).not.toContain('kind');
  });

  it('round-trips a time through the datetime input and splits a typed checklist', () => {
    const iso = new Date('2026-12-07T09:15').toISOString();
    expect(isoToLocalInput(iso)).toBe('2026-12-07T09:15');
    expect(isoToLocalInput(null)).toBe('');
    expect(checklistFromText('  \n')).toEqual([]);
  });
});
