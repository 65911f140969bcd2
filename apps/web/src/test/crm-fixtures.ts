import type { Contact, Deal, Lead, Pipeline } from '@tessera/contracts';
import { ids } from './fixtures';

const at = '2026-01-05T10:00:00.000Z';
const base = (id: string) => ({
  id,
  createdAt: at,
  updatedAt: at,
  createdBy: null,
  version: 1,
  archivedAt: null,
});

/** `00000000-0000-4000-8000-<n>`: a valid uuid per test record. */
export const uid = (prefix: number, n: number) =>
  `${String(prefix).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

export function makeLead(n: number, overrides: Partial<Lead> = {}): Lead {
  return {
    ...base(uid(1, n)),
    firstName: 'Lead',
    lastName: `Number${n}`,
    fullName: `Lead Number${n}`,
    email: `lead${n}@example.com`,
    phone: null,
    companyName: `Company ${n}`,
    source: 'website',
    vendorId: null,
    status: 'new',
    statusReason: null,
    ownerId: ids.user,
    score: n,
    estimatedValueCents: n * 10_000,
    currency: 'USD',
    tags: [],
    convertedAt: null,
    convertedContactId: null,
    convertedCompanyId: null,
    convertedDealId: null,
    ...overrides,
  };
}

export const stageIds = [uid(2, 1), uid(2, 2), uid(2, 3), uid(2, 4)] as const;

export const pipeline: Pipeline = {
  ...base(uid(3, 1)),
  name: 'Sales',
  isDefault: true,
  stages: [
    { id: stageIds[0], name: 'Qualification', position: 0, probability: 10, kind: 'open' },
    { id: stageIds[1], name: 'Proposal', position: 1, probability: 50, kind: 'open' },
    { id: stageIds[2], name: 'Won', position: 2, probability: 100, kind: 'won' },
    { id: stageIds[3], name: 'Lost', position: 3, probability: 0, kind: 'lost' },
  ],
};

export function makeDeal(n: number, stageId: string, overrides: Partial<Deal> = {}): Deal {
  return {
    ...base(uid(4, n)),
    title: `Deal ${n}`,
    companyId: null,
    contactId: null,
    pipelineId: pipeline.id,
    stageId,
    amountCents: n * 100_000,
    currency: 'USD',
    expectedCloseDate: null,
    ownerId: null,
    status: 'open',
    lostReason: null,
    closedAt: null,
    leadId: null,
    tags: [],
    ...overrides,
  };
}

export function makeContact(n: number, overrides: Partial<Contact> = {}): Contact {
  return {
    ...base(uid(6, n)),
    firstName: 'Contact',
    lastName: `Number ${n}`,
    email: null,
    phone: null,
    title: null,
    companyId: null,
    companyName: null,
    ownerId: null,
    tags: [],
    ...overrides,
  };
}

/** A list envelope body (`{ success, data, pagination }`). */
export function listBody(data: unknown[], pagination: Record<string, unknown> = {}) {
  return { success: true, data, pagination: { limit: 25, nextCursor: null, hasMore: false, ...pagination } };
}
