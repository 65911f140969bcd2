import type { BulkResult, Permission } from '@tessera/contracts';
import type { z } from 'zod';
import type { AuthedContext } from '../../context/service-context.ts';
import type { Tx } from '../../db/index.ts';
import { AppError } from '../../http/app-error.ts';
import { inTenant, requirePermission, uniqueTags } from '../in-tenant.ts';
import { deleteRecord, findRecord, type RecordDef, setArchived, updateRecord } from '../record-ops.ts';
import { assertReferences } from '../references.ts';

/** A bulk body: one action on many ids (the contracts' `<entity>BulkInput`). */
export type BulkInput = { action: string; ids: readonly string[] } & Record<string, unknown>;

/** Actions that take records out of the lists: they need the delete permission too (restore is an update). */
const REMOVING = new Set(['archive', 'delete']);

export interface BulkDef {
  /** The list's URL segment (`POST /api/v1/<entity>/bulk`), also the OpenAPI tag ("companies"). */
  entity: string;
  def: RecordDef;
  /** The body contract (a discriminated union on `action`). */
  input: z.ZodType;
  /** `update` for every action; archive and delete also need `delete`. */
  permissions: { update: Permission; delete: Permission };
  /** Checked once, before any id (e.g. the new owner is an active member): a failure is the whole answer. */
  prepare?(tx: Tx, ctx: AuthedContext, input: BulkInput): Promise<void>;
  /** One id's change inside its savepoint; a thrown AppError is that id's result. */
  apply(tx: Tx, ctx: AuthedContext, input: BulkInput, id: string): Promise<unknown>;
}

const BULKS = new Map<string, BulkDef>();

/** A module gives an entity `POST /api/v1/<entity>/bulk` by registering it (from its index.ts). */
export const registerBulk = (def: BulkDef) => {
  BULKS.set(def.entity, def);
};

export const registeredBulks = (): readonly BulkDef[] => [...BULKS.values()];

/**
 * One action on up to 500 records in **one transaction**, a savepoint per id: an id that fails (another
 * tenant's or out of scope → not found, an invalid move, still referenced) is reported for that id and the
 * others still apply. Repeated ids count once. Every change is audited like the single action.
 */
export const runBulk = (ctx: AuthedContext, b: BulkDef, input: BulkInput): Promise<BulkResult> => {
  if (REMOVING.has(input.action)) requirePermission(ctx, b.permissions.delete);
  return inTenant(ctx, async (t) => {
    await b.prepare?.(t, ctx, input);
    const results: BulkResult['results'] = [];
    for (const id of [...new Set(input.ids)]) {
      try {
        await t.transaction((sp) => b.apply(sp, ctx, input, id).then(() => undefined));
        results.push({ id, ok: true });
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        results.push({ id, ok: false, error: { code: err.code, message: err.message } });
      }
    }
    const succeeded = results.filter((r) => r.ok).length;
    return { results, succeeded, failed: results.length - succeeded };
  });
};

type Row = { id: string; version: number; tags?: string[] };
type Change = { before: Row; after: Row };

/** How an owned record takes the five shared actions, and what it adds. */
export interface OwnedBulkSpec<R extends Row> {
  entity: string;
  def: RecordDef;
  input: z.ZodType;
  permissions: BulkDef['permissions'];
  toDto(ctx: AuthedContext, row: R): unknown;
  /** After a record changed (domain events): gets the change, returns it. */
  changed?(tx: Tx, ctx: AuthedContext): (change: Change) => Promise<unknown>;
  /** The entity's own actions (leads `status`, deals `stage`); `undefined` = not one of them. */
  extra?(tx: Tx, ctx: AuthedContext, input: BulkInput, id: string): Promise<unknown> | undefined;
}

/**
 * The shared actions of an owned record — `assign` (ownerId: an active member or null), `tag` (add / remove,
 * at most 50), `archive`, `restore`, `delete` — with the record operations' scope, version bump and audit
 * (`<name>.assigned`, `.tagged`, `.archived`, `.restored`, `.deleted`).
 */
export const ownedRecordBulk = <R extends Row>(spec: OwnedBulkSpec<R>): BulkDef => {
  const { def } = spec;
  const update = async (t: Tx, ctx: AuthedContext, id: string, patch: object, action: string) => {
    const change = await updateRecord<R>(t, ctx, def, {
      id,
      version: undefined,
      patch: patch as Record<string, unknown>,
      toDto: (r) => spec.toDto(ctx, r),
      action,
    });
    return spec.changed ? spec.changed(t, ctx)(change) : change;
  };
  return {
    entity: spec.entity,
    def,
    input: spec.input,
    permissions: spec.permissions,
    prepare: async (t, ctx, input) => {
      if (input.action === 'assign')
        await assertReferences(t, ctx, { ownerId: input.ownerId as string | null });
    },
    apply: async (t, ctx, input, id) => {
      const own = spec.extra?.(t, ctx, input, id);
      if (own) return own;
      switch (input.action) {
        case 'assign':
          return update(t, ctx, id, { ownerId: input.ownerId }, 'assigned');
        case 'tag': {
          const row = await findRecord<R>(t, ctx, def, id, true);
          const remove = new Set((input.remove as string[] | undefined) ?? []);
          const kept = (row.tags ?? []).filter((x) => !remove.has(x));
          const tags = uniqueTags([...kept, ...((input.add as string[] | undefined) ?? [])])?.slice(0, 50);
          return update(t, ctx, id, { tags }, 'tagged');
        }
        case 'archive':
        case 'restore':
          return setArchived<R>(t, ctx, def, {
            id,
            archived: input.action === 'archive',
            version: undefined,
            toDto: (r) => spec.toDto(ctx, r),
          });
        case 'delete':
          return deleteRecord(t, ctx, def, id);
        default:
          throw new AppError('VALIDATION_ERROR', `Unknown action ${input.action}`);
      }
    },
  };
};
