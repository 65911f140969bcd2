import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { SAVED_VIEWS_QUERY_KEY } from './list-saved-views';

/** `DELETE /api/v1/saved-views/:id`. */
export function deleteSavedView(id: string): Promise<unknown> {
  return api.delete(v1(`saved-views/${encodeURIComponent(id)}`));
}

export function useDeleteSavedView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSavedView,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SAVED_VIEWS_QUERY_KEY }),
  });
}
