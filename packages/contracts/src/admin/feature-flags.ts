import { z } from 'zod';
import { isoDateTime, uuid } from '../primitives.ts';

/**
 * Every feature flag: one per module (on unless a tenant turns it off). Reserved names for modules still being
 * built are listed now so their routes and navigation can be gated the day they land.
 */
export const featureFlagCatalog = {
  crm: { label: 'CRM', description: 'Leads, contacts, companies, deals, activities and tasks' },
  integrations: { label: 'Integrations', description: 'Outgoing webhooks and inbound lead capture' },
  notifications: { label: 'Notifications', description: 'In-app notifications and e-mail digests' },
  sales: { label: 'Sales', description: 'Products, quotes, invoices and payments' },
  scheduling: { label: 'Scheduling', description: 'Calendars, appointments and availability' },
  field: { label: 'Field service', description: 'Jobs, dispatch and crews' },
  documents: { label: 'Documents', description: 'Files, templates and signatures' },
  work: { label: 'Work', description: 'Projects, timesheets and expenses' },
  reporting: { label: 'Reporting', description: 'KPIs, dashboards and scheduled reports' },
} as const satisfies Record<string, { label: string; description: string }>;

export type FeatureFlagKey = keyof typeof featureFlagCatalog;
export const featureFlagKeys = Object.keys(featureFlagCatalog) as [FeatureFlagKey, ...FeatureFlagKey[]];
export const isFeatureFlagKey = (v: string): v is FeatureFlagKey => v in featureFlagCatalog;

export const featureFlagSchema = z.object({
  key: z.enum(featureFlagKeys),
  label: z.string(),
  description: z.string(),
  enabled: z.boolean().describe('The tenant-wide switch'),
  roleIds: z.array(uuid).describe('Non-empty: on only for members of these roles'),
  on: z.boolean().describe('Whether the flag is on for the caller'),
  version: z.number().int().min(0).describe('0 while the tenant never changed it (the default applies)'),
  updatedAt: isoDateTime.nullable(),
});
export type FeatureFlag = z.infer<typeof featureFlagSchema>;

export const featureFlagParams = z.strictObject({ key: z.enum(featureFlagKeys) });
export const featureFlagUpdateInput = z.strictObject({
  enabled: z.boolean(),
  roleIds: z.array(uuid).max(100).default([]),
  version: z.number().int().min(0),
});
export type FeatureFlagUpdateInput = z.input<typeof featureFlagUpdateInput>;
