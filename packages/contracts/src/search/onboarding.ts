import { z } from 'zod';

/** One step of the first-run checklist, registered by the module that owns it. */
export const onboardingStepSchema = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
  /** The web app's path where the step is done. */
  href: z.string(),
  done: z.boolean(),
});
export type OnboardingStep = z.infer<typeof onboardingStepSchema>;

/** `GET /api/v1/onboarding`: the steps the caller may do (by permission and feature) and whether they dismissed it. */
export const onboardingSchema = z.object({
  steps: z.array(onboardingStepSchema),
  dismissed: z.boolean(),
});
export type Onboarding = z.infer<typeof onboardingSchema>;

/** `PATCH /api/v1/onboarding`: hide the checklist for the caller (or show it again). */
export const onboardingUpdateInput = z.strictObject({ dismissed: z.boolean() });
export type OnboardingUpdateInput = z.infer<typeof onboardingUpdateInput>;
