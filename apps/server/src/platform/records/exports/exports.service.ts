import { Readable } from 'node:stream';
import type { Permission } from '@tessera/contracts';
import type { AnyColumn, SQL } from 'drizzle-orm';
import type { z } from 'zod';
import { hiddenFields } from '../../access/index.ts';
import { writeAudit } from '../../audit/index.ts';
import type { AuthedContext } from '../../context/service-context.ts';
import type { Tx } from '../../db/index.ts';
import { inTenant } from '../in-tenant.ts';
import { type ListSpec, runList } from '../list-query.ts';
import type { RecordDef } from '../record-ops.ts';
import { csvLine } from './csv-format.ts';

/** Rows read per query (keyset pages): memory stays bounded whatever the export size. */
export const EXPORT_BATCH_ROWS = 2000;

type ListQuery = { sort: string; archived?: 'exclude' | 'include' | 'only'; q?: string } & Record<
  string,
  unknown
>;

export interface ExportDef {
  /** The list's URL segment, also the OpenAPI tag and the file name ("leads"). */
  entity: string;
  permission: Permission;
  def: RecordDef;
  /** The list's query contract: an export takes the same filters (limit, cursor and includeTotal are ignored). */
  query: z.ZodType;
  spec(ctx: AuthedContext, filters: Record<string, unknown>): ListSpec;
  select: Record<string, AnyColumn | SQL>;
  /** Columns of the file, in order: the DTO's fields (money fields disappear for those who may not see them). */
  columns: readonly string[];
  toDtos(tx: Tx, ctx: AuthedContext, rows: Record<string, unknown>[]): Promise<Record<string, unknown>[]>;
}

/** The standard record columns every export ends with. */
export const RECORD_EXPORT_COLUMNS = ['createdAt', 'updatedAt', 'archivedAt'] as const;

const EXPORTS = new Map<string, ExportDef>();

/** A module makes an entity exportable (`GET /api/v1/<entity>/export`) by registering it from its index.ts. */
export const registerExport = (def: ExportDef) => {
  EXPORTS.set(def.entity, def);
};

/** The registered exports, in registration order (the routes are made from these). */
export const registeredExports = (): readonly ExportDef[] => [...EXPORTS.values()];

/**
 * `GET /{entity}/export`: the list's own WHERE (filters, search, archive state, record scope) and sort,
 * read in keyset pages of EXPORT_BATCH_ROWS (each its own short transaction) and streamed as CSV. The first
 * page is read before answering, so a bad filter or cursor is still a JSON 400. One `<entity>.exported`
 * audit row records the filter and the number of rows (also when the download is cut short).
 */
export const exportCsv = async (
  ctx: AuthedContext,
  e: ExportDef,
  query: ListQuery,
): Promise<{ stream: Readable; fileName: string }> => {
  const { limit: _limit, cursor: _cursor, includeTotal: _total, sort, archived, q, ...filters } = query;
  const spec = e.spec(ctx, filters);
  const hidden = hiddenFields(ctx.auth);
  const columns = e.columns.filter((c) => !hidden.has(c));
  const readPage = (cursor: string | undefined) =>
    inTenant(ctx, async (tx) => {
      const { rows, pagination } = await runList<Record<string, unknown>>(
        tx,
        spec,
        ctx.tenantId,
        { limit: EXPORT_BATCH_ROWS, cursor, sort, archived, q },
        e.select,
      );
      return { dtos: await e.toDtos(tx, ctx, rows), next: pagination.nextCursor };
    });
  const first = await readPage(undefined);

  async function* lines(): AsyncGenerator<string> {
    let rows = 0;
    let complete = false;
    try {
      yield csvLine(columns);
      for (let page = first; ; ) {
        let text = '';
        for (const dto of page.dtos) text += csvLine(columns.map((c) => dto[c]));
        rows += page.dtos.length;
        if (text !== '') yield text;
        if (!page.next) break;
        page = await readPage(page.next);
      }
      complete = true;
    } finally {
      await inTenant(ctx, (tx) =>
        writeAudit(tx, ctx, {
          action: `${e.def.name}.exported`,
          targetType: e.def.name,
          changes: {
            filter: { from: null, to: { sort, archived, ...(q ? { q } : {}), ...filters } },
            rows: { from: null, to: rows },
            ...(complete ? {} : { complete: { from: null, to: false } }),
          },
        }),
      ).catch((err: unknown) => ctx.log.error({ err }, 'export audit row not written'));
    }
  }

  return {
    stream: Readable.from(lines(), { objectMode: false }),
    fileName: `${e.entity}-${new Date().toISOString().slice(0, 10)}.csv`,
  };
};
