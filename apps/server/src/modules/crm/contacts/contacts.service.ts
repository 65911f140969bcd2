import type { Contact, ContactCreateInput, contactListQuery, contactUpdateInput } from '@tessera/contracts';
import type { z } from 'zod';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import * as kit from '../../../platform/records/index.ts';
import {
  type ContactRow,
  companyNames,
  contactColumns,
  contactDef,
  contactListSpec,
  toContact,
  toContacts,
} from './contact-record.ts';

type ListQuery = Omit<z.output<typeof contactListQuery>, 'archived'> & Pick<kit.ListRequest, 'archived'>;

/** A page of contacts inside an open transaction (the contacts list, a company's contacts). */
export const listContactsIn = async (t: Tx, ctx: AuthedContext, query: ListQuery) => {
  const { limit, cursor, sort, includeTotal, archived, q, ...filters } = query;
  const { rows, pagination } = await kit.runList<ContactRow>(
    t,
    contactListSpec(ctx, filters),
    ctx.tenantId,
    { limit, cursor, sort, includeTotal, archived, q },
    contactColumns,
  );
  return { items: await toContacts(t, ctx, rows), pagination };
};

/** A keyset page of contacts the caller may see (filters, sort, q, total on request). */
export const listContacts = (ctx: AuthedContext, query: ListQuery) =>
  kit.inTenant(ctx, (t) => listContactsIn(t, ctx, query));

/** The mapper for a 409's `current`: the locked row with its company name (read before the change). */
const currentDto = async (t: Tx, ctx: AuthedContext, id: string) => {
  const current = await kit.findRecord<ContactRow>(t, ctx, contactDef, id, true);
  const names = await companyNames(t, ctx.tenantId, [current]);
  return (r: ContactRow) => toContact(ctx, r, r.companyId ? (names.get(r.companyId) ?? null) : null);
};

const one = async (t: Tx, ctx: AuthedContext, row: ContactRow): Promise<Contact> =>
  (await toContacts(t, ctx, [row]))[0] ?? toContact(ctx, row);

/** One contact the caller may see, or 404. */
export const getContact = (ctx: AuthedContext, id: string): Promise<Contact> =>
  kit.inTenant(ctx, async (t) => one(t, ctx, await kit.findRecord<ContactRow>(t, ctx, contactDef, id)));

/** Creates a contact; its company must be one of the tenant's, the owner defaults to its creator. */
export const createContact = (ctx: AuthedContext, input: ContactCreateInput): Promise<Contact> =>
  kit.inTenant(ctx, async (t) => {
    const ownerId = input.ownerId === undefined ? ctx.userId : input.ownerId;
    await kit.assertReferences(t, ctx, { ownerId, companyId: input.companyId });
    const row = await kit.insertRecord<ContactRow>(t, ctx, contactDef, {
      ...input,
      ownerId,
      tags: kit.uniqueTags(input.tags) ?? [],
    });
    return one(t, ctx, row);
  });

/** Changes a contact when `version` matches (stale → 409 with the current one); audited. */
export const updateContact = (
  ctx: AuthedContext,
  id: string,
  input: z.output<typeof contactUpdateInput>,
): Promise<Contact> =>
  kit.inTenant(ctx, async (t) => {
    const { version, ...patch } = input;
    await kit.assertReferences(t, ctx, { ownerId: patch.ownerId, companyId: patch.companyId });
    const { after } = await kit.updateRecord<ContactRow>(t, ctx, contactDef, {
      id,
      version,
      patch: { ...patch, tags: kit.uniqueTags(patch.tags) },
      toDto: await currentDto(t, ctx, id),
    });
    return one(t, ctx, after);
  });

/** Archives or restores a contact (optionally version-checked); audited. */
export const archiveContact = (
  ctx: AuthedContext,
  id: string,
  { archived, version }: kit.ArchiveChange,
): Promise<Contact> =>
  kit.inTenant(ctx, async (t) => {
    const dto = await currentDto(t, ctx, id);
    const { after } = await kit.setArchived<ContactRow>(t, ctx, contactDef, {
      id,
      archived,
      version,
      toDto: dto,
    });
    return one(t, ctx, after);
  });

/** Deletes a contact (its activities and tasks go with it); one still on a deal is a 409. */
export const deleteContact = (ctx: AuthedContext, id: string) =>
  kit.inTenant(ctx, (t) => kit.deleteRecord(t, ctx, contactDef, id));
