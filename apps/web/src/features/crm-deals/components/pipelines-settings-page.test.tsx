import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { listBody, makeDeal, pipeline, stageIds } from '../../../test/crm-fixtures';
import { envelope, errorResponse, jsonResponse, stubApi } from '../../../test/fake-fetch';
import { makeMe } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { PipelinesSettingsPage } from './pipelines-settings-page';

const patchPath = `PATCH /api/v1/pipelines/${pipeline.id}`;

function setup(extra = {}) {
  const api = stubApi({
    'GET /api/v1/pipelines': jsonResponse(listBody([pipeline])),
    [patchPath]: envelope({ ...pipeline, version: 2 }),
    ...extra,
  });
  renderWithProviders(<PipelinesSettingsPage />, { path: '/settings/pipelines', me: makeMe() });
  return api;
}

const rows = () => screen.getAllByTestId('stage-row');
const names = () => rows().map((row) => (within(row).getByLabelText('Stage name') as HTMLInputElement).value);

describe('pipelines settings', () => {
  it('renames, changes a probability, reorders, adds a stage and saves them with the version read', async () => {
    const api = setup();
    await screen.findAllByTestId('stage-row');
    expect(names()).toEqual(['Qualification', 'Proposal', 'Won', 'Lost']);
    const proposal = rows()[1] as HTMLElement;
    fireEvent.change(within(proposal).getByLabelText('Stage name'), { target: { value: 'Quote sent' } });
    fireEvent.change(within(proposal).getByLabelText('Probability (%)'), { target: { value: '60' } });
    fireEvent.click(screen.getByRole('button', { name: 'Move Quote sent up' }));
    expect(names()).toEqual(['Quote sent', 'Qualification', 'Won', 'Lost']);
    fireEvent.click(screen.getByRole('button', { name: 'Add stage' }));
    expect(names()).toEqual(['Quote sent', 'Qualification', '', 'Won', 'Lost']);
    fireEvent.change(within(rows()[2] as HTMLElement).getByLabelText('Stage name'), {
      target: { value: 'Negotiation' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save pipeline' }));
    await waitFor(() => expect(api.calls(patchPath)).toHaveLength(1));
    expect(api.calls(patchPath)[0]?.body).toEqual({
      name: 'Sales',
      isDefault: true,
      version: 1,
      stages: [
        { id: stageIds[1], name: 'Quote sent', probability: 60, kind: 'open' },
        { id: stageIds[0], name: 'Qualification', probability: 10, kind: 'open' },
        { name: 'Negotiation', probability: 50, kind: 'open' },
        { id: stageIds[2], name: 'Won', probability: 100, kind: 'won' },
        { id: stageIds[3], name: 'Lost', probability: 0, kind: 'lost' },
      ],
    });
  });

  it('sends nothing while a probability is out of range; shows a refused save', async () => {
    const api = setup({
      [patchPath]: errorResponse('CONFLICT', 409, { message: 'Changed by someone else' }),
    });
    await screen.findAllByTestId('stage-row');
    fireEvent.change(within(rows()[0] as HTMLElement).getByLabelText('Probability (%)'), {
      target: { value: '120' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save pipeline' }));
    expect(await screen.findByText(/Stage 1: probability must be 0–100/)).toBeTruthy();
    expect(api.calls(patchPath)).toHaveLength(0);
    fireEvent.change(within(rows()[0] as HTMLElement).getByLabelText('Probability (%)'), {
      target: { value: '20' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save pipeline' }));
    expect(await screen.findByText('Changed by someone else')).toBeTruthy();
  });

  it('removes a stage with deals after moving them to the chosen stage', async () => {
    const deals = [makeDeal(1, stageIds[1], { version: 3 }), makeDeal(2, stageIds[1])];
    const api = setup({
      'GET /api/v1/deals': jsonResponse(listBody(deals)),
      [`POST /api/v1/deals/${deals[0]?.id}/stage`]: envelope(deals[0]),
      [`POST /api/v1/deals/${deals[1]?.id}/stage`]: envelope(deals[1]),
    });
    await screen.findAllByTestId('stage-row');
    fireEvent.click(screen.getByRole('button', { name: 'Remove Proposal' }));
    const dialog = screen.getByRole('dialog', { name: 'Remove Proposal' });
    expect(await within(dialog).findByText(/2 deals are in this stage/)).toBeTruthy();
    expect((within(dialog).getByLabelText('Move its deals to') as HTMLSelectElement).value).toBe(stageIds[0]);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move deals and remove' }));
    await waitFor(() => expect(api.calls(patchPath)).toHaveLength(1));
    expect(api.calls('GET /api/v1/deals')[0]?.url.searchParams.get('stageId')).toBe(stageIds[1]);
    for (const deal of deals)
      expect(api.calls(`POST /api/v1/deals/${deal.id}/stage`)[0]?.body).toEqual({ stageId: stageIds[0] });
    const body = api.calls(patchPath)[0]?.body as { stages: { id?: string }[] };
    expect(body.stages.map((stage) => stage.id)).toEqual([stageIds[0], stageIds[2], stageIds[3]]);
  });
});
