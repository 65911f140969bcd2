import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type OnboardingUpdateInput, onboardingSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';

export const ONBOARDING_QUERY_KEY = ['onboarding'] as const;
const PATH = v1('onboarding');

/** `GET /api/v1/onboarding`: the first-run checklist (only asked for by members with `settings.manage`). */
export function useOnboarding(enabled: boolean) {
  return useQuery({
    queryKey: ONBOARDING_QUERY_KEY,
    queryFn: ({ signal }) => api.get(PATH, { schema: onboardingSchema, signal }),
    enabled,
    staleTime: 30_000,
  });
}

/** `PATCH /api/v1/onboarding`: hide (or show again) the checklist for me. */
export function useUpdateOnboarding() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OnboardingUpdateInput) => api.patch(PATH, input, { schema: onboardingSchema }),
    onSuccess: (onboarding) => queryClient.setQueryData(ONBOARDING_QUERY_KEY, onboarding),
  });
}
