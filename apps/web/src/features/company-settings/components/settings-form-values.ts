import type { TenantSettingsDto } from '@tessera/contracts';

/** The form's values: strings for the inputs, turned into the PATCH body by `toSettingsInput`. */
export interface SettingsFormValues extends Record<string, unknown> {
  companyName: string;
  logo: string;
  primaryColor: string;
  accentColor: string;
  currency: string;
  timezone: string;
  locale: string;
  taxRatePercent: string;
  pricesIncludeTax: boolean;
  taxId: string;
  fiscalYearStartMonth: string;
}

export const toFormValues = (s: TenantSettingsDto): SettingsFormValues => ({
  companyName: s.companyName ?? '',
  logo: s.logo ?? '',
  primaryColor: s.primaryColor ?? '',
  accentColor: s.accentColor ?? '',
  currency: s.currency,
  timezone: s.timezone,
  locale: s.locale,
  taxRatePercent: String(s.taxRateBasisPoints / 100),
  pricesIncludeTax: s.pricesIncludeTax,
  taxId: s.taxId ?? '',
  fiscalYearStartMonth: String(s.fiscalYearStartMonth),
});

const orNull = (v: string) => (v.trim() === '' ? null : v);

/** The PATCH body; the percentage becomes basis points (19.5 → 1950; text that is not a number stays NaN). */
export const toSettingsInput = (v: SettingsFormValues, version: number) => ({
  companyName: orNull(v.companyName),
  logo: orNull(v.logo),
  primaryColor: orNull(v.primaryColor),
  accentColor: orNull(v.accentColor),
  currency: v.currency,
  timezone: v.timezone,
  locale: v.locale.trim(),
  taxRateBasisPoints: v.taxRatePercent.trim() === '' ? 0 : Math.round(Number(v.taxRatePercent) * 100),
  pricesIncludeTax: v.pricesIncludeTax,
  taxId: orNull(v.taxId),
  fiscalYearStartMonth: Number(v.fiscalYearStartMonth),
  version,
});
