import type { Lead } from '@tessera/contracts';
import { ExportMenu } from '../../../components/records/export-menu';
import type { RecordList } from '../../../components/records/record-list-view';
import { SavedViewsMenu } from './saved-views-menu';

/** Saved views and "Export" (current filters; for spreadsheets or re-import) next to the leads search. */
export function LeadsToolbar({ list }: { list: RecordList<Lead> }) {
  return (
    <>
      <SavedViewsMenu list={list} />
      <ExportMenu path="leads" permission="leads.export" list={list} />
    </>
  );
}
