import { permissions } from '@tessera/contracts';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { envelope, errorResponse, jsonResponse, stubApi } from '../../../test/fake-fetch';
import { makeMe } from '../../../test/fixtures';
import { renderWithProviders } from '../../../test/render';
import { DocumentsPanel } from './documents-panel';

const COMPANY = '11111111-1111-4111-8111-111111111111';
const LIST = `GET /api/v1/records/company/${COMPANY}/documents`;
const at = '2026-12-05T06:00:00.000Z';
const version = (id: string, number: number, fileName: string, contentType: string) => ({
  id,
  number,
  fileName,
  sizeBytes: 2048,
  contentType,
  sha256: 'a'.repeat(64),
  uploadedBy: null,
  uploadedAt: at,
});
const doc = (id: string, name: string, current: ReturnType<typeof version>, versionCount = 1) => ({
  id,
  recordType: 'company',
  recordId: COMPANY,
  name,
  current,
  versionCount,
  createdAt: at,
  updatedAt: at,
  createdBy: null,
  version: versionCount,
  deletedAt: null,
});
const photo = doc(
  '22222222-2222-4222-8222-222222222222',
  'roof.png',
  version('33333333-3333-4333-8333-333333333333', 1, 'roof.png', 'image/png'),
);
const call = doc(
  '44444444-4444-4444-8444-444444444444',
  'visit.mp3',
  version('55555555-5555-4555-8555-555555555555', 2, 'visit.mp3', 'audio/mpeg'),
  2,
);
const list = (items: unknown[]) =>
  jsonResponse({ success: true, data: items, pagination: { limit: 100, nextCursor: null, hasMore: false } });
const render = (perms: readonly string[] = permissions) =>
  renderWithProviders(<DocumentsPanel type="company" id={COMPANY} />, {
    path: `/companies/${COMPANY}`,
    me: makeMe(perms as never),
  });

describe('documents panel', () => {
  it('says so when a record has no files yet', async () => {
    stubApi({ [LIST]: list([]) });
    render();
    expect(await screen.findByText(/No files yet/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Upload file' })).toBeTruthy();
  });

  it('shows an image thumbnail and an audio player through signed links, versions on demand, and deletes with the version', async () => {
    const api = stubApi({
      [LIST]: list([photo, call]),
      [`POST /api/v1/documents/${photo.id}/versions/${photo.current.id}/link`]: envelope({
        url: '/api/v1/files/p?s=1',
        expiresAt: at,
      }),
      [`POST /api/v1/documents/${call.id}/versions/${call.current.id}/link`]: envelope({
        url: '/api/v1/files/c?s=1',
        expiresAt: at,
      }),
      [`GET /api/v1/documents/${call.id}/versions`]: envelope([
        call.current,
        version('66666666-6666-4666-8666-666666666666', 1, 'first.mp3', 'audio/mpeg'),
      ]),
      [`DELETE /api/v1/documents/${photo.id}`]: envelope({ id: photo.id }),
    });
    render();
    const img = (await screen.findByRole('img', { name: 'Preview of roof.png' })) as HTMLImageElement;
    expect(img.getAttribute('src')).toBe('/api/v1/files/p?s=1');
    expect((await screen.findByLabelText('Play visit.mp3')).getAttribute('src')).toBe('/api/v1/files/c?s=1');
    fireEvent.click(screen.getByRole('button', { name: '2 versions' }));
    const versions = await screen.findByRole('list', { name: 'Versions of visit.mp3' });
    expect(within(versions).getByRole('button', { name: 'Download v1' })).toBeTruthy();
    const row = screen.getByText('roof.png', { selector: 'p' }).closest('li') as HTMLElement;
    fireEvent.click(within(row).getByRole('button', { name: 'Delete' }));
    fireEvent.click(within(await screen.findByRole('dialog')).getByRole('button', { name: 'Delete' }));
    await screen.findByText('roof.png', { selector: 'p' });
    await expect.poll(() => api.calls(`DELETE /api/v1/documents/${photo.id}`).length).toBe(1);
    expect(api.calls(`DELETE /api/v1/documents/${photo.id}`)[0]?.body).toEqual({ version: 1 });
  });

  it('shows the error with a retry when the list fails', async () => {
    stubApi({ [LIST]: errorResponse('NOT_FOUND', 404, { message: 'Company not found' }) });
    render();
    expect(await screen.findByText('Company not found')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });

  it('is hidden without documents.view, and read-only without documents.manage', async () => {
    stubApi({ [LIST]: list([photo]) });
    const { unmount } = render(['companies.view']);
    expect(screen.queryByText('Files')).toBeNull();
    unmount();
    render(['companies.view', 'documents.view']);
    expect(await screen.findByText('roof.png', { selector: 'p' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Upload file' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Delete' })).toBeNull();
  });
});
