/**
 * The record kit's public API: what a module builds its entities on (lists, record operations with version
 * checks and audit, the standard routes, references, and the registries for related records, timelines and
 * exports). Modules import from here, never from the files behind it.
 */

export {
  type AttachableTypeDef,
  type AttachedRecordRef,
  assertAttachableVisible,
  attachableTypes,
  attachableVisibleWhere,
  attachedRecordRefs,
  registerAttachableType,
} from './attachable.ts';
export { bulkRoutes } from './bulk/bulk.routes.ts';
export {
  type BulkDef,
  type BulkInput,
  type OwnedBulkSpec,
  ownedRecordBulk,
  registerBulk,
  registeredBulks,
  runBulk,
} from './bulk/bulk.service.ts';
export { type RecordColumnRefs, recordColumnsFor, searchText } from './columns.ts';
export { baseDto, iso } from './dto.ts';
export { csvCell, csvLine } from './exports/csv-format.ts';
export {
  currencyUnits,
  type ExportColumn,
  type ExportColumnSpec,
  type NameLookup,
  registerExportNames,
} from './exports/export-columns.ts';
export { exportRoutes } from './exports/exports.routes.ts';
export {
  EXPORT_BATCH_ROWS,
  type ExportDef,
  exportCsv,
  RECORD_EXPORT_COLUMNS,
  registerExport,
  registeredExports,
} from './exports/exports.service.ts';
export { inTenant, requirePermission, uniqueTags } from './in-tenant.ts';
export {
  countRows,
  EXACT_TOTAL_LIMIT,
  type ListRequest,
  type ListSpec,
  listConditions,
  personFilter,
  runList,
  type SortSpec,
} from './list-query.ts';
export {
  type ArchiveChange,
  conflict,
  deleteRecord,
  findRecord,
  insertRecord,
  type RecordChange,
  type RecordDef,
  scopeWhere,
  setArchived,
  updateRecord,
  visibleRecordWhere,
} from './record-ops.ts';
export { type RecordRoutes, registerRecordRoutes } from './record-routes.ts';
export {
  assertReferences,
  existingIds,
  registerMemberReference,
  registerRecordReference,
} from './references.ts';
export {
  assertRelatedVisible,
  type RelatedTypeDef,
  registerRelatedType,
  relatedColumns,
  relatedFilter,
  relatedOf,
  relatedTypeOf,
} from './related.ts';
export { searchRoutes } from './search.routes.ts';
export {
  type FeaturesOff,
  registeredSearchables,
  registerSearchable,
  type SearchableDef,
  searchableOf,
  searchRecords,
} from './search.ts';
export {
  linkedItemsSource,
  registerTimelineRollup,
  registerTimelineSource,
  type TimelineRollup,
  type TimelineSource,
  timelineOf,
} from './timeline.ts';
