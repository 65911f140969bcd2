import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type SavedView, type SavedViewCreateInput, savedViewSchema } from '@tessera/contracts';
import { api } from '../../../lib/api-client';
import { v1 } from '../../../lib/endpoints';
import { SAVED_VIEWS_QUERY_KEY } from './list-saved-views';

/** `POST /api/v1/saved-views`: the list's API query and visible columns under a name. */
export function saveView(input: SavedViewCreateInput): Promise<SavedView> {
  return api.post(v1('saved-views'), input, { schema: savedViewSchema });
}

export function useSaveView() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveView,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SAVED_VIEWS_QUERY_KEY }),
  });
}
