import { sql } from 'drizzle-orm';
import { registerOnboardingStep } from '../../platform/onboarding/index.ts';
import { deals } from './deals/deals.tables.ts';
import { importJobs } from './imports/imports.tables.ts';

/** The CRM's first-run steps: bring the leads in, and put a first deal on the pipeline. */
export const registerCrmOnboarding = () => {
  registerOnboardingStep({
    id: 'import-leads',
    label: 'Import your leads',
    description: 'Upload a CSV file from your spreadsheet or old CRM; duplicates are found for you.',
    href: '/leads',
    permission: 'leads.import',
    feature: 'crm',
    done: (tenantId) =>
      sql<boolean>`exists (select 1 from ${importJobs} where ${importJobs.tenantId} = ${tenantId}
        and ${importJobs.entity} = 'leads' and not ${importJobs.dryRun})`,
    order: 30,
  });
  registerOnboardingStep({
    id: 'create-deal',
    label: 'Create your first deal',
    description: 'Follow it through the pipeline stages to won; the stages can be changed in settings.',
    href: '/deals',
    permission: 'deals.create',
    feature: 'crm',
    done: (tenantId) => sql<boolean>`exists (select 1 from ${deals} where ${deals.tenantId} = ${tenantId})`,
    order: 40,
  });
};
