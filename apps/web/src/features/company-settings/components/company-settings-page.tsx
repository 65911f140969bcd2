import { LOGO_MAX_CHARS, type TenantSettingsDto, tenantSettingsUpdateInput } from '@tessera/contracts';
import { type ChangeEvent, useState } from 'react';
import { MutationError } from '../../../components/mutation-error';
import { Alert, ErrorAlert } from '../../../components/ui/alert';
import { Button } from '../../../components/ui/button';
import { FormField, SelectField, TextField } from '../../../components/ui/form-field';
import { PageHeader } from '../../../components/ui/page-header';
import { Skeleton } from '../../../components/ui/skeleton';
import { useDocumentTitle } from '../../../hooks/use-document-title';
import { usePermission } from '../../../hooks/use-permission';
import { useZodForm } from '../../../hooks/use-zod-form';
import { formatDate } from '../../../lib/format';
import { formatMoney } from '../../../lib/records/money';
import { useTenantSettings } from '../../../lib/tenant-settings';
import { useUpdateSettings } from '../api/update-settings';
import { AdminIpAllowlistSection } from './admin-ip-allowlist-section';
import { toFormValues, toSettingsInput } from './settings-form-values';

const MONTHS = Array.from({ length: 12 }, (_, i) => ({
  value: String(i + 1),
  label: new Intl.DateTimeFormat('en', { month: 'long' }).format(new Date(2000, i, 1)),
}));
const CURRENCIES = Intl.supportedValuesOf('currency').map((c) => ({ value: c, label: c }));
const TIME_ZONES = ['UTC', ...Intl.supportedValuesOf('timeZone')].map((z) => ({ value: z, label: z }));

/** `/settings/company`: branding, locale, currency, time zone, tax defaults and fiscal year. */
export function CompanySettingsPage() {
  useDocumentTitle('Company');
  const settings = useTenantSettings();
  if (settings.isPending) return <Skeleton className="h-96 w-full" />;
  if (settings.isError) return <ErrorAlert error={settings.error} onRetry={() => void settings.refetch()} />;
  return (
    <div className="space-y-8">
      <SettingsForm settings={settings.data} onReload={() => settings.refetch().then((r) => r.data)} />
      <AdminIpAllowlistSection />
    </div>
  );
}

function SettingsForm({
  settings,
  onReload,
}: {
  settings: TenantSettingsDto;
  onReload: () => Promise<TenantSettingsDto | undefined>;
}) {
  const canManage = usePermission('settings.manage');
  const update = useUpdateSettings();
  const [saved, setSaved] = useState(false);
  const form = useZodForm(tenantSettingsUpdateInput, toFormValues(settings), {
    toInput: (v) => toSettingsInput(v, settings.version),
  });
  const { values, setValue } = form;
  const readOnly = !canManage;

  const onLogo = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      const url = String(reader.result);
      if (url.length > LOGO_MAX_CHARS)
        form.setErrors({ logo: 'The logo is too large (at most about 100 KB)' });
      else setValue('logo', url);
    };
    reader.readAsDataURL(file);
  };

  const onSubmit = form.handleSubmit(async (input) => {
    setSaved(false);
    form.reset(toFormValues(await update.mutateAsync(input)));
    setSaved(true);
  });

  const color = (name: 'primaryColor' | 'accentColor', label: string) => (
    <FormField label={label} error={form.errors[name]}>
      {(control) => (
        <div className="flex items-center gap-2">
          <input
            {...control}
            type="color"
            disabled={readOnly}
            value={values[name] || '#4f46e5'}
            onChange={(e) => setValue(name, e.target.value)}
            className="h-10 w-14 cursor-pointer rounded-md border border-zinc-300 bg-white dark:border-zinc-700 dark:bg-zinc-900"
          />
          <code className="text-xs text-zinc-600 dark:text-zinc-400">{values[name] || 'default'}</code>
          {values[name] && !readOnly ? (
            <Button variant="ghost" size="sm" onClick={() => setValue(name, '')}>
              Reset
            </Button>
          ) : null}
        </div>
      )}
    </FormField>
  );

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-6" aria-label="Company settings">
      <PageHeader
        headingLevel={2}
        title="Company"
        description="Branding, formats and defaults every module uses (documents, reports, money and dates)."
      />
      {readOnly ? (
        <Alert tone="info">
          You can view these settings. Changing them needs the settings.manage permission.
        </Alert>
      ) : null}
      <MutationError
        error={form.formError}
        what="The settings"
        onReload={() => void onReload().then((fresh) => fresh && form.reset(toFormValues(fresh)))}
      />
      {saved ? <Alert tone="success">Settings saved.</Alert> : null}
      <section className="grid gap-4 md:grid-cols-2">
        <TextField label="Company name on documents" disabled={readOnly} {...form.field('companyName')} />
        <FormField label="Logo" error={form.errors.logo} hint="PNG, JPEG, WebP or GIF, at most about 100 KB.">
          {(control) => (
            <div className="flex items-center gap-3">
              {values.logo ? (
                <img src={values.logo} alt="Company logo" className="size-12 rounded border object-contain" />
              ) : null}
              <input
                {...control}
                type="file"
                accept="image/png,image/jpeg,image/webp,image/gif"
                disabled={readOnly}
                onChange={onLogo}
                className="text-sm"
              />
              {values.logo && !readOnly ? (
                <Button variant="ghost" size="sm" onClick={() => setValue('logo', '')}>
                  Remove
                </Button>
              ) : null}
            </div>
          )}
        </FormField>
        {color('primaryColor', 'Primary colour')}
        {color('accentColor', 'Accent colour')}
      </section>
      <section className="grid gap-4 md:grid-cols-3">
        <SelectField label="Currency" disabled={readOnly} options={CURRENCIES} {...form.field('currency')} />
        <SelectField label="Time zone" disabled={readOnly} options={TIME_ZONES} {...form.field('timezone')} />
        <TextField
          label="Locale"
          hint="e.g. en-US, de-DE, fr-CA"
          disabled={readOnly}
          {...form.field('locale')}
        />
      </section>
      <p className="text-sm text-zinc-600 dark:text-zinc-400" data-testid="format-preview">
        Preview: {formatMoney(123456789)} · {formatDate(new Date())}
      </p>
      <section className="grid gap-4 md:grid-cols-3">
        <TextField
          label="Default tax rate (%)"
          inputMode="decimal"
          disabled={readOnly}
          {...form.field('taxRatePercent')}
          error={form.errors.taxRatePercent ?? form.errors.taxRateBasisPoints}
        />
        <TextField label="Tax number" disabled={readOnly} {...form.field('taxId')} />
        <SelectField
          label="Fiscal year starts in"
          disabled={readOnly}
          options={MONTHS}
          {...form.field('fiscalYearStartMonth')}
        />
        <label className="flex items-center gap-2 text-sm md:col-span-3">
          <input
            type="checkbox"
            disabled={readOnly}
            checked={values.pricesIncludeTax}
            onChange={(e) => setValue('pricesIncludeTax', e.target.checked)}
          />
          Prices include tax
        </label>
      </section>
      {readOnly ? null : (
        <Button type="submit" disabled={form.submitting}>
          Save settings
        </Button>
      )}
    </form>
  );
}
