import { type FormEvent, useState } from 'react';
import { type PickedRecord, pickerSources, RecordPicker } from '../../../components/records/record-picker';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/form-field';
import { showToast } from '../../../stores/toast-store';
import { useGrantPortalAccess } from '../api/portal-access';

/** "Grant access": an e-mail and a company (searched as you type; the server checks both). */
export function GrantPortalAccessForm() {
  const grant = useGrantPortalAccess();
  const [email, setEmail] = useState('');
  const [company, setCompany] = useState<PickedRecord | null>(null);
  // A new picker (empty text) after each grant.
  const [round, setRound] = useState(0);
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!company) return;
    grant.mutate(
      { email: email.trim(), companyId: company.id },
      {
        onSuccess: (access) => {
          showToast(`${access.email} can now see ${access.companyName} in the portal`, 'success');
          setEmail('');
          setCompany(null);
          setRound((n) => n + 1);
        },
      },
    );
  };
  return (
    <form
      onSubmit={onSubmit}
      aria-label="Grant portal access"
      className="space-y-2 rounded-xl border border-zinc-200 bg-white p-3 shadow-sm dark:border-zinc-800 dark:bg-zinc-900"
    >
      {grant.error ? <ErrorAlert error={grant.error} /> : null}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-end">
        <TextField
          label="E-mail"
          type="email"
          required
          maxLength={254}
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          fieldClassName="min-w-0 sm:flex-1"
        />
        <RecordPicker
          source={pickerSources.company}
          key={round}
          label="Company"
          required
          value={company}
          onChange={setCompany}
          className="min-w-0 sm:flex-1"
        />
        <Button type="submit" disabled={grant.isPending || !email.trim() || !company}>
          Grant access
        </Button>
      </div>
    </form>
  );
}
