import type { Permission, RelatedRef, RelatedType } from '@tessera/contracts';
import { type AnyColumn, eq, isNotNull, type SQL } from 'drizzle-orm';
import type { AuthedContext } from '../context/service-context.ts';
import type { Tx } from '../db/index.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { findRecord, type RecordDef } from './record-ops.ts';

/**
 * A kind of record that activities, tasks (and any other linking table) can point at, registered by the
 * module that owns it. `key` is the link field every linking table names its column by (`leadId`).
 */
export interface RelatedTypeDef {
  type: string;
  def: RecordDef;
  view: Permission;
  key: string;
  /** The record's display name (timelines name the related records they roll up). */
  name?: SQL<string>;
}

const RELATED = new Map<string, RelatedTypeDef>();

export const registerRelatedType = (related: RelatedTypeDef) => {
  RELATED.set(related.type, related);
};

/** The registered link of a type (its record definition, permission and link field). */
export const relatedTypeOf = (type: string): RelatedTypeDef => {
  const related = RELATED.get(type);
  if (!related) throw new Error(`unknown related type ${type}`);
  return related;
};

/**
 * The record an activity or task is linked to must exist in the tenant and be one the caller may see (its
 * view permission and record scope); anything else is a 404 naming `related.id`, before anything is written.
 */
export const assertRelatedVisible = async (tx: Tx, ctx: AuthedContext, ref: RelatedRef) => {
  const { def, view } = relatedTypeOf(ref.type);
  const missing = () => notFound(def.label, 'body.related.id');
  if (!ctx.auth.permissions.has(view)) throw missing();
  await findRecord(tx, ctx, def, ref.id).catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'NOT_FOUND' ? missing() : err;
  });
};

/** The link columns for a reference, one per registered type (all null for none). */
export const relatedColumns = (ref: { type: string; id: string } | null | undefined) =>
  Object.fromEntries(
    [...RELATED.values()].map(({ type, key }) => [key, ref?.type === type ? ref.id : null]),
  ) as Record<string, string | null>;

/** The reference a row's link columns hold, or null. */
export const relatedOf = (row: object): RelatedRef | null => {
  for (const { type, key } of RELATED.values()) {
    const id = (row as Record<string, unknown>)[key];
    if (typeof id === 'string' && id) return { type: type as RelatedType, id };
  }
  return null;
};

/** A list filter on the link: a type alone means "linked to some record of that type". */
export const relatedFilter = (
  columns: object,
  type: string | undefined,
  id: string | undefined,
): SQL | undefined => {
  if (id && !type)
    throw new AppError('VALIDATION_ERROR', 'Give relatedType with relatedId', {
      details: [{ path: 'querystring.relatedType', message: 'Required with relatedId' }],
    });
  if (!type) return undefined;
  const column = (columns as Record<string, AnyColumn>)[relatedTypeOf(type).key];
  if (!column) throw new Error(`no link column for ${type}`);
  return id ? eq(column, id) : isNotNull(column);
};
