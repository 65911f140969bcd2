import type { AnyColumn } from 'drizzle-orm';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import type { Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';

type Row = { id: string; version: number };
type ListInput = kit.ListRequest & Record<string, unknown>;

/** What one of the work module's record kinds plugs into the standard service (one mechanism, parameterised). */
export interface WorkRecord<R extends Row, Dto, Create, Update> {
  def: kit.RecordDef;
  columns: Record<string, AnyColumn>;
  /** Row → API shape (money hidden for callers without fields.money.view, warnings attached…). */
  toDto(tx: Tx, ctx: AuthedContext, rows: R[]): Promise<Dto[]>;
  listSpec(ctx: AuthedContext, filters: Record<string, unknown>): kit.ListSpec;
  /** Checks references and rules and maps the input to columns (`before` is the row being changed). */
  values(
    tx: Tx,
    ctx: AuthedContext,
    input: Create | Omit<Update, 'version'>,
    before?: R,
  ): Promise<Record<string, unknown>>;
  /** Database rules (constraint name → API error). */
  rules?: (err: unknown) => never;
  /** Refuses a change or deletion of a row the caller may not touch (another member's, locked…). */
  assertChangeable?(ctx: AuthedContext, row: R): void;
  /** False for rows that are deleted, never archived (time entries). */
  archivable?: boolean;
}

const LIST_KEYS = ['limit', 'cursor', 'sort', 'includeTotal', 'archived', 'q'] as const;

/** list / get / create / update / archive / remove for a WorkRecord, each one tenant transaction. */
export const workService = <R extends Row, Dto, Create, Update extends { version: number }>(
  w: WorkRecord<R, Dto, Create, Update>,
) => {
  const rethrow =
    w.rules ??
    ((err: unknown): never => {
      throw err;
    });
  const one = async (tx: Tx, ctx: AuthedContext, row: R) => (await w.toDto(tx, ctx, [row]))[0] as Dto;
  return {
    list: (ctx: AuthedContext, query: ListInput) =>
      kit.inTenant(ctx, async (tx) => {
        const filters = Object.fromEntries(
          Object.entries(query).filter(([k]) => !(LIST_KEYS as readonly string[]).includes(k)),
        );
        const { rows, pagination } = await kit.runList<R>(
          tx,
          w.listSpec(ctx, filters),
          ctx.tenantId,
          query,
          w.columns,
        );
        return { items: await w.toDto(tx, ctx, rows), pagination };
      }),
    get: (ctx: AuthedContext, id: string) =>
      kit.inTenant(ctx, async (tx) => one(tx, ctx, await kit.findRecord<R>(tx, ctx, w.def, id))),
    create: (ctx: AuthedContext, input: Create) =>
      kit.inTenant(ctx, async (tx) => {
        const values = await w.values(tx, ctx, input);
        return one(tx, ctx, await kit.insertRecord<R>(tx, ctx, w.def, values).catch(rethrow));
      }),
    update: (ctx: AuthedContext, id: string, input: Update) =>
      kit.inTenant(ctx, async (tx) => {
        const { version, ...patch } = input;
        const before = await kit.findRecord<R>(tx, ctx, w.def, id, true);
        const toDto = (r: R) => r;
        if (before.version !== version) throw kit.conflict(w.def.label, await one(tx, ctx, before));
        w.assertChangeable?.(ctx, before);
        const values = await w.values(tx, ctx, patch as Omit<Update, 'version'>, before);
        const { after } = await kit
          .updateRecord<R>(tx, ctx, w.def, { id, version, patch: values, toDto })
          .catch(rethrow);
        return one(tx, ctx, after);
      }),
    archive: (ctx: AuthedContext, id: string, change: kit.ArchiveChange) =>
      kit.inTenant(ctx, async (tx) => {
        const before = await kit.findRecord<R>(tx, ctx, w.def, id, true);
        if (w.archivable === false)
          throw new AppError('VALIDATION_ERROR', `A ${w.def.label.toLowerCase()} is deleted, not archived`);
        if (change.version !== undefined && before.version !== change.version)
          throw kit.conflict(w.def.label, await one(tx, ctx, before));
        const { after } = await kit.setArchived<R>(tx, ctx, w.def, {
          id,
          archived: change.archived,
          version: undefined,
          toDto: (r) => r,
        });
        return one(tx, ctx, after);
      }),
    remove: (ctx: AuthedContext, id: string) =>
      kit.inTenant(ctx, async (tx) => {
        w.assertChangeable?.(ctx, await kit.findRecord<R>(tx, ctx, w.def, id, true));
        await kit.deleteRecord(tx, ctx, w.def, id).catch(rethrow);
      }),
  };
};
