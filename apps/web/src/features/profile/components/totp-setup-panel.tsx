import { totpEnableInput } from '@tessera/contracts';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { CopyButton } from '../../../components/ui/copy-button';
import { TextField } from '../../../components/ui/form-field';
import { useZodForm } from '../../../hooks/use-zod-form';
import { useEnableTotp } from '../api/enable-totp';
import { QrCode } from './qr-code';

export interface TotpSetupPanelProps {
  setup: { secret: string; otpauthUri: string };
  /** Called with the recovery codes the server made (shown once). */
  onEnabled: (recoveryCodes: string[]) => void;
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

/** Step 2 of the set-up: a QR code (or the secret / otpauth URI) to add to the app, then a code to confirm. */
export function TotpSetupPanel({ setup, onEnabled, onCancel }: TotpSetupPanelProps) {
  const { mutateAsync } = useEnableTotp();
  const form = useZodForm(totpEnableInput, { code: '' });
  const onSubmit = form.handleSubmit(async (input) => {
    const enabled = await mutateAsync(input);
    onEnabled(enabled.recoveryCodes);
  });
  return (
    <div className="space-y-4">
      <p className="text-sm text-zinc-700 dark:text-zinc-300">
        Scan this code with your authenticator app (1Password, Google Authenticator, Authy…), or enter the
        secret key by hand. Then type the code the app shows.
      </p>
      <div className="flex flex-col gap-4 sm:flex-row sm:items-start">
        <QrCode value={setup.otpauthUri} label="QR code to scan with your authenticator app" />
        <div className="min-w-0 flex-1 space-y-3">
          <SecretRow label="Secret key" value={setup.secret} testId="totp-secret" />
          <SecretRow label="otpauth URI" value={setup.otpauthUri} testId="totp-uri" />
        </div>
      </div>
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
