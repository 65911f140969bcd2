import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';

let t: TestApp;
let release: () => void = () => {};
let started: () => void = () => {};
const inFlight = new Promise<void>((resolve) => {
  started = resolve;
});

const slowRoute = async (app: FastifyInstance) => {
  app.get('/api/v1/_probe/slow', { config: { access: 'public' } }, async () => {
    started();
    await new Promise<void>((resolve) => {
      release = resolve;
    });
    return { success: true, data: 'finished' };
  });
};

beforeAll(async () => {
  t = await createTestApp({ plugins: [slowRoute] });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
});
afterAll(() => t.drop());

describe('graceful close (what main.ts does on SIGTERM)', () => {
  it('finishes the in-flight request, then refuses new connections', async () => {
    const { port } = t.app.server.address() as { port: number };
    const base = `http://127.0.0.1:${port}`;
    const pending = fetch(`${base}/api/v1/_probe/slow`);
    await inFlight;
    const closing = t.app.close();
    await new Promise((r) => setTimeout(r, 50));
    release();
    const res = await pending;
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ success: true, data: 'finished' });
    await closing;
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
  });
});
