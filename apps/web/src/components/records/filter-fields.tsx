import type { FilterSpec } from '../../lib/records/list-query';
import { SelectField, TextField } from '../ui/form-field';
import { CheckboxField } from '../ui/input';

/** The editor of one filter in the filter panel (checkboxes, select, text, number or date). */
export function FilterField({
  spec,
  value,
  onChange,
}: {
  spec: FilterSpec;
  value: string;
  onChange: (value: string) => void;
}) {
  if (spec.kind === 'multi') {
    const selected = value.split(',').filter(Boolean);
    return (
      <fieldset>
        <legend className="text-sm font-medium text-zinc-800 dark:text-zinc-200">{spec.label}</legend>
        <div className="mt-1.5 flex flex-wrap gap-x-4 gap-y-1.5">
          {spec.options?.map((option) => (
            <CheckboxField
              key={option.value}
              label={option.label}
              checked={selected.includes(option.value)}
              onChange={(event) =>
                onChange(
                  (event.target.checked
                    ? [...selected, option.value]
                    : selected.filter((item) => item !== option.value)
                  ).join(','),
                )
              }
            />
          ))}
        </div>
      </fieldset>
    );
  }
  if (spec.kind === 'select') {
    return (
      <SelectField
        label={spec.label}
        value={value}
        placeholder="Any"
        options={spec.options ?? []}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  const type = spec.kind === 'number' ? 'number' : spec.kind === 'date' ? 'date' : 'text';
  return (
    <TextField
      label={spec.label}
      type={type}
      min={spec.kind === 'number' ? 0 : undefined}
      value={value}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}

/** Chip text of an active filter: option labels for choices, else `Label: value`. */
export function chipText(spec: FilterSpec, value: string): string {
  if (spec.chip) return spec.chip(value);
  if (spec.options) {
    const labels = value
      .split(',')
      .map((item) => spec.options?.find((option) => option.value === item)?.label ?? item);
    return `${spec.label}: ${labels.join(', ')}`;
  }
  return `${spec.label}: ${value}`;
}
