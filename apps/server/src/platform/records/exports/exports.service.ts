import { Readable } from 'node:stream';
import type { ExportHeaders, Permission } from '@tessera/contracts';
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
import { type ExportColumnSpec, fileColumns, headerRow, pageCells } from './export-columns.ts';

/** Rows read per query (keyset pages): memory stays bounded whatever the export size. */
export const EXPORT_BATCH_ROWS = 2000;

type ListQuery = {
  sort: string;
  archived?: 'exclude' | 'include' | 'only';
  q?: string;
  headers?: ExportHeaders;
} & Record<string, unknown>;

/** Spreadsheets (Excel) read a UTF-8 file as UTF-8 only when it starts with a byte-order mark. */
const BOM = '\uFEFF';

export interface ExportDef {
  /** The list's URL segment, also the OpenAPI tag and the file name ("leads"). */
  entity: string;
  permission: Permission;
  def: RecordDef;
  /** The list's query contract: an export takes the same filters (limit, cursor and includeTotal are ignored). */
  query: z.ZodObject;
  spec(ctx: AuthedContext, filters: Record<string, unknown>, sort: string): ListSpec;
  select: Record<string, AnyColumn | SQL>;
  /**
   * Columns of the file, in order: the DTO's fields (money fields disappear for those who may not see them),
   * with how a spreadsheet shows them (label, money, names; export-columns.ts).
   */
  columns: readonly ExportColumnSpec[];
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
 * `GET /{entity}/export`: `headers=labels` (default) writes a file for spreadsheets — field labels, names
 * instead of ids, money in currency units, a UTF-8 BOM; `headers=keys` the machine format a re-import reads
 * (field keys, ids, minor units). Both: the list's own WHERE (filters, search, archive state, record scope) and sort,
 * read in keyset pages of EXPORT_BATCH_ROWS (each its own short transaction) and streamed as CSV. The first
 * page is read before answering, so a bad filter or cursor is still a JSON 400. One `<entity>.exported`
 * audit row records the filter and the number of rows (also when the download is cut short).
 */
export const exportCsv = async (
  ctx: AuthedContext,
  e: ExportDef,
  query: ListQuery,
): Promise<{ stream: Readable; fileName: string }> => {
  const {
    limit: _l,
    cursor: _c,
    includeTotal: _t,
    headers = 'labels',
    sort,
    archived,
    q,
    ...filters
  } = query;
  const spec = e.spec(ctx, filters, sort);
  const columns = fileColumns(e.columns, headers, hiddenFields(ctx.auth));
  const readPage = (cursor: string | undefined) =>
    inTenant(ctx, async (tx) => {
      const { rows, pagination } = await runList<Record<string, unknown>>(
        tx,
        spec,
        ctx.tenantId,
        { limit: EXPORT_BATCH_ROWS, cursor, sort, archived, q },
        e.select,
      );
      const dtos = await e.toDtos(tx, ctx, rows);
      return {
        cells: await pageCells(tx, ctx.tenantId, dtos, columns, headers),
        next: pagination.nextCursor,
      };
    });
  const first = await readPage(undefined);

  async function* lines(): AsyncGenerator<string> {
    let rows = 0;
    let complete = false;
    try {
      yield (headers === 'labels' ? BOM : '') + csvLine(headerRow(columns, headers));
      for (let page = first; ; ) {
        let text = '';
        for (const cells of page.cells) text += csvLine(cells);
        rows += page.cells.length;
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
            headers: { from: null, to: headers },
            rows: { from: null, to: rows },
            ...(complete ? {} : { complete: { from: null, to: false } }),
          },
        }),
      ).catch((err: unknown) => ctx.log.error({ err }, 'export audit row not written'));
    }
  }

  return {
    stream: Readable.from(lines(), { objectMode: false }),
    fileName: `${e.entity}-${new Date().toISOString().slice(0, 10)}${headers === 'keys' ? '-keys' : ''}.csv`,
  };
};
