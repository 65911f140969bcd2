import { type Deal, type Pipeline, pipelineBoardSchema } from '@tessera/contracts';

/** A deal on the board. */
export type BoardDeal = Deal;

/**
 * A stage column: the stage, its deals (open ones; in won / lost stages those closed in the board's period)
 * and the server's count / total of all of them.
 */
export type BoardStage = Pipeline['stages'][number] & {
  deals: BoardDeal[];
  count?: number;
  amountCents?: number;
};

/** The kanban's data: the pipeline's stages in order, each with its deals. */
export interface Board {
  stages: BoardStage[];
}

/** `GET /pipelines/:id/board` (`pipelineBoardSchema`) → `Board`, stages in their position order. */
export function parseBoard(data: unknown): Board {
  const board = pipelineBoardSchema.parse(data);
  return { stages: [...board.stages].sort((a, b) => a.position - b.position) };
}

/** Count and total of a stage after deals moved in or out (the server's figures, adjusted). */
function withDeals(stage: BoardStage, deals: BoardDeal[]): BoardStage {
  const delta = deals.length - stage.deals.length;
  const sum = (list: BoardDeal[]) => list.reduce((total, deal) => total + (deal.amountCents ?? 0), 0);
  return {
    ...stage,
    deals,
    ...(stage.count === undefined ? {} : { count: stage.count + delta }),
    ...(stage.amountCents === undefined
      ? {}
      : { amountCents: stage.amountCents + sum(deals) - sum(stage.deals) }),
  };
}

/**
 * The board with `deal` taken out of its stage and put first in `stageId` (an optimistic move); its status
 * follows the stage's kind, as the server's does.
 */
export function moveOnBoard(board: Board, deal: BoardDeal, stageId: string): Board {
  const kind = board.stages.find((stage) => stage.id === stageId)?.kind ?? 'open';
  const moved: BoardDeal = { ...deal, stageId, status: kind };
  return {
    stages: board.stages.map((stage) => {
      const rest = stage.deals.filter((item) => item.id !== deal.id);
      return withDeals(stage, stage.id === stageId ? [moved, ...rest] : rest);
    }),
  };
}

/** The board with the server's copy of a deal (new version) in place. */
export function replaceOnBoard(board: Board, deal: BoardDeal): Board {
  return {
    stages: board.stages.map((stage) => ({
      ...stage,
      deals: stage.deals.map((item) => (item.id === deal.id ? { ...item, ...deal } : item)),
    })),
  };
}
