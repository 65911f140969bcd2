import type { Permission, RecordScope, ScopedResource } from '@tessera/contracts';
import { recordScopes } from '@tessera/contracts';
import { cn } from '../lib/cn';
import {
  isScopedResource,
  permissionActions,
  permissionDescription,
  permissionRows,
  setPermissions,
} from '../lib/permissions';
import { Button } from './ui/button';
import { Checkbox, Select } from './ui/input';

export type Scopes = Partial<Record<ScopedResource, RecordScope>>;

const scopeLabels: Record<RecordScope, string> = {
  own: 'Own records',
  team: "Team's records",
  all: 'All records',
};

export interface PermissionMatrixProps {
  /** Accessible name of the table, e.g. "Permissions of Sales agent". */
  label: string;
  value: readonly Permission[];
  onChange: (next: Permission[]) => void;
  readOnly?: boolean;
  /** When given, only these can be ticked (you cannot hand out what you do not hold). */
  grantable?: ReadonlySet<Permission>;
  /** Record scope per scoped resource; when `onScopesChange` is given a "Records" column is shown. */
  scopes?: Scopes;
  onScopesChange?: (next: Scopes) => void;
}

const cell = 'px-2 py-1.5 text-center';

/** Rows = resources, columns = actions; a checkbox per existing permission (and per row). */
export function PermissionMatrix({
  label,
  value,
  onChange,
  readOnly = false,
  grantable,
  scopes = {},
  onScopesChange,
}: PermissionMatrixProps) {
  const held = new Set(value);
  const canTick = (permission: Permission) =>
    !readOnly && (!grantable || grantable.has(permission) || held.has(permission));
  const toggle = (changed: Permission[], on: boolean) =>
    onChange(setPermissions(value, changed.filter(canTick), on));
  const everything = permissionRows.flatMap((row) => row.permissions);

  return (
    <div className="space-y-2">
      {readOnly ? null : (
        <div className="flex gap-2">
          <Button variant="secondary" size="sm" onClick={() => toggle(everything, true)}>
            Select all
          </Button>
          <Button variant="ghost" size="sm" onClick={() => toggle(everything, false)}>
            Clear all
          </Button>
          <span
            className="ml-auto self-center text-xs text-zinc-500 dark:text-zinc-400"
            data-testid="permission-count"
          >
            {value.length} selected
          </span>
        </div>
      )}
      <div className="max-h-[28rem] overflow-auto rounded-lg border border-zinc-200 dark:border-zinc-800">
        <table aria-label={label} className="w-full text-sm">
          <thead className="sticky top-0 z-10 bg-zinc-50 text-xs text-zinc-500 dark:bg-zinc-900 dark:text-zinc-400">
            <tr>
              <th scope="col" className="px-3 py-2 text-left font-medium">
                Resource
              </th>
              {permissionActions.map((action) => (
                <th key={action} scope="col" className={cn(cell, 'font-medium capitalize')}>
                  {action}
                </th>
              ))}
              {onScopesChange ? (
                <th scope="col" className="px-3 py-2 text-left font-medium">
                  Records
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {permissionRows.map((row) => {
              const all = row.permissions.every((permission) => held.has(permission));
              return (
                <tr key={row.resource}>
                  <th
                    scope="row"
                    className="px-3 py-1.5 text-left font-medium text-zinc-800 dark:text-zinc-200"
                  >
                    <div className="flex items-center gap-2">
                      <Checkbox
                        checked={all}
                        disabled={readOnly}
                        aria-label={`All ${row.label} permissions`}
                        onChange={(event) => toggle(row.permissions, event.target.checked)}
                      />
                      {row.label}
                    </div>
                  </th>
                  {permissionActions.map((action) => {
                    const permission = row.cells[action];
                    return (
                      <td key={action} className={cell}>
                        {permission ? (
                          <Checkbox
                            checked={held.has(permission)}
                            disabled={!canTick(permission)}
                            aria-label={`${row.label}: ${action}`}
                            title={`${permission} — ${permissionDescription(permission)}`}
                            onChange={(event) => toggle([permission], event.target.checked)}
                          />
                        ) : null}
                      </td>
                    );
                  })}
                  {onScopesChange ? (
                    <td className="px-3 py-1">
                      {isScopedResource(row.resource) ? (
                        <Select
                          aria-label={`${row.label} record scope`}
                          className="h-8 w-36 text-xs"
                          disabled={readOnly}
                          value={scopes[row.resource] ?? 'all'}
                          onChange={(event) =>
                            onScopesChange({ ...scopes, [row.resource]: event.target.value as RecordScope })
                          }
                        >
                          {recordScopes.map((scope) => (
                            <option key={scope} value={scope}>
                              {scopeLabels[scope]}
                            </option>
                          ))}
                        </Select>
                      ) : null}
                    </td>
                  ) : null}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </div>
  );
}
