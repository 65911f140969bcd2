import { useMutation } from '@tanstack/react-query';
import { v1 } from '../../../lib/endpoints';
import { downloadFile, exportFileName } from '../../../lib/records/download';
import { type FilterSpec, type ListState, toApiQuery } from '../../../lib/records/list-query';

/** `GET /api/v1/leads/export?<current filters>`: the matching leads as a CSV download. */
export function exportLeads({ state, specs }: { state: ListState; specs: readonly FilterSpec[] }) {
  return downloadFile(v1('leads/export'), toApiQuery(state, specs), exportFileName('leads'));
}

export function useExportLeads() {
  return useMutation({ mutationFn: exportLeads });
}
