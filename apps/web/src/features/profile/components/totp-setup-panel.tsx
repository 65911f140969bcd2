import { totpEnableInput } from '@tessera/contracts';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';
import { TextField } from '../../../components/ui/form-field';
import { useZodForm } from '../../../hooks/use-zod-form';
import { useEnableTotp } from '../api/enable-totp';

export interface TotpSetupPanelProps {
  setup: { secret: string; otpauthUri: string };
  onEnabled: () => void;
  onCancel: () => void;
}

function SecretRow({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div>
      <p className="text-xs font-medium uppercase tracking-wide text-zinc-500 dark:text-zinc-400">{label}</p>
      <div className="mt-1 flex items-start gap-2">
        <code
          data-testid={testId}
          className="min-w-0 flex-1 rounded-md bg-zinc-100 px-2 py-1.5 font-mono text-xs break-all text-zinc-900 select-all dark:bg-zinc-800 dark:text-zinc-100"
        >
          {value}
        </code>
        <CopyButton value={value} aria-label={`Copy ${label.toLowerCase()}`} />
      </div>
    </div>
  );
}

/** Step 2 of the set-up: the secret (and otpauth URI) to add to the app, then a code to confirm. */
export function TotpSetupPanel({ setup, onEnabled, onCancel }: TotpSetupPanelProps) {
  const { mutateAsync } = useEnableTotp();
  const form = useZodForm(totpEnableInput, { code: '' });
  const onSubmit = form.handleSubmit(async (input) => {
    await mutateAsync(input);
    onEnabled();
  });
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Add this account to your authenticator app (1Password, Google Authenticator, Authy…) by entering the
        secret key, or by opening the otpauth link on your phone. Then type the code the app shows.
      </p>
      <SecretRow label="Secret key" value={setup.secret} testId="totp-secret" />
      <SecretRow label="otpauth URI" value={setup.otpauthUri} testId="totp-uri" />
      <form noValidate onSubmit={onSubmit} className="flex flex-wrap items-end gap-3">
        <TextField
          label="Code from the app"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={6}
          placeholder="123456"
          fieldClassName="w-48"
          {...form.field('code')}
        />
        <Button type="submit" disabled={form.submitting}>
          Enable
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
      </form>
      {form.formError ? <ErrorAlert error={form.formError} /> : null}
    </div>
  );
}
