/**
 * The company's formatting defaults (tenant settings: locale, currency, time zone), read by `format.ts` and
 * `records/money.ts`. Undefined until the settings load: the browser's locale and time zone are used then.
 */
export interface TenantFormatting {
  locale?: string;
  currency?: string;
  timeZone?: string;
}

let current: TenantFormatting = {};

export function setTenantFormatting(next: TenantFormatting): void {
  current = { ...next };
}

export function tenantFormatting(): Readonly<TenantFormatting> {
  return current;
}
