import type { Permission } from '@tessera/contracts';
import type { SQL } from 'drizzle-orm';

/**
 * One step of a new company's first-run checklist, registered by the module that owns what the step sets up
 * (identity: invite a member; CRM: import leads, create a deal). The admin module lists them on
 * `GET /api/v1/onboarding` for the members who may do them.
 */
export interface OnboardingStepDef {
  id: string;
  label: string;
  description: string;
  /** The web app's path where the step is done. */
  href: string;
  /** Who may do it; a member without it does not see the step. */
  permission: Permission;
  /** The owning module's feature flag (off → the step is hidden); none for the platform's own steps. */
  feature?: string;
  /** A boolean SQL expression, true once the step is done, read inside the tenant's transaction. */
  done: (tenantId: string) => SQL<boolean>;
  /** Steps are listed in this order (then by registration). */
  order?: number;
}

const STEPS = new Map<string, OnboardingStepDef>();

export const registerOnboardingStep = (step: OnboardingStepDef) => {
  if (STEPS.has(step.id)) throw new Error(`onboarding step ${step.id} registered twice`);
  STEPS.set(step.id, step);
};

export const registeredOnboardingSteps = () =>
  [...STEPS.values()].sort((a, b) => (a.order ?? 100) - (b.order ?? 100));
