import { afterEach, describe, expect, it } from 'vitest';
import { envelope, stubApi } from '../test/fake-fetch';
import { makeMe } from '../test/fixtures';
import { markSignedIn } from '../test/render-app';
import { getMe } from './use-me';

describe('getMe', () => {
  afterEach(() => {
    document.cookie = 'tessera_csrf=; path=/; max-age=0';
  });

  it('asks nothing on a first visit (no session cookie): no request that can only answer 401', async () => {
    const api = stubApi({ 'GET /api/v1/auth/me': envelope(makeMe()) });
    expect(await getMe()).toBeNull();
    expect(api.requests).toHaveLength(0);
  });

  it('asks the server when the browser holds a session cookie', async () => {
    const api = stubApi({ 'GET /api/v1/auth/me': envelope(makeMe()) });
    markSignedIn();
    expect((await getMe())?.user.email).toBe(makeMe().user.email);
    expect(api.calls('GET /api/v1/auth/me')).toHaveLength(1);
  });
});
