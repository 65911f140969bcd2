import { type ComponentProps, type ReactNode, useId } from 'react';
import { cn } from '../../lib/cn';
import { Input, Select, Textarea } from './input';

/** Accessibility wiring a `FormField` hands to its control. */
export interface FieldControlProps {
  id: string;
  invalid: boolean;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

export interface FormFieldProps {
  label: ReactNode;
  /** Validation message shown under the control (and linked to it with `aria-describedby`). */
  error?: string | undefined;
  hint?: ReactNode;
  className?: string;
  /** Visually hide the label (it stays the control's accessible name). */
  hideLabel?: boolean;
  children: (control: FieldControlProps) => ReactNode;
}

/** The one form field: label, control (render prop), hint and error message. */
export function FormField({ label, error, hint, className, hideLabel, children }: FormFieldProps) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [errorId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <div className={cn('flex flex-col gap-1.5', className)}>
      <label
        htmlFor={id}
        className={cn('text-sm font-medium text-zinc-800 dark:text-zinc-200', hideLabel && 'sr-only')}
      >
        {label}
      </label>
      {children({
        id,
        invalid: Boolean(error),
        ...(error ? { 'aria-invalid': true as const } : {}),
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
      })}
      {error ? (
        <p id={errorId} className="text-xs font-medium text-red-600 dark:text-red-400">
          {error}
        </p>
      ) : null}
      {hint ? (
        <p id={hintId} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      ) : null}
    </div>
  );
}

type FieldExtras = Pick<FormFieldProps, 'label' | 'error' | 'hint' | 'hideLabel'> & {
  fieldClassName?: string;
};

export function TextField({
  label,
  error,
  hint,
  hideLabel,
  fieldClassName,
  ...input
}: FieldExtras & ComponentProps<'input'>) {
  return (
    <FormField label={label} error={error} hint={hint} hideLabel={hideLabel} className={fieldClassName}>
      {(control) => <Input {...input} {...control} />}
    </FormField>
  );
}

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
}

export function SelectField({
  label,
  error,
  hint,
  hideLabel,
  fieldClassName,
  options,
  placeholder,
  ...select
}: FieldExtras & ComponentProps<'select'> & { options: readonly SelectOption[]; placeholder?: string }) {
  return (
    <FormField label={label} error={error} hint={hint} hideLabel={hideLabel} className={fieldClassName}>
      {(control) => (
        <Select {...select} {...control}>
          {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value} disabled={option.disabled}>
              {option.label}
            </option>
          ))}
        </Select>
      )}
    </FormField>
  );
}

export function TextareaField({
  label,
  error,
  hint,
  hideLabel,
  fieldClassName,
  ...area
}: FieldExtras & ComponentProps<'textarea'>) {
  return (
    <FormField label={label} error={error} hint={hint} hideLabel={hideLabel} className={fieldClassName}>
      {(control) => <Textarea {...area} {...control} />}
    </FormField>
  );
}
