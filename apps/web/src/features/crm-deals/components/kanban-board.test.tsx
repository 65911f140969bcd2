import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Toaster } from '../../../components/ui/toaster';
import { makeDeal, pipeline, stageIds } from '../../../test/crm-fixtures';
import { envelope, errorResponse, stubApi } from '../../../test/fake-fetch';
import { makeMe } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { KanbanBoard } from './kanban-board';

const deal = makeDeal(1, stageIds[0], { version: 4 });
const other = makeDeal(2, stageIds[1]);
const withDeals = (deals: (typeof deal)[]) => ({
  pipeline,
  stages: pipeline.stages.map((stage) => {
    const inStage = deals.filter((d) => d.stageId === stage.id);
    return { ...stage, count: inStage.length, deals: inStage };
  }),
});
const board = withDeals([deal, other]);
const boardPath = `GET /api/v1/pipelines/${pipeline.id}/board`;
const stagePath = `POST /api/v1/deals/${deal.id}/stage`;

function setup(stageReply: () => Response | Promise<Response>, current: () => unknown = () => board) {
  const api = stubApi({ [boardPath]: () => envelope(current()), [stagePath]: stageReply });
  renderWithProviders(
    <>
      <KanbanBoard pipeline={pipeline} period="30d" ownerName={() => 'Me'} />
      <Toaster />
    </>,
    { path: '/deals', me: makeMe() },
  );
  return api;
}

const cardsIn = (stage: string) =>
  within(screen.getByTestId(`stage-${stage}`))
    .queryAllByTestId('deal-card')
    .map((card) => card.querySelector('p')?.textContent);

/** A DataTransfer stand-in (jsdom has none). */
function fakeDataTransfer() {
  const data = new Map<string, string>();
  return {
    get types() {
      return [...data.keys()];
    },
    setData: (type: string, value: string) => data.set(type, value),
    getData: (type: string) => data.get(type) ?? '',
    effectAllowed: 'all',
    dropEffect: 'none',
  };
}

describe('kanban board', () => {
  it('moves a card at once and rolls it back with a toast when the server answers 409', async () => {
    let answer: (response: Response) => void = () => {};
    const api = setup(() => new Promise<Response>((resolve) => (answer = resolve)));
    await screen.findByText('Deal 1');
    expect(cardsIn('Qualification')).toEqual(['Deal 1']);

    fireEvent.click(screen.getByRole('button', { name: 'Move Deal 1 to…' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Move to Proposal' }));
    await waitFor(() => expect(cardsIn('Proposal')).toEqual(['Deal 1', 'Deal 2']));
    expect(cardsIn('Qualification')).toEqual([]);
    await waitFor(() => expect(api.calls(stagePath)).toHaveLength(1));
    expect(api.calls(stagePath)[0]?.body).toEqual({ stageId: stageIds[1], version: 4 });

    await act(async () =>
      answer(errorResponse('CONFLICT', 409, { message: 'The deal was changed by someone else.' })),
    );
    await waitFor(() => expect(cardsIn('Qualification')).toEqual(['Deal 1']));
    expect(cardsIn('Proposal')).toEqual(['Deal 2']);
    expect((await screen.findByTestId('toast')).textContent).toContain(
      'The deal was changed by someone else.',
    );
  });

  it('drops a dragged card on another stage (native drag and drop)', async () => {
    const moved = { ...deal, stageId: stageIds[1], version: 5 };
    let server = board;
    const api = setup(
      () => {
        // The server's board after the move (the page refetches it).
        server = withDeals([moved, other]);
        return envelope(moved);
      },
      () => server,
    );
    const card = (await screen.findByText('Deal 1')).closest('li') as HTMLElement;
    const dataTransfer = fakeDataTransfer();
    fireEvent.dragStart(card, { dataTransfer });
    fireEvent.dragOver(screen.getByTestId('stage-Proposal'), { dataTransfer });
    fireEvent.drop(screen.getByTestId('stage-Proposal'), { dataTransfer });
    await waitFor(() => expect(cardsIn('Proposal')).toEqual(['Deal 1', 'Deal 2']));
    await waitFor(() => expect(api.calls(stagePath)[0]?.body).toEqual({ stageId: stageIds[1], version: 4 }));
    await waitFor(() => expect(api.calls(boardPath).length).toBeGreaterThan(1));
    expect(cardsIn('Proposal')).toEqual(['Deal 1', 'Deal 2']);
    expect(cardsIn('Qualification')).toEqual([]);
  });

  it('asks for the reason before moving a card to a lost stage', async () => {
    const lostPath = `POST /api/v1/deals/${deal.id}/lost`;
    const api = stubApi({ [boardPath]: envelope(board), [lostPath]: envelope({ ...deal, status: 'lost' }) });
    renderWithProviders(<KanbanBoard pipeline={pipeline} period="30d" ownerName={() => 'Me'} />, {
      me: makeMe(),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Move Deal 1 to…' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Move to Lost' }));
    const dialog = screen.getByRole('dialog', { name: 'Mark deal as lost' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mark as lost' }));
    expect(await within(dialog).findByText('Say why the deal was lost')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Reason'), { target: { value: 'Budget cut' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mark as lost' }));
    await waitFor(() => expect(api.calls(lostPath)[0]?.body).toEqual({ reason: 'Budget cut', version: 4 }));
  });

  it('keeps a card marked won on the board, under Won (asks first); the closed column collapses', async () => {
    const wonPath = `POST /api/v1/deals/${deal.id}/won`;
    const closed = { ...deal, stageId: stageIds[2], status: 'won' as const, version: 5 };
    let server = board;
    const api = stubApi({
      [boardPath]: () => envelope(server),
      [wonPath]: () => {
        server = withDeals([closed, other]);
        return envelope(closed);
      },
    });
    renderWithProviders(<KanbanBoard pipeline={pipeline} period="month" ownerName={() => 'Me'} />, {
      me: makeMe(),
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Move Deal 1 to…' }));
    fireEvent.click(screen.getByRole('menuitem', { name: 'Move to Won' }));
    const dialog = screen.getByRole('dialog', { name: 'Mark deal as won' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Mark as won' }));
    await waitFor(() => expect(api.calls(wonPath)[0]?.body).toEqual({ version: 4 }));
    await waitFor(() => expect(api.calls(boardPath).length).toBeGreaterThan(1));
    expect(cardsIn('Won')).toEqual(['Deal 1']);
    expect(within(screen.getByTestId('stage-Won')).getByTestId('stage-count').textContent).toBe('1');
    // The board asks for the period's closed deals.
    expect(api.calls(boardPath)[0]?.url.search).toMatch(/closedFrom=\d{4}-\d{2}-\d{2}T/);

    fireEvent.click(screen.getByRole('button', { name: 'Collapse Won' }));
    expect(cardsIn('Won')).toEqual([]);
    expect(screen.getByText('1 closed deal hidden')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Expand Won' }));
    expect(cardsIn('Won')).toEqual(['Deal 1']);
  });
});
