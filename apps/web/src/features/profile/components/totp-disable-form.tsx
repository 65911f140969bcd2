import { totpDisableInput } from '@tessera/contracts';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/form-field';
import { useZodForm } from '../../../hooks/use-zod-form';
import { useDisableTotp } from '../api/disable-totp';

/** Turning two-factor off needs a current code and the password. */
export function TotpDisableForm({ onDisabled }: { onDisabled: () => void }) {
  const { mutateAsync } = useDisableTotp();
  const form = useZodForm(totpDisableInput, { code: '', password: '' });
  const onSubmit = form.handleSubmit(async (input) => {
    await mutateAsync(input);
    form.reset();
    onDisabled();
  });
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Two-factor authentication is on. To turn it off, confirm with a code from your app and your password.
      </p>
      {form.formError ? (
        <ErrorAlert error={form.formError} title="Two-factor authentication is still on" />
      ) : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Code from the app"
          autoComplete="one-time-code"
          maxLength={11}
          hint="Or one of your recovery codes."
          {...form.field('code')}
        />
        <TextField
          label="Password"
          type="password"
          autoComplete="current-password"
          {...form.field('password')}
        />
      </div>
      <Button type="submit" variant="danger" disabled={form.submitting}>
        Turn off two-factor authentication
      </Button>
    </form>
  );
}
