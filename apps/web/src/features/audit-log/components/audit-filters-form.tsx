import { auditLogQuery } from '@tessera/contracts';
import { Button } from '../../../components/ui/button';
import { SelectField, TextField } from '../../../components/ui/form-field';
import { useZodForm } from '../../../hooks/use-zod-form';
import type { PeopleDirectory } from '../../../lib/people';
import type { AuditLogFilters } from '../api/list-audit-logs';

const EMPTY = { action: '', targetType: '', targetId: '', actorUserId: '', from: '', to: '' };
type Values = typeof EMPTY;

/** Form values → query parameters: blanks dropped, dates → start / end of that local day. */
function toQuery(values: Values): Record<string, string> {
  const query: Record<string, string> = {};
  for (const [key, raw] of Object.entries(values)) {
    const value = raw.trim();
    if (!value) continue;
    if (key === 'from' || key === 'to') {
      const date = new Date(`${value}T${key === 'from' ? '00:00:00' : '23:59:59.999'}`);
      query[key] = Number.isNaN(date.getTime()) ? value : date.toISOString();
    } else {
      query[key] = value;
    }
  }
  return query;
}

export interface AuditFiltersFormProps {
  directory: PeopleDirectory;
  onApply: (filters: AuditLogFilters) => void;
}

export function AuditFiltersForm({ directory, onApply }: AuditFiltersFormProps) {
  const form = useZodForm(auditLogQuery, EMPTY, { toInput: toQuery });
  const onSubmit = form.handleSubmit(({ limit: _limit, cursor: _cursor, ...filters }) => onApply(filters));
  return (
    <form
      noValidate
      onSubmit={onSubmit}
      className="grid gap-3 rounded-xl border border-zinc-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-3 dark:border-zinc-800 dark:bg-zinc-900"
    >
      <TextField label="Action" placeholder="e.g. member.updated" {...form.field('action')} />
      <TextField label="Target type" placeholder="e.g. role" {...form.field('targetType')} />
      <TextField label="Target ID" {...form.field('targetId')} />
      <SelectField
        label="Actor"
        placeholder={directory.people ? 'Anyone' : directory.isLoading ? 'Loading members…' : 'Anyone'}
        options={(directory.people ?? []).map((person) => ({ value: person.userId, label: person.name }))}
        {...form.field('actorUserId')}
      />
      <TextField label="From" type="date" {...form.field('from')} />
      <TextField label="To" type="date" {...form.field('to')} />
      <div className="flex gap-2 sm:col-span-2 lg:col-span-3">
        <Button type="submit">Apply filters</Button>
        <Button
          variant="ghost"
          onClick={() => {
            form.reset(EMPTY);
            onApply({});
          }}
        >
          Reset
        </Button>
      </div>
    </form>
  );
}
