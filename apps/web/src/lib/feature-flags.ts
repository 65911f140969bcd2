import { queryOptions, useQuery } from '@tanstack/react-query';
import { type FeatureFlagKey, featureFlagSchema } from '@tessera/contracts';
import { useMemo } from 'react';
import { z } from 'zod';
import { api } from './api-client';
import { v1 } from './endpoints';

export const FEATURE_FLAGS_QUERY_KEY = ['feature-flags'] as const;
export const FEATURE_FLAGS_PATH = v1('feature-flags');

export function featureFlagsQueryOptions() {
  return queryOptions({
    queryKey: FEATURE_FLAGS_QUERY_KEY,
    queryFn: ({ signal }) => api.get(FEATURE_FLAGS_PATH, { schema: z.array(featureFlagSchema), signal }),
    staleTime: 60_000,
  });
}

export function useFeatureFlags() {
  return useQuery(featureFlagsQueryOptions());
}

/**
 * The features that are off for the signed-in member (empty while loading: the server still answers 404
 * for what is off, the web app only hides it).
 */
export function useFeaturesOff(): ReadonlySet<FeatureFlagKey> {
  const { data } = useFeatureFlags();
  return useMemo(() => new Set(data?.filter((f) => !f.on).map((f) => f.key) ?? []), [data]);
}

/** The feature each client route belongs to (its navigation entry is hidden when the feature is off). */
export const ROUTE_FEATURES: Readonly<Record<string, FeatureFlagKey>> = {
  '/leads': 'crm',
  '/contacts': 'crm',
  '/companies': 'crm',
  '/deals': 'crm',
  '/tasks': 'crm',
  '/settings/pipelines': 'crm',
  '/settings/webhooks': 'integrations',
  '/quotes': 'sales',
  '/invoices': 'sales',
  '/projects': 'work',
  '/timesheet': 'work',
  '/expenses': 'work',
  '/approvals': 'work',
  '/scheduling': 'scheduling',
  '/jobs': 'field',
  '/dispatch': 'field',
  '/documents': 'documents',
  '/reports': 'reporting',
};

/** False when `path`'s feature is off. */
export function featureVisible(path: string, off: ReadonlySet<FeatureFlagKey>): boolean {
  const feature = ROUTE_FEATURES[path];
  return feature === undefined || !off.has(feature);
}
