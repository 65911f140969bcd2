import type { DocumentItem, DocumentVersion } from '@tessera/contracts';
import type { documents, documentVersions } from './tables.ts';

export type DocumentRow = typeof documents.$inferSelect;
export type VersionRow = typeof documentVersions.$inferSelect;

export const versionDto = (v: VersionRow): DocumentVersion => ({
  id: v.id,
  number: v.number,
  fileName: v.fileName,
  sizeBytes: v.sizeBytes,
  contentType: v.contentType,
  sha256: v.sha256,
  uploadedBy: v.uploadedBy,
  uploadedAt: v.uploadedAt.toISOString(),
});

export const documentDto = (d: DocumentRow, current: VersionRow): DocumentItem => ({
  id: d.id,
  recordType: d.recordType,
  recordId: d.recordId,
  name: d.name,
  current: versionDto(current),
  versionCount: d.currentVersion,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
  createdBy: d.createdBy,
  version: d.version,
  deletedAt: d.deletedAt?.toISOString() ?? null,
});
