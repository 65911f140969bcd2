import { LEAD_STATUSES } from '@tessera/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { Dialog, DialogFooter } from '../../../components/ui/dialog';
import { SelectField, type SelectOption, TextField } from '../../../components/ui/form-field';
import { Spinner } from '../../../components/ui/spinner';
import { tagList } from '../../../lib/records/form-values';
import { enumOptions } from '../../../lib/records/labels';

export type BulkAction = 'assign' | 'status' | 'tag' | 'archive' | 'delete';

const titles: Record<BulkAction, string> = {
  assign: 'Assign leads',
  status: 'Change status',
  tag: 'Add tags',
  archive: 'Archive leads',
  delete: 'Delete leads',
};

/** The one dialog for every bulk action: its single input (owner, status, tags) or a confirmation. */
export function BulkActionDialog({
  action,
  count,
  owners,
  pending,
  error,
  onClose,
  onConfirm,
}: {
  action: BulkAction | null;
  count: number;
  owners: readonly SelectOption[];
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onConfirm: (input: Record<string, unknown>) => void;
}) {
  const [value, setValue] = useState('');
  if (!action) return null;
  const close = () => {
    setValue('');
    onClose();
  };
  const payload = (): Record<string, unknown> | null => {
    if (action === 'assign') return { action, ownerId: value === '' ? null : value };
    if (action === 'status') return value ? { action, status: value } : null;
    if (action === 'tag') return tagList(value).length ? { action, add: tagList(value) } : null;
    return { action };
  };
  const ready = payload() !== null;
  return (
    <Dialog open onClose={close} title={titles[action]} size="sm">
      <form
        noValidate
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          const input = payload();
          if (input) onConfirm(input);
        }}
      >
        <p className="text-sm text-zinc-700 dark:text-zinc-300">
          {action === 'delete'
            ? `Delete ${count} leads? This cannot be undone.`
            : `${count} lead${count === 1 ? '' : 's'} selected.`}
        </p>
        {action === 'assign' ? (
          <SelectField
            label="Owner"
            value={value}
            options={[{ value: '', label: 'Unassigned' }, ...owners]}
            onChange={(event) => setValue(event.target.value)}
          />
        ) : null}
        {action === 'status' ? (
          <SelectField
            label="Status"
            value={value}
            placeholder="Choose a status"
            options={enumOptions(LEAD_STATUSES)}
            onChange={(event) => setValue(event.target.value)}
          />
        ) : null}
        {action === 'tag' ? (
          <TextField
            label="Tags to add"
            hint="Separated by commas"
            value={value}
            onChange={(event) => setValue(event.target.value)}
          />
        ) : null}
        {error ? <ErrorAlert error={error} title="The bulk action failed" /> : null}
        <DialogFooter>
          <Button variant="secondary" onClick={close}>
            Cancel
          </Button>
          <Button
            type="submit"
            variant={action === 'delete' ? 'danger' : 'primary'}
            disabled={pending || !ready}
          >
            {pending ? <Spinner /> : null}
            {action === 'delete' ? 'Delete' : 'Apply'}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
