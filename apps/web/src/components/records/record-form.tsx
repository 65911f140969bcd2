import { Fragment, type ReactNode } from 'react';
import { type SafeParseSchema, useZodForm } from '../../hooks/use-zod-form';
import { cn } from '../../lib/cn';
import type { FormValues } from '../../lib/records/form-values';
import { MutationError } from '../mutation-error';
import { ErrorAlert } from '../ui/alert';
import { Button } from '../ui/button';
import { Dialog, DialogFooter } from '../ui/dialog';
import { SelectField, type SelectOption, TextareaField, TextField } from '../ui/form-field';
import { CheckboxField } from '../ui/input';
import { Spinner } from '../ui/spinner';
import { pickerSources, RecordPicker } from './record-picker';

export type RecordFieldKind =
  | 'text'
  | 'email'
  | 'tel'
  | 'number'
  | 'money'
  | 'date'
  | 'datetime'
  | 'select'
  | 'textarea'
  | 'checkbox'
  /** A company or a contact, searched as you type among all of them; `options` only name the current one. */
  | 'company'
  | 'contact';

/** One field of a record form; `name` is the contract field it validates as. */
export interface RecordFieldSpec {
  name: string;
  label: string;
  kind?: RecordFieldKind;
  options?: readonly SelectOption[];
  placeholder?: string;
  hint?: string;
  /** Spans both columns. */
  wide?: boolean;
  autoFocus?: boolean;
  /** Shown only when this returns true (e.g. deal title only when "Create a deal" is ticked). */
  when?: (values: FormValues) => boolean;
  /** Shown under the field across the form (e.g. "this e-mail is already in use"), given the field's value. */
  notice?: (value: string) => ReactNode;
}

export interface RecordFormProps<Out> {
  /** A contract schema (`leadCreateInput`…): nothing is sent until it accepts `toInput(values)`. */
  schema: SafeParseSchema<Out>;
  initialValues: FormValues;
  fields: readonly RecordFieldSpec[];
  toInput: (values: FormValues) => unknown;
  onSubmit: (data: Out) => Promise<unknown>;
  submitLabel: string;
  onCancel: () => void;
  /** With a 409, "<what> was changed by someone else" and a Reload button that calls this. */
  conflict?: { what: string; onReload: () => void };
}

const inputType: Partial<Record<RecordFieldKind, string>> = {
  email: 'email',
  tel: 'tel',
  number: 'number',
  money: 'text',
  date: 'date',
  datetime: 'datetime-local',
};

/** The one record form (create / edit / log / convert): fields from specs, validated with the contract. */
export function RecordForm<Out>({
  schema,
  initialValues,
  fields,
  toInput,
  onSubmit,
  submitLabel,
  onCancel,
  conflict,
}: RecordFormProps<Out>) {
  const form = useZodForm(schema, initialValues, { toInput });
  return (
    <form noValidate onSubmit={form.handleSubmit(onSubmit)} className="space-y-4">
      {form.formError ? (
        conflict ? (
          <MutationError error={form.formError} what={conflict.what} onReload={conflict.onReload} />
        ) : (
          <ErrorAlert error={form.formError} title="This was not saved" />
        )
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {fields
          .filter((spec) => !spec.when || spec.when(form.values))
          .map((spec) => {
            const wide = spec.wide || spec.kind === 'textarea' || spec.kind === 'checkbox';
            const className = cn(wide && 'sm:col-span-2');
            const kind = spec.kind ?? 'text';
            if (kind === 'checkbox') {
              return (
                <CheckboxField
                  key={spec.name}
                  label={spec.label}
                  className={className}
                  checked={form.values[spec.name] === true}
                  onChange={(event) => form.setValue(spec.name, event.target.checked)}
                />
              );
            }
            if (kind === 'company' || kind === 'contact') {
              const id = String(form.values[spec.name] ?? '');
              const name = spec.options?.find((o) => o.value === id)?.label;
              return (
                <RecordPicker
                  key={spec.name}
                  source={pickerSources[kind]}
                  label={spec.label}
                  className={className}
                  value={id ? { id, name: name ?? '' } : null}
                  onChange={(record) => form.setValue(spec.name, record?.id ?? '')}
                />
              );
            }
            const common = {
              ...form.field(spec.name),
              label: spec.label,
              hint: spec.hint,
              placeholder: spec.placeholder,
              autoFocus: spec.autoFocus,
              fieldClassName: className,
            };
            if (kind === 'select')
              return <SelectField key={spec.name} {...common} options={spec.options ?? []} />;
            if (kind === 'textarea') return <TextareaField key={spec.name} rows={4} {...common} />;
            const input = (
              <TextField
                key={spec.name}
                {...common}
                type={inputType[kind] ?? 'text'}
                inputMode={kind === 'money' ? 'decimal' : undefined}
              />
            );
            if (!spec.notice) return input;
            return (
              <Fragment key={spec.name}>
                {input}
                <div className="sm:col-span-2 empty:hidden">
                  {spec.notice(String(form.values[spec.name] ?? ''))}
                </div>
              </Fragment>
            );
          })}
      </div>
      <DialogFooter>
        <Button variant="secondary" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" disabled={form.submitting}>
          {form.submitting ? <Spinner /> : null}
          {submitLabel}
        </Button>
      </DialogFooter>
    </form>
  );
}

/** `RecordForm` in the design system's dialog (state resets each time it opens). */
export function RecordFormDialog<Out>({
  open,
  title,
  description,
  size = 'lg',
  ...form
}: RecordFormProps<Out> & { open: boolean; title: string; description?: string; size?: 'md' | 'lg' }) {
  return (
    <Dialog open={open} onClose={form.onCancel} title={title} description={description} size={size}>
      <RecordForm {...form} />
    </Dialog>
  );
}
