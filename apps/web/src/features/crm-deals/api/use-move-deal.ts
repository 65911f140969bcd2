import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage } from '../../../lib/api-error';
import { showToast } from '../../../stores/toast-store';
import { type Board, type BoardDeal, moveOnBoard, replaceOnBoard } from './board';
import type { BoardPeriod } from './board-period';
import { dealRecords } from './deals';
import { boardQueryKey } from './get-board';
import { type DealMove, moveDeal } from './move-deal';

/**
 * Moves a card optimistically: the board changes at once; on any error (409 stale version, refused
 * transition, network) the card goes back and a toast says why. The board is refetched afterwards.
 */
export function useMoveDeal(pipelineId: string, period: BoardPeriod) {
  const queryClient = useQueryClient();
  const key = boardQueryKey(pipelineId, period);
  return useMutation({
    mutationFn: ({ deal, move }: { deal: BoardDeal; move: DealMove }) => moveDeal(deal, move),
    onMutate: async ({ deal, move }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Board>(key);
      if (previous) queryClient.setQueryData<Board>(key, moveOnBoard(previous, deal, move.stageId));
      return { previous };
    },
    onError: (error, { deal }, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
      showToast(`“${deal.title}” was not moved: ${errorMessage(error)}`, 'danger');
    },
    onSuccess: (saved) => {
      queryClient.setQueryData<Board>(key, (board) => (board ? replaceOnBoard(board, saved) : board));
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: dealRecords.key }),
  });
}
