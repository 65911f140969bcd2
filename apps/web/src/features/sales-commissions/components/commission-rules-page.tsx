import type { CommissionRuleDto } from '@tessera/contracts';
import { useMemo, useState } from 'react';
import { Badge } from '../../../components/ui/badge';
import { Button } from '../../../components/ui/button';
import { ConfirmButton } from '../../../components/ui/confirm-button';
import { type Column, DataTable } from '../../../components/ui/data-table';
import { CheckboxField } from '../../../components/ui/input';
import { PageHeader } from '../../../components/ui/page-header';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { formatMoney } from '../../../lib/records/money';
import { commissionRuleRecords, useCommissionRules, useProductCategories } from '../api/commissions';
import { bpToPercent } from '../rule-form';
import { CommissionRuleDialog, type Option } from './commission-rule-dialog';

const nameOf = (options: readonly Option[] | undefined, id: string | null) =>
  (id && options?.find((o) => o.id === id)?.name) || '—';

/**
 * `/settings/commission-rules` (commissions.manage): the rules by agent or role, their rate in percent, an
 * optional product category and volume tiers; create, edit, archive and restore.
 */
export function CommissionRulesPage({
  agents,
  roles,
}: {
  agents?: readonly Option[];
  roles?: readonly Option[];
}) {
  useDocumentTitle('Commission rules');
  const [archived, setArchived] = useState(false);
  const [editing, setEditing] = useState<CommissionRuleDto | 'new' | null>(null);
  const rules = useCommissionRules(archived);
  const categories = useProductCategories();
  const archive = commissionRuleRecords.useArchive();
  const categoryOptions = useMemo(
    () => categories.data?.items.map((c) => ({ id: c.id, name: c.name })) ?? [],
    [categories.data],
  );

  const columns: Column<CommissionRuleDto>[] = [
    { key: 'name', header: 'Name', cell: (r) => <span className="font-medium">{r.name}</span> },
    {
      key: 'target',
      header: 'Applies to',
      cell: (r) =>
        r.userId ? (
          <span>
            {nameOf(agents, r.userId)} <span className="text-zinc-500">(agent)</span>
          </span>
        ) : (
          <span>
            {nameOf(roles, r.roleId)} <span className="text-zinc-500">(role)</span>
          </span>
        ),
    },
    {
      key: 'rate',
      header: 'Rate',
      className: 'tabular-nums whitespace-nowrap',
      cell: (r) => `${bpToPercent(r.rateBp)} %`,
    },
    {
      key: 'category',
      header: 'Category',
      cell: (r) => (r.categoryId ? nameOf(categoryOptions, r.categoryId) : 'All categories'),
    },
    {
      key: 'tiers',
      header: 'Tiers',
      className: 'text-xs tabular-nums',
      cell: (r) =>
        r.tiers.length === 0 ? (
          '—'
        ) : (
          <ul>
            {r.tiers.map((t) => (
              <li key={t.fromCents} className="whitespace-nowrap">
                from {formatMoney(t.fromCents)}: {bpToPercent(t.rateBp)} %
              </li>
            ))}
          </ul>
        ),
    },
    {
      key: 'actions',
      header: <span className="sr-only">Actions</span>,
      className: 'text-right',
      cell: (r) => (
        <div className="flex justify-end gap-2">
          {r.archivedAt ? (
            <Button
              variant="secondary"
              size="sm"
              disabled={archive.isPending}
              onClick={() => archive.mutate({ id: r.id, archived: false })}
            >
              Restore
            </Button>
          ) : (
            <>
              <Button
                variant="secondary"
                size="sm"
                onClick={() => setEditing(r)}
                aria-label={`Edit ${r.name}`}
              >
                Edit
              </Button>
              <ConfirmButton
                label="Archive"
                title={`Archive “${r.name}”?`}
                action={archive}
                onConfirm={(done) => archive.mutate({ id: r.id, archived: true }, { onSuccess: done })}
              >
                Money paid from now on no longer earns under this rule. Commission already earned stays; you
                can restore the rule later.
              </ConfirmButton>
            </>
          )}
          {r.active ? null : <Badge>Inactive</Badge>}
        </div>
      ),
    },
  ];

  return (
    <div className="space-y-4">
      <PageHeader
        title="Commission rules"
        headingLevel={2}
        description="What agents earn on their paid invoices. An agent’s rule wins over a role’s, a category’s over all categories."
        actions={
          <Button variant="primary" onClick={() => setEditing('new')}>
            New rule
          </Button>
        }
      />
      <CheckboxField
        label="Show archived rules"
        checked={archived}
        onChange={(e) => setArchived(e.target.checked)}
      />
      <DataTable
        label="Commission rules"
        columns={columns}
        rows={rules.data?.items}
        rowKey={(r) => r.id}
        isLoading={rules.isPending}
        error={rules.error}
        onRetry={() => void rules.refetch()}
        empty={
          archived
            ? 'No archived rules.'
            : 'No commission rules yet. Create one for a role (e.g. every sales agent) or for one agent.'
        }
      />
      {editing ? (
        <CommissionRuleDialog
          key={editing === 'new' ? 'new' : editing.id}
          open
          rule={editing === 'new' ? undefined : editing}
          onClose={() => setEditing(null)}
          agents={agents ?? []}
          roles={roles ?? []}
          categories={categoryOptions}
        />
      ) : null}
    </div>
  );
}
