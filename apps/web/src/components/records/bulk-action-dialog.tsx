import { useState } from 'react';
import { tagList } from '../../lib/records/form-values';
import { ErrorAlert } from '../ui/alert';
import { Button } from '../ui/button';
import { Dialog, DialogFooter } from '../ui/dialog';
import { SelectField, type SelectOption, TextField } from '../ui/form-field';
import { Spinner } from '../ui/spinner';

/**
 * One bulk action of a list: its menu entry, dialog and body. `owner` asks for a person (`ownerId`), `choice`
 * for one of `options` (sent as `field`: a lead's `status`, a deal's `stageId`), `tags` for tags to add, and
 * `confirm` / `danger` only for a confirmation.
 */
export interface BulkActionDef {
  action: string;
  /** Menu entry ("Assign…"). */
  label: string;
  /** Dialog title ("Assign companies"). */
  title: string;
  kind: 'owner' | 'choice' | 'tags' | 'confirm' | 'danger';
  /** Which permission of the entity it needs. */
  needs: 'update' | 'delete';
  field?: string;
  fieldLabel?: string;
  options?: readonly SelectOption[];
}

/** Singular and plural of the records ("company", "companies"). */
export interface Nouns {
  one: string;
  many: string;
}

/** Assign, add tags, archive and delete: what every owned record offers (the record kit's bulk route). */
export function standardBulkActions(nouns: Nouns, extra: readonly BulkActionDef[] = []): BulkActionDef[] {
  const { many } = nouns;
  return [
    { action: 'assign', label: 'Assign…', title: `Assign ${many}`, kind: 'owner', needs: 'update' },
    ...extra,
    { action: 'tag', label: 'Add tags…', title: 'Add tags', kind: 'tags', needs: 'update' },
    { action: 'archive', label: 'Archive', title: `Archive ${many}`, kind: 'confirm', needs: 'delete' },
    { action: 'delete', label: 'Delete…', title: `Delete ${many}`, kind: 'danger', needs: 'delete' },
  ];
}

/** The one dialog for every bulk action: its single input (owner, choice, tags) or a confirmation. */
export function BulkActionDialog({
  action,
  count,
  nouns,
  owners,
  pending,
  error,
  onClose,
  onConfirm,
}: {
  action: BulkActionDef | null;
  count: number;
  nouns: Nouns;
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
  const key = action.action;
  const payload = (): Record<string, unknown> | null => {
    if (action.kind === 'owner') return { action: key, ownerId: value === '' ? null : value };
    if (action.kind === 'choice') return value ? { action: key, [action.field ?? 'value']: value } : null;
    if (action.kind === 'tags') return tagList(value).length ? { action: key, add: tagList(value) } : null;
    return { action: key };
  };
  const ready = payload() !== null;
  const noun = count === 1 ? nouns.one : nouns.many;
  return (
    <Dialog open onClose={close} title={action.title} size="sm">
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
          {action.kind === 'danger'
            ? `Delete ${count} ${noun}? This cannot be undone.`
            : `${count} ${noun} selected.`}
        </p>
        {action.kind === 'owner' ? (
          <SelectField
            label="Owner"
            value={value}
            options={[{ value: '', label: 'Unassigned' }, ...owners]}
            onChange={(event) => setValue(event.target.value)}
          />
        ) : null}
        {action.kind === 'choice' ? (
          <SelectField
            label={action.fieldLabel ?? 'Value'}
            value={value}
            placeholder={`Choose ${/^[aeiou]/i.test(action.fieldLabel ?? '') ? 'an' : 'a'} ${(action.fieldLabel ?? 'value').toLowerCase()}`}
            options={action.options ?? []}
            onChange={(event) => setValue(event.target.value)}
          />
        ) : null}
        {action.kind === 'tags' ? (
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
            variant={action.kind === 'danger' ? 'danger' : 'primary'}
            disabled={pending || !ready}
          >
            {pending ? <Spinner /> : null}
            {action.kind === 'danger' ? 'Delete' : 'Apply'}
          </Button>
        </DialogFooter>
      </form>
    </Dialog>
  );
}
