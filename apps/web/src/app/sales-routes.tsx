import type { Permission } from '@tessera/contracts';
import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { lazyComponent } from './lazy-page';
import { RequirePermission } from './require-permission';

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
const ImportButton = lazyComponent(
  () => import('../features/crm-import/components/import-button').then((m) => m.ImportButton),
  null,
);

const guarded = (path: string, permission: Permission, element: ReactNode): RouteObject => ({
  path,
  element: <RequirePermission permission={permission}>{element}</RequirePermission>,
});

/** The sales pages, each behind the permission of its navigation entry. */
export const salesRoutes: RouteObject[] = [
  guarded('products', 'products.view', <ProductsPage importAction={<ImportButton entity="products" />} />),
  guarded('invoices', 'invoices.view', <DocumentsPage kind="invoices" />),
  guarded('invoices/new', 'invoices.manage', <DocumentEditorPage kind="invoices" />),
  guarded('invoices/:id', 'invoices.view', <DocumentPage kind="invoices" />),
  guarded('invoices/:id/edit', 'invoices.manage', <DocumentEditorPage kind="invoices" />),
  guarded('quotes', 'quotes.view', <DocumentsPage kind="quotes" />),
  guarded('quotes/new', 'quotes.manage', <DocumentEditorPage kind="quotes" />),
  guarded('quotes/:id', 'quotes.view', <DocumentPage kind="quotes" />),
  guarded('quotes/:id/edit', 'quotes.manage', <DocumentEditorPage kind="quotes" />),
  guarded('recurring-invoices', 'recurring_invoices.view', <RecurringListPage />),
  guarded('recurring-invoices/new', 'recurring_invoices.manage', <RecurringEditorPage />),
  guarded('recurring-invoices/:id', 'recurring_invoices.view', <RecurringPage />),
  guarded('recurring-invoices/:id/edit', 'recurring_invoices.manage', <RecurringEditorPage />),
];

/** `/settings/tax-rates`. */
export const taxRatesSettingsRoute = guarded('tax-rates', 'products.view', <TaxRatesPage />);
