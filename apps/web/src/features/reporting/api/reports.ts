import { useMutation, useQuery } from '@tanstack/react-query';
import { kpiInfoSchema, kpiResultSchema } from '@tessera/contracts';
import { z } from 'zod';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { downloadFile } from '../../../lib/records/download';
import type { ReportApiQuery } from '../report-query';

const kpiPath = (name: string) => `reports/kpis/${encodeURIComponent(name)}`;

/** `GET /reports/kpis`: the reports the member may run (data permission held, module on). */
export function useKpiList() {
  return useQuery({
    queryKey: ['reports', 'list'],
    queryFn: ({ signal }) => api.get(v1('reports/kpis'), { schema: z.array(kpiInfoSchema), signal }),
    staleTime: 60_000,
  });
}

/** `GET /reports/kpis/:name?<query>`: one report's table; disabled while the page's query is not valid. */
export function useReport(name: string, query: ReportApiQuery | null) {
  return useQuery({
    queryKey: ['reports', 'kpi', name, query],
    queryFn: ({ signal }) =>
      api.get(v1(kpiPath(name)), { query: query ?? {}, schema: kpiResultSchema, signal }),
    enabled: query !== null,
    // Keeps the last table of this report on screen while a changed query loads (marked busy).
    placeholderData: (previous) => (previous?.kpi === name ? previous : undefined),
  });
}

/** `GET /reports/kpis/:name/export?<the same query>`: the report as a CSV download. */
export function useDownloadReportCsv() {
  return useMutation({
    mutationFn: ({ name, query }: { name: string; query: ReportApiQuery }) =>
      downloadFile(
        v1(`${kpiPath(name)}/export`),
        query,
        `${name}${query.from ? `-${query.from}` : ''}${query.to ? `-${query.to}` : ''}.csv`,
      ),
  });
}
