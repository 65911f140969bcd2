import { type FormEvent, useCallback, useRef, useState } from 'react';
import { type Issue, issuesToFieldErrors, serverFieldErrors } from '../lib/form-errors';

/** What the hook needs from a Zod schema (any contract schema fits). */
export interface SafeParseSchema<Out> {
  safeParse(
    input: unknown,
  ): { success: true; data: Out } | { success: false; error: { issues: readonly Issue[] } };
}

export type FieldErrors<Values> = Partial<Record<keyof Values, string>>;

export interface ZodFormOptions<Values> {
  /** Turns the form values into the schema's input (e.g. `''` → `undefined` for optional fields). */
  toInput?: (values: Values) => unknown;
}

/**
 * Tiny form state + validation with a contract schema: validates with `schema.safeParse` on submit (nothing
 * is sent when it fails), shows the first issue per field, and maps a server `VALIDATION_ERROR`'s
 * `details` (`body.email`) to the matching field. Other server errors land in `formError`.
 */
export function useZodForm<Values extends Record<string, unknown>, Out>(
  schema: SafeParseSchema<Out>,
  initialValues: Values,
  options: ZodFormOptions<Values> = {},
) {
  const [values, setValues] = useState(initialValues);
  const [errors, setErrors] = useState<FieldErrors<Values>>({});
  const [formError, setFormError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const initial = useRef(initialValues);

  const setValue = useCallback(<K extends keyof Values>(name: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [name]: value }));
    setErrors((current) => (current[name] === undefined ? current : { ...current, [name]: undefined }));
  }, []);

  /** Props for a text `<input>` / `<select>` / `<textarea>` bound to a string field. */
  const field = (name: keyof Values & string) => ({
    name,
    value: String(values[name] ?? ''),
    onChange: (event: { target: { value: string } }) =>
      setValue(name, event.target.value as Values[typeof name]),
    error: errors[name],
  });

  /** Shows a server error on its fields (VALIDATION_ERROR) or as the form's error. */
  const showServerError = (error: unknown) => {
    const mapped = serverFieldErrors(error, Object.keys(values));
    setErrors(mapped.errors as FieldErrors<Values>);
    setFormError(mapped.unmatched ? error : null);
  };

  const handleSubmit =
    (onValid: (data: Out) => unknown) =>
    (event?: FormEvent): void => {
      event?.preventDefault();
      const input = options.toInput ? options.toInput(values) : values;
      const parsed = schema.safeParse(input);
      if (!parsed.success) {
        setErrors(issuesToFieldErrors(parsed.error.issues, input) as FieldErrors<Values>);
        setFormError(null);
        return;
      }
      setErrors({});
      setFormError(null);
      setSubmitting(true);
      void (async () => {
        try {
          await onValid(parsed.data);
        } catch (error) {
          showServerError(error);
        } finally {
          setSubmitting(false);
        }
      })();
    };

  const reset = (next: Values = initial.current) => {
    initial.current = next;
    setValues(next);
    setErrors({});
    setFormError(null);
  };

  return {
    values,
    setValue,
    errors,
    setErrors,
    formError,
    setFormError,
    submitting,
    field,
    handleSubmit,
    showServerError,
    reset,
  };
}
