import { recoveryCodesInput } from '@tessera/contracts';
import { useState } from 'react';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/form-field';
import { useZodForm } from '../../../hooks/use-zod-form';
import { useRecoveryCodesLeft, useRegenerateRecoveryCodes } from '../api/recovery-codes';
import { RecoveryCodesPanel } from './recovery-codes-panel';

/** While 2FA is on: how many recovery codes are left, and a new set (with the password), shown once. */
export function RecoveryCodesSection() {
  const left = useRecoveryCodesLeft(true);
  const { mutateAsync } = useRegenerateRecoveryCodes();
  const [codes, setCodes] = useState<string[] | null>(null);
  const [open, setOpen] = useState(false);
  const form = useZodForm(recoveryCodesInput, { password: '' });
  const onSubmit = form.handleSubmit(async (input) => {
    const result = await mutateAsync(input);
    form.reset();
    setOpen(false);
    setCodes(result.recoveryCodes);
  });
  if (codes) return <RecoveryCodesPanel codes={codes} onDone={() => setCodes(null)} />;
  const remaining = left.data?.remaining;
  return (
    <div className="space-y-3 border-t border-zinc-200 pt-4 dark:border-zinc-800">
      <p className="text-sm text-zinc-700 dark:text-zinc-300" data-testid="recovery-codes-left">
        Recovery codes:{' '}
        {remaining === undefined
          ? '…'
          : remaining === 0
            ? 'none left — make a new set'
            : `${remaining} unused`}
      </p>
      {open ? (
        <form noValidate onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            fieldClassName="w-60"
            {...form.field('password')}
          />
          <Button type="submit" disabled={form.submitting}>
            Make new codes
          </Button>
          <Button variant="ghost" onClick={() => setOpen(false)}>
            Cancel
          </Button>
          {form.formError ? <ErrorAlert error={form.formError} className="w-full" /> : null}
        </form>
      ) : (
        <Button variant="secondary" size="sm" onClick={() => setOpen(true)}>
          Make new recovery codes
        </Button>
      )}
    </div>
  );
}
