import type { Permission } from '@tessera/contracts';
import { type ReactNode, useMemo } from 'react';
import type { RouteObject } from 'react-router';
import { useRoles } from '../features/roles/api/list-roles';
import { usePermission } from '../hooks/use-permission';
import { lazyComponent } from './lazy-page';
import { RequirePermission } from './require-permission';
import { usePeopleDirectory } from './use-people-directory';

// Each sales page is its own chunk.
const ProductsPage = lazyComponent(() =>
  import('../features/sales-products/components/products-page').then((m) => m.ProductsPage),
);
const TaxRatesPage = lazyComponent(() =>
  import('../features/sales-products/components/tax-rates-page').then((m) => m.TaxRatesPage),
);
const DocumentsPage = lazyComponent(() =>
  import('../features/sales-documents/components/documents-page').then((m) => m.DocumentsPage),
);
const DocumentPage = lazyComponent(() =>
  import('../features/sales-documents/components/document-page').then((m) => m.DocumentPage),
);
const DocumentEditorPage = lazyComponent(() =>
  import('../features/sales-documents/components/document-editor-page').then((m) => m.DocumentEditorPage),
);
const RecurringListPage = lazyComponent(() =>
  import('../features/sales-documents/components/recurring-list-page').then((m) => m.RecurringListPage),
);
const RecurringPage = lazyComponent(() =>
  import('../features/sales-documents/components/recurring-page').then((m) => m.RecurringPage),
);
const RecurringEditorPage = lazyComponent(() =>
  import('../features/sales-documents/components/recurring-editor-page').then((m) => m.RecurringEditorPage),
);
const CommissionStatementPage = lazyComponent(() =>
  import('../features/sales-commissions/components/commission-statement-page').then(
    (m) => m.CommissionStatementPage,
  ),
);
const CommissionRulesPage = lazyComponent(() =>
  import('../features/sales-commissions/components/commission-rules-page').then((m) => m.CommissionRulesPage),
);
const PortalAccessPage = lazyComponent(() =>
  import('../features/portal/components/portal-access-page').then((m) => m.PortalAccessPage),
);
const NewJobButton = lazyComponent(
  () => import('../features/field-jobs/components/job-form').then((m) => m.NewJobButton),
  null,
);
const ImportButton = lazyComponent(
  () => import('../features/crm-import/components/import-button').then((m) => m.ImportButton),
  null,
);

/** The members as agents to pick (names; without members.view the list stays empty). */
function useAgents() {
  const { people } = usePeopleDirectory();
  return useMemo(() => people?.map((p) => ({ id: p.userId, name: p.name || p.email })), [people]);
}

function CommissionStatementRoute() {
  return <CommissionStatementPage agents={useAgents()} />;
}

function CommissionRulesRoute() {
  const roles = useRoles({ enabled: usePermission('roles.view') });
  const options = useMemo(() => roles.data?.map(({ id, name }) => ({ id, name })), [roles.data]);
  return <CommissionRulesPage agents={useAgents()} roles={options} />;
}

/** An invoice's page with "New job" for its customer and deal (jobs.manage; the field module). */
function InvoiceRoute() {
  const canJob = usePermission('jobs.manage');
  return (
    <DocumentPage
      kind="invoices"
      actions={
        canJob
          ? (doc) => (
              <NewJobButton
                preset={{ companyId: doc.companyId, contactId: doc.contactId, dealId: doc.dealId }}
              />
            )
          : undefined
      }
    />
  );
}

const guarded = (path: string, permission: Permission, element: ReactNode): RouteObject => ({
  path,
  element: <RequirePermission permission={permission}>{element}</RequirePermission>,
});

/** The sales pages, each behind the permission of its navigation entry. */
export const salesRoutes: RouteObject[] = [
  guarded('products', 'products.view', <ProductsPage importAction={<ImportButton entity="products" />} />),
  guarded('invoices', 'invoices.view', <DocumentsPage kind="invoices" />),
  guarded('invoices/new', 'invoices.manage', <DocumentEditorPage kind="invoices" />),
  guarded('invoices/:id', 'invoices.view', <InvoiceRoute />),
  guarded('invoices/:id/edit', 'invoices.manage', <DocumentEditorPage kind="invoices" />),
  guarded('quotes', 'quotes.view', <DocumentsPage kind="quotes" />),
  guarded('quotes/new', 'quotes.manage', <DocumentEditorPage kind="quotes" />),
  guarded('quotes/:id', 'quotes.view', <DocumentPage kind="quotes" />),
  guarded('quotes/:id/edit', 'quotes.manage', <DocumentEditorPage kind="quotes" />),
  guarded('recurring-invoices', 'recurring_invoices.view', <RecurringListPage />),
  guarded('recurring-invoices/new', 'recurring_invoices.manage', <RecurringEditorPage />),
  guarded('recurring-invoices/:id', 'recurring_invoices.view', <RecurringPage />),
  guarded('recurring-invoices/:id/edit', 'recurring_invoices.manage', <RecurringEditorPage />),
  guarded('commissions', 'commissions.view', <CommissionStatementRoute />),
];

/** `/settings/tax-rates`, `/settings/commission-rules` and `/settings/portal` (customer portal access). */
export const salesSettingsRoutes: RouteObject[] = [
  guarded('tax-rates', 'products.view', <TaxRatesPage />),
  guarded('commission-rules', 'commissions.manage', <CommissionRulesRoute />),
  guarded('portal', 'portal.manage', <PortalAccessPage />),
];
