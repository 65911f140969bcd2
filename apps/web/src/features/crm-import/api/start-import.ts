import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import type { ImportEntity } from '../csv-mapping';

export interface StartImportInput {
  entity: ImportEntity;
  file: File;
  mapping: Record<string, string>;
  dryRun: boolean;
  duplicates: 'skip' | 'update' | 'create';
}

/**
 * `POST /api/v1/{leads|contacts|companies}/import?dryRun&duplicates` (multipart: `file`, `mapping` JSON)
 * → 202 with the import job's id; its progress comes from `GET /imports/:id`.
 */
export async function startImport({
  entity,
  file,
  mapping,
  dryRun,
  duplicates,
}: StartImportInput): Promise<string> {
  const form = new FormData();
  form.append('mapping', JSON.stringify(mapping));
  form.append('file', file, file.name);
  const job = await api.post<{ id?: unknown }>(v1(`${entity}/import`), form, {
    query: { dryRun: String(dryRun), duplicates },
  });
  if (typeof job?.id !== 'string') throw new Error('The server did not return an import id.');
  return job.id;
}

export function useStartImport() {
  return useMutation({ mutationFn: startImport });
}
