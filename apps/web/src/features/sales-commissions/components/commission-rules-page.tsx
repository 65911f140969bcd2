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

  const target = (r: CommissionRuleDto) =>
    r.userId ? (
      <span>
        {nameOf(agents, r.userId)} <span className="text-zinc-500">(agent)</span>
      </span>
    ) : (
      <span>
        {nameOf(roles, r.roleId)} <span className="text-zinc-500">(role)</span>
      </span>
    );
  const category = (r: CommissionRuleDto) =>
    r.categoryId ? nameOf(categoryOptions, r.categoryId) : 'All categories';
  const tiers = (r: CommissionRuleDto) =>
    r.tiers.length === 0 ? null : (
      <ul>
        {r.tiers.map((t) => (
          <li key={t.fromCents} className="whitespace-nowrap">
            from {formatMoney(t.fromCents)}: {bpToPercent(t.rateBp)} %
          </li>
        ))}
      </ul>
    );
  // On a phone the rule's target, category and tiers go below its name (three columns fit).
  const wide = 'hidden md:table-cell';
  const columns: Column<CommissionRuleDto>[] = [
    {
      key: 'name',
      header: 'Name',
      cell: (r) => (
        <div className="min-w-0">
          <span className="font-medium">{r.name}</span>
          <div className="mt-0.5 space-y-0.5 text-xs text-zinc-600 md:hidden dark:text-zinc-400">
            {target(r)}
            <p>{category(r)}</p>
            {tiers(r)}
          </div>
        </div>
      ),
    },
    { key: 'target', header: 'Applies to', className: wide, cell: target },
    {
      key: 'rate',
      header: 'Rate',
      className: 'tabular-nums whitespace-nowrap',
      cell: (r) => `${bpToPercent(r.rateBp)} %`,
    },
    { key: 'category', header: 'Category', className: wide, cell: category },
    {
      key: 'tiers',
      header: 'Tiers',
      className: `${wide} text-xs tabular-nums`,
      cell: (r) => tiers(r) ?? '—',
    },
    {
      key: 'actions',
      header: <span className="sr-only">Actions</span>,
      className: 'text-right',
      cell: (r) => (
        <div className="flex flex-col items-end gap-2 sm:flex-row sm:justify-end">
          {r.archivedAt ? (
            <Button
              variant="secondary"
              disabled={archive.isPending}
              onClick={() => archive.mutate({ id: r.id, archived: false })}
            >
              Restore
            </Button>
          ) : (
            <>
              <Button variant="secondary" onClick={() => setEditing(r)} aria-label={`Edit ${r.name}`}>
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
