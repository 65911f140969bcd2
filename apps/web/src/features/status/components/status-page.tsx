import { PageHeader } from '../../../components/ui/page-header';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { API_DOCS_URL } from '../../../lib/endpoints';
import { HealthPanel } from './health-panel';

export function StatusPage() {
  useDocumentTitle('System status');
  return (
    <>
      <PageHeader
        title="System status"
        description={
          <>
            Live health of the Tessera API. Full API reference:{' '}
            <a
              href={API_DOCS_URL}
              className="font-medium text-indigo-600 underline-offset-2 hover:underline dark:text-indigo-400"
            >
              {API_DOCS_URL}
            </a>
            .
          </>
        }
      />
      <HealthPanel />
    </>
  );
}
