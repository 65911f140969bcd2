import type { Permission } from '@tessera/contracts';
import type { AuthedContext } from '../context/service-context.ts';
import type { Tx } from '../db/index.ts';
import { AppError, notFound } from '../http/app-error.ts';
import { findRecord, type RecordDef } from './record-ops.ts';

/**
 * A kind of record that files (the documents module) can be attached to, registered by the module that owns
 * it: `type` is the name in URLs (`lead`, `quote`, `job`), `def` its record definition (table + record scope),
 * `view` the permission needed to see it. Whoever may not see the record may not see its files.
 */
export interface AttachableTypeDef {
  type: string;
  def: RecordDef;
  view: Permission;
}

const ATTACHABLE = new Map<string, AttachableTypeDef>();

export const registerAttachableType = (attachable: AttachableTypeDef) => {
  if (!/^[a-z][a-z_]{0,39}$/.test(attachable.type)) throw new Error(`bad attachable type ${attachable.type}`);
  ATTACHABLE.set(attachable.type, attachable);
};

/** The registered attachable types, in registration order. */
export const attachableTypes = (): AttachableTypeDef[] => [...ATTACHABLE.values()];

/**
 * The record `type`/`id` exists in the tenant and the caller may see it (the type's view permission and the
 * record's own scope rules, through `findRecord`); otherwise a 404 that does not say which. An unregistered
 * type is a 404 too. With `lock`, the record row is locked for the rest of the transaction.
 */
export const assertAttachableVisible = async (
  tx: Tx,
  ctx: AuthedContext,
  ref: { type: string; id: string },
  lock = false,
) => {
  const attachable = ATTACHABLE.get(ref.type);
  const missing = () => notFound(attachable?.def.label ?? 'Record');
  if (!attachable || !ctx.auth.permissions.has(attachable.view)) throw missing();
  await findRecord(tx, ctx, attachable.def, ref.id, lock).catch((err: unknown) => {
    throw err instanceof AppError && err.code === 'NOT_FOUND' ? missing() : err;
  });
  return attachable;
};
