import type { ImportJob } from '@tessera/contracts';
import { and, eq, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { AuthedContext } from '../../../platform/context/service-context.ts';
import { AppError, notFound } from '../../../platform/http/app-error.ts';
import { inTenant, type ListSpec, runList } from '../../../platform/records/index.ts';
import { type ImportEntity, registeredImportEntities } from './import-entities.ts';
import { importJobs } from './imports.tables.ts';

type ImportRow = typeof importJobs.$inferSelect;

export const toImportJob = (r: ImportRow): ImportJob => ({
  id: r.id,
  entity: r.entity,
  status: r.status,
  dryRun: r.dryRun,
  duplicates: r.duplicates,
  fileName: r.fileName,
  total: r.total,
  processed: r.processed,
  created: r.created,
  updated: r.updated,
  skipped: r.skipped,
  errors: r.errors,
  errorCount: r.errorCount,
  // Each batch commits on its own: valid rows are written whatever happens to the others.
  mode: 'partial',
  mapping: r.mapping,
  createdAt: r.createdAt.toISOString(),
  finishedAt: r.finishedAt ? r.finishedAt.toISOString() : null,
  failureMessage: r.failureMessage,
});

/** The entities whose imports the caller may follow (those they may import); none → 403. */
const importableBy = (ctx: AuthedContext): ImportEntity[] => {
  const entities = registeredImportEntities()
    .filter((e) => ctx.auth.permissions.has(e.permission))
    .map((e) => e.entity);
  if (entities.length === 0)
    throw new AppError(
      'FORBIDDEN',
      'You need an import permission (leads.import, contacts.import or companies.import)',
    );
  return entities;
};

/** One import's progress and report; another tenant's id (or an entity the caller cannot import) is a 404. */
export const getImport = (ctx: AuthedContext, id: string): Promise<ImportJob> => {
  const entities = importableBy(ctx);
  return inTenant(ctx, async (tx) => {
    const [row] = await tx
      .select()
      .from(importJobs)
      .where(
        and(
          eq(importJobs.tenantId, ctx.tenantId),
          eq(importJobs.id, id),
          inArray(importJobs.entity, entities),
        ),
      );
    if (!row) throw notFound('Import');
    return toImportJob(row);
  });
};

/** In lists, the report is cut to its first entries (the import itself has up to 1000). */
export const LIST_ERRORS = 10;
const listColumns = {
  ...getTableColumns(importJobs),
  errors: sql<
    ImportRow['errors']
  >`jsonb_path_query_array(${importJobs.errors}, ${sql.raw(`'$[0 to ${LIST_ERRORS - 1}]'::jsonpath`)})`,
};

/** Recent imports, newest first (keyset pages). */
export const listImports = (
  ctx: AuthedContext,
  query: { entity?: ImportEntity; limit: number; cursor?: string },
) => {
  const entities = importableBy(ctx).filter((e) => !query.entity || e === query.entity);
  const spec: ListSpec = {
    table: importJobs,
    id: importJobs.id,
    tenantId: importJobs.tenantId,
    where: [inArray(importJobs.entity, entities.length > 0 ? entities : ['none' as ImportEntity])],
    sorts: { createdAt: { expr: importJobs.createdAt, type: 'timestamp' } },
  };
  return inTenant(ctx, async (tx) => {
    const { rows, pagination } = await runList<ImportRow>(
      tx,
      spec,
      ctx.tenantId,
      { limit: query.limit, cursor: query.cursor, sort: '-createdAt' },
      listColumns,
    );
    return { items: rows.map(toImportJob), pagination };
  });
};
