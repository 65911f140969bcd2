import { useMutation } from '@tanstack/react-query';
import type { ExportHeaders } from '@tessera/contracts';
import type { QueryParams } from '../api-client';
import { v1 } from '../endpoints';
import { downloadFile, exportFileName } from './download';
import { type FilterSpec, type ListState, toApiQuery } from './list-query';

export interface ExportRequest {
  /** The entity's path ("leads"). */
  path: string;
  state: ListState;
  specs: readonly FilterSpec[];
  /** `labels`: for spreadsheets (the default); `keys`: the machine format for re-import. */
  headers: ExportHeaders;
  /** Parameters the list adds besides its filters (the deals list's `pipelineId`). */
  query?: QueryParams;
}

/** `GET /api/v1/<path>/export?<current filters>&headers=…`: the matching records as a CSV download. */
export function exportRecords({ path, state, specs, headers, query }: ExportRequest) {
  return downloadFile(
    v1(`${path}/export`),
    { ...toApiQuery(state, specs), ...query, headers },
    exportFileName(path, new Date(), headers),
  );
}

export function useExportRecords() {
  return useMutation({ mutationFn: exportRecords });
}
