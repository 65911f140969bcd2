import { getTableColumns } from 'drizzle-orm';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { isUniqueViolation, type Tx } from '../../../platform/db/index.ts';
import { AppError } from '../../../platform/http/app-error.ts';
import * as kit from '../../../platform/records/index.ts';

type Row = { id: string; version: number } & Record<string, unknown>;
type Input = Record<string, unknown>;
type ListQuery = kit.ListRequest & Record<string, unknown>;

/** What differs between the catalog's records; the use cases are the same for all of them. */
export interface CatalogEntity<Dto> {
  def: kit.RecordDef;
  toDto: (ctx: AuthedContext) => (row: Row) => Dto;
  listSpec: (query: ListQuery) => kit.ListSpec;
  columns?: Record<string, unknown>;
  /** Unique index → the field a duplicate is reported on. */
  unique: Record<string, string>;
  /** Checks and completes a create or update inside its transaction (references, tree, single default). */
  prepare?: (t: Tx, ctx: AuthedContext, input: Input, id?: string) => Promise<Input>;
}

/** A duplicate value (case-insensitive) is a 409 naming the field. */
const duplicate =
  (unique: Record<string, string>, label: string) =>
  (err: unknown): never => {
    for (const [index, field] of Object.entries(unique))
      if (isUniqueViolation(err, index))
        throw new AppError('CONFLICT', `There is already a ${label.toLowerCase()} with this ${field}`, {
          details: [{ path: `body.${field}`, message: 'Already used' }],
        });
    throw err;
  };

/** The standard use cases of a catalog record (list, get, create, update, archive, delete), each audited. */
export const catalogService = <Dto>(e: CatalogEntity<Dto>) => {
  const dup = duplicate(e.unique, e.def.label);
  const prepare = (t: Tx, ctx: AuthedContext, input: Input, id?: string) =>
    e.prepare ? e.prepare(t, ctx, input, id) : Promise.resolve(input);
  return {
    list: (ctx: AuthedContext, query: unknown) =>
      kit.inTenant(ctx, async (t) => {
        const q = query as ListQuery;
        const { rows, pagination } = await kit.runList<Row>(
          t,
          e.listSpec(q),
          ctx.tenantId,
          q,
          (e.columns ?? getTableColumns(e.def.table)) as never,
        );
        return { items: rows.map(e.toDto(ctx)), pagination };
      }),
    get: (ctx: AuthedContext, id: string) =>
      kit.inTenant(ctx, async (t) => e.toDto(ctx)(await kit.findRecord<Row>(t, ctx, e.def, id))),
    create: (ctx: AuthedContext, input: unknown) =>
      kit.inTenant(ctx, async (t) => {
        const values = await prepare(t, ctx, input as Input);
        return e.toDto(ctx)(await kit.insertRecord<Row>(t, ctx, e.def, values).catch(dup));
      }),
    update: (ctx: AuthedContext, id: string, input: unknown) =>
      kit.inTenant(ctx, async (t) => {
        const { version, ...patch } = input as Input & { version: number };
        const values = await prepare(t, ctx, patch, id);
        const { after } = await kit
          .updateRecord<Row>(t, ctx, e.def, { id, version, patch: values, toDto: e.toDto(ctx) })
          .catch(dup);
        return e.toDto(ctx)(after);
      }),
    archive: (ctx: AuthedContext, id: string, { archived, version }: kit.ArchiveChange) =>
      kit.inTenant(ctx, async (t) => {
        const { after } = await kit
          .setArchived<Row>(t, ctx, e.def, { id, archived, version, toDto: e.toDto(ctx) })
          .catch(dup);
        return e.toDto(ctx)(after);
      }),
    remove: (ctx: AuthedContext, id: string) => kit.inTenant(ctx, (t) => kit.deleteRecord(t, ctx, e.def, id)),
  };
};
