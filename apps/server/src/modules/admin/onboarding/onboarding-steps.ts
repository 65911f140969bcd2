import { sql } from 'drizzle-orm';
import { registerOnboardingStep } from '../../../platform/onboarding/index.ts';
import { tenantSettings } from '../tables.ts';

/** The admin module's first-run step: the company's own details (name, branding, currency…). */
export const registerAdminOnboarding = () => {
  registerOnboardingStep({
    id: 'company-settings',
    label: 'Add your company details',
    description: 'Name, logo, currency and time zone appear on quotes, invoices and e-mails.',
    href: '/settings/company',
    permission: 'settings.manage',
    done: (tenantId) =>
      sql<boolean>`exists (select 1 from ${tenantSettings} where ${tenantSettings.tenantId} = ${tenantId}
        and (${tenantSettings.companyName} is not null or ${tenantSettings.version} > 1))`,
    order: 10,
  });
};
