import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type Activity, type ActivityCreateInput, activitySchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { TIMELINE_QUERY_KEY } from '../../../lib/records/query-keys';

/** `POST /api/v1/activities`: a call, meeting, e-mail or note on a lead, contact, company or deal. */
export function createActivity(input: ActivityCreateInput): Promise<Activity> {
  return api.post(v1('activities'), input, { schema: activitySchema });
}

export function useCreateActivity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createActivity,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: TIMELINE_QUERY_KEY }),
  });
}
