import { CheckboxField } from '../ui/input';
import { Popover } from '../ui/popover';

export interface ColumnChoice {
  key: string;
  label: string;
}

/** "Columns": a checkbox per column; at least one stays visible. */
export function ColumnPicker({
  columns,
  visible,
  onChange,
}: {
  columns: readonly ColumnChoice[];
  visible: readonly string[];
  onChange: (visible: string[]) => void;
}) {
  return (
    <Popover trigger="Columns" align="end" panelClassName="w-56" data-testid="column-picker">
      <fieldset>
        <legend className="mb-2 text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
          Visible columns
        </legend>
        <div className="space-y-1.5">
          {columns.map((column) => {
            const checked = visible.includes(column.key);
            return (
              <CheckboxField
                key={column.key}
                label={column.label}
                checked={checked}
                disabled={checked && visible.length === 1}
                onChange={() =>
                  onChange(checked ? visible.filter((key) => key !== column.key) : [...visible, column.key])
                }
              />
            );
          })}
        </div>
      </fieldset>
    </Popover>
  );
}
