import { CSRF_HEADER } from '@tessera/contracts';
import { describe, expect, it, vi } from 'vitest';
import { useSessionStore } from '../stores/session-store';
import { createTestClient, envelope, errorResponse, stubApi } from '../test/fake-fetch';
import { makeAuthSession } from '../test/fixtures';

const unauthenticated = () => errorResponse('UNAUTHENTICATED', 401);

describe('api client: CSRF header', () => {
  it('sends x-csrf-token from the session store on state-changing requests only', async () => {
    useSessionStore.getState().setCsrfToken('csrf-1');
    const api = stubApi({
      'GET /api/v1/things': envelope([]),
      'POST /api/v1/things': envelope({}, 201),
      'PATCH /api/v1/things': envelope({}),
      'DELETE /api/v1/things': envelope(null),
    });
    const { client } = createTestClient();
    await client.get('/api/v1/things');
    await client.post('/api/v1/things', {});
    await client.patch('/api/v1/things', {});
    await client.delete('/api/v1/things');
    const sent = api.requests.map((r) => [r.method, r.headers.get(CSRF_HEADER)]);
    expect(sent).toEqual([
      ['GET', null],
      ['POST', 'csrf-1'],
      ['PATCH', 'csrf-1'],
      ['DELETE', 'csrf-1'],
    ]);
  });

  it('sends a raw text/csv body when asked to', async () => {
    const api = stubApi({ 'POST /api/v1/members/import': envelope({}) });
    await createTestClient().client.post('/api/v1/members/import', 'email,name,role\n', {
      contentType: 'text/csv',
    });
    expect(api.requests[0]?.headers.get('content-type')).toBe('text/csv');
    expect(api.requests[0]?.body).toBe('email,name,role\n');
  });
});

describe('api client: session refresh', () => {
  it('refreshes once for concurrent 401s, then retries each request with the new CSRF token', async () => {
    useSessionStore.getState().setCsrfToken('old');
    let refreshed = false;
    const api = stubApi({
      'POST /api/v1/auth/refresh': () => {
        refreshed = true;
        return envelope(makeAuthSession('new'));
      },
      'GET /api/v1/a': () => (refreshed ? envelope('a') : unauthenticated()),
      'POST /api/v1/b': () => (refreshed ? envelope('b') : unauthenticated()),
    });
    const { client } = createTestClient();
    const results = await Promise.all([client.get('/api/v1/a'), client.post('/api/v1/b', { x: 1 })]);
    expect(results).toEqual(['a', 'b']);
    expect(api.calls('POST /api/v1/auth/refresh')).toHaveLength(1);
    const retriedPost = api.calls('POST /api/v1/b').at(-1);
    expect(retriedPost?.headers.get(CSRF_HEADER)).toBe('new');
    const [firstPost] = api.calls('POST /api/v1/b');
    expect(retriedPost?.headers.get('idempotency-key')).toBe(firstPost?.headers.get('idempotency-key'));
    expect(useSessionStore.getState().csrfToken).toBe('new');
  });

  it('retries only once: a second 401 after a refresh is thrown', async () => {
    const api = stubApi({
      'POST /api/v1/auth/refresh': envelope(makeAuthSession()),
      'GET /api/v1/a': unauthenticated(),
    });
    await expect(createTestClient().client.get('/api/v1/a')).rejects.toMatchObject({ status: 401 });
    expect(api.calls('GET /api/v1/a')).toHaveLength(2);
    expect(api.calls('POST /api/v1/auth/refresh')).toHaveLength(1);
    expect(useSessionStore.getState().expired).toBe(false);
  });

  it('expires the session (login redirect) when the refresh is refused', async () => {
    useSessionStore.getState().setCsrfToken('old');
    stubApi({ 'POST /api/v1/auth/refresh': unauthenticated(), 'GET /api/v1/a': unauthenticated() });
    await expect(createTestClient().client.get('/api/v1/a')).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
    });
    expect(useSessionStore.getState()).toMatchObject({ expired: true, csrfToken: null });
  });

  it('lets GET /auth/me opt out of the redirect', async () => {
    const onSessionExpired = vi.fn();
    stubApi({ 'POST /api/v1/auth/refresh': unauthenticated(), 'GET /api/v1/auth/me': unauthenticated() });
    const { client } = createTestClient({ onSessionExpired });
    await expect(client.get('/api/v1/auth/me', { skipAuthRedirect: true })).rejects.toMatchObject({
      status: 401,
    });
    expect(onSessionExpired).not.toHaveBeenCalled();
  });

  it('never refreshes for the auth endpoints themselves (wrong password is just an error)', async () => {
    const api = stubApi({ 'POST /api/v1/auth/login': unauthenticated() });
    await expect(
      createTestClient().client.post('/api/v1/auth/login', { email: 'a@b.c', password: 'x' }),
    ).rejects.toMatchObject({ status: 401 });
    expect(api.calls('POST /api/v1/auth/refresh')).toHaveLength(0);
    expect(useSessionStore.getState().expired).toBe(false);
  });

  it('keeps the session when the refresh fails for lack of network', async () => {
    const onSessionExpired = vi.fn();
    stubApi({
      'POST /api/v1/auth/refresh': () => {
        throw new TypeError('Failed to fetch');
      },
      'GET /api/v1/a': unauthenticated(),
    });
    const { client } = createTestClient({ onSessionExpired, retries: 0 });
    await expect(client.get('/api/v1/a')).rejects.toMatchObject({ code: 'NETWORK_ERROR' });
    expect(onSessionExpired).not.toHaveBeenCalled();
  });
});
