import { permissions } from '@tessera/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { envelope, errorResponse, jsonResponse, stubApi } from '../../../test/fake-fetch';
import { makeMe } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { DocumentsLibraryPage } from './documents-library-page';

const LIST = 'GET /api/v1/documents';
const LEAD = '11111111-1111-4111-8111-111111111111';
const at = '2026-12-05T06:00:00.000Z';
const photo = {
  id: '22222222-2222-4222-8222-222222222222',
  recordType: 'lead',
  recordId: LEAD,
  name: 'roof.png',
  current: {
    id: '33333333-3333-4333-8333-333333333333',
    number: 1,
    fileName: 'roof.png',
    sizeBytes: 2048,
    contentType: 'image/png',
    sha256: 'a'.repeat(64),
    uploadedBy: null,
    uploadedAt: at,
  },
  versionCount: 1,
  createdAt: at,
  updatedAt: at,
  createdBy: null,
  version: 1,
  deletedAt: null,
  record: { type: 'lead', id: LEAD, label: 'Lead', name: 'Ada Lovelace', url: `/leads/${LEAD}` },
};
const list = (items: unknown[]) =>
  jsonResponse({
    success: true,
    data: items,
    pagination: { limit: 25, nextCursor: null, hasMore: false, total: items.length },
  });
const render = (path = '/documents') =>
  renderWithProviders(<DocumentsLibraryPage directory={{ people: [], isLoading: false, error: null }} />, {
    path,
    me: makeMe(permissions as never),
  });

describe('documents library page', () => {
  it('says so when there are no files at all', async () => {
    stubApi({ [LIST]: list([]) });
    render();
    expect(await screen.findByText('No files yet')).toBeTruthy();
  });

  it('shows the error with a retry when the list fails', async () => {
    stubApi({ [LIST]: errorResponse('INTERNAL', 500, { message: 'The server had a problem' }) });
    render();
    expect(await screen.findByText('The server had a problem')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('sends search and filters from the URL, links each row to its record and opens the preview', async () => {
    const api = stubApi({
      [LIST]: list([photo]),
      [`POST /api/v1/documents/${photo.id}/versions/${photo.current.id}/link`]: envelope({
        url: '/api/v1/files/p?s=1',
        expiresAt: at,
      }),
    });
    render('/documents?q=roof&family=image&recordType=lead');
    const grid = await screen.findByRole('table', { name: 'Documents' });
    const link = await within(grid).findByRole('link', { name: 'Lead · Ada Lovelace' });
    expect(link.getAttribute('href')).toBe(`/leads/${LEAD}`);
    const query = api.calls(LIST)[0]?.url.searchParams;
    expect(query?.get('q')).toBe('roof');
    expect(query?.get('family')).toBe('image');
    expect(query?.get('recordType')).toBe('lead');
    expect(query?.get('sort')).toBe('-createdAt');
    fireEvent.click(within(grid).getByRole('button', { name: 'Preview roof.png' }));
    const dialog = await screen.findByRole('dialog', { name: 'roof.png' });
    const images = await within(dialog).findAllByRole('img', { name: 'Preview of roof.png' });
    expect(images[0]?.getAttribute('src')).toBe('/api/v1/files/p?s=1');
    expect(within(dialog).getByRole('button', { name: 'Download' })).toBeTruthy();
    expect(within(dialog).getByRole('link', { name: 'Lead · Ada Lovelace' })).toBeTruthy();
  });
});
