import { type FormEvent, useState } from 'react';
import { useCompanyOptions } from '../../../components/records/use-company-options';
import { ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { SelectField, TextField } from '../../../components/ui/form-field';
import { showToast } from '../../../stores/toast-store';
import { useGrantPortalAccess } from '../api/portal-access';

/** "Grant access": an e-mail and a company (the first companies by name; the server checks both). */
export function GrantPortalAccessForm() {
  const grant = useGrantPortalAccess();
  const companies = useCompanyOptions();
  const [email, setEmail] = useState('');
  const [companyId, setCompanyId] = useState('');
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    grant.mutate(
      { email: email.trim(), companyId },
      {
        onSuccess: (access) => {
          showToast(`${access.email} can now see ${access.companyName} in the portal`, 'success');
          setEmail('');
          setCompanyId('');
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
      {companies.query.error ? (
        <ErrorAlert error={companies.query.error} onRetry={() => void companies.query.refetch()} />
      ) : null}
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
        <SelectField
          label="Company"
          required
          value={companyId}
          onChange={(e) => setCompanyId(e.target.value)}
          options={companies.options ?? []}
          placeholder={
            companies.options === null
              ? 'No permission to list companies'
              : companies.query.isPending
                ? 'Loading companies…'
                : 'Choose a company'
          }
          disabled={!companies.options?.length}
          fieldClassName="min-w-0 sm:flex-1"
        />
        <Button type="submit" disabled={grant.isPending || !email.trim() || !companyId}>
          Grant access
        </Button>
      </div>
    </form>
  );
}
