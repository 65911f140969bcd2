import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { healthSchema, successEnvelope } from '@tessera/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMigrations } from '../../src/platform/db/index.ts';
import { setupApiTest } from '../helpers/api-test.ts';
import { createTestApp, type TestApp } from '../helpers/test-app.ts';
import { testDbKind } from '../helpers/test-database.ts';

const dist = mkdtempSync(join(tmpdir(), 'tessera-web-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Tessera</title><div id="root"></div>');
writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1)');
// What the web build's precompress plugin writes next to each asset.
const script = 'export const answer = 42;\n'.repeat(100);
const style = 'body { color: black; }\n'.repeat(100);
for (const [name, text] of [
  ['main-def456.js', script],
  ['main-def456.css', style],
] as const) {
  writeFileSync(join(dist, 'assets', name), text);
  writeFileSync(join(dist, 'assets', `${name}.br`), brotliCompressSync(text));
  writeFileSync(join(dist, 'assets', `${name}.gz`), gzipSync(text));
}

const t = setupApiTest({ env: { WEB_DIST_DIR: dist }, jobsState: () => 'running' });

describe('health', () => {
  it('GET /api/health → 200 with database, version, uptime and migrations', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    const { data } = successEnvelope(healthSchema).parse(res.json());
    expect(data).toMatchObject({ status: 'ok', db: 'connected', dbKind: testDbKind(), jobs: 'running' });
    expect(data.migrations.applied).toBe(loadMigrations().length);
    expect(data.version).toMatch(/^\d+\.\d+\.\d+/);
  });
});

describe('web app', () => {
  it('serves index.html at / and for client-side routes', async () => {
    // A signed link (`<payload>.<HMAC in base64url>`) whose signature happens to hold no '-' or '_'.
    const quoteLink = `/q/AAECAwQFBgcICQ.${'x'.repeat(22)}`;
    for (const url of ['/', '/leads', '/settings/members?tab=1', quoteLink]) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.body).toContain('<div id="root">');
    }
  });

  it('serves hashed assets with a long cache', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toMatch(/immutable/);
  });

  it('sends the pre-compressed brotli / gzip file the browser accepts, with Vary and the real type', async () => {
    const get = (url: string, encoding?: string) =>
      t.app.inject({ method: 'GET', url, headers: encoding ? { 'accept-encoding': encoding } : {} });
    const br = await get('/assets/main-def456.js', 'gzip, deflate, br, zstd');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.rawPayload.length).toBeLessThan(script.length);

    const gz = await get('/assets/main-def456.css', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['content-type']).toMatch(/^text\/css/);
    expect(gz.headers.vary).toMatch(/accept-encoding/i);
    expect(gunzipSync(gz.rawPayload).toString()).toBe(style);

    // Without Accept-Encoding (or for a file without variants) the file itself, still marked as varying.
    const plain = await get('/assets/main-def456.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers.vary).toMatch(/accept-encoding/i);
    expect(plain.body).toBe(script);
    const small = await get('/assets/app-abc123.js', 'br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(small.body).toBe('console.log(1)');
  });

  it('a missing file is a 404, not the app', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/assets/missing.js' });
    expect(res.statusCode).toBe(404);
  });

  it('never answers an /api path with the app', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/leads-that-do-not-exist' });
    expect(res.statusCode).toBe(404);
    expect(res.json().success).toBe(false);
  });
});

describe('API reference', () => {
  it('GET /api/openapi.json is an OpenAPI 3.1 document with the health route', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.paths['/api/health'].get.responses['200']).toBeDefined();
  });

  it('shares record and error schemas as components instead of copying them into every operation', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const lead = doc.paths['/api/v1/leads/{id}'].get.responses;
    expect(lead['404'].content['application/json'].schema).toEqual({
      $ref: '#/components/schemas/ErrorEnvelope',
    });
    expect(lead['200'].content['application/json'].schema.properties.data).toEqual({
      $ref: '#/components/schemas/Lead',
    });
    expect(doc.components.schemas.Lead.properties.id).toBeDefined();
    expect(doc.components.schemas.ErrorEnvelope.properties.error).toBeDefined();
  });

  it('GET /api/docs serves the browsable reference', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toMatch(/swagger/i);
  });

  it('GET /api/docs keeps a strict CSP (no inline styles or scripts) and renders nothing that breaks it', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    const csp = String(res.headers['content-security-policy']);
    const directive = (name: string) => csp.split(';').find((d) => d.trim().startsWith(`${name} `)) ?? '';
    expect(directive('style-src')).not.toContain('unsafe-inline');
    expect(directive('script-src')).not.toContain('unsafe-inline');
    expect(res.body).not.toMatch(/<style|style="|<script>/);
    // The standalone layout's top bar renders an SVG logo with an inline <style>: the page uses the base layout.
    const init = await t.app.inject({ method: 'GET', url: '/api/docs/static/swagger-initializer.js' });
    expect(init.body).toContain('"layout":"BaseLayout"');
  });
});

describe('web app under the rate limit', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await createTestApp({
      env: { WEB_DIST_DIR: dist, RATE_LIMIT_MAX: '3', RATE_LIMIT_WINDOW_MS: '60000' },
    });
  });
  afterAll(() => limited.close());

  it('serves the app’s files past the limit (a page load fetches many chunks); unknown URLs still count', async () => {
    const get = (url: string) => limited.app.inject({ method: 'GET', url, remoteAddress: '10.7.7.7' });
    const assets: number[] = [];
    for (let i = 0; i < 10; i++)
      assets.push((await get(i % 2 ? '/assets/app-abc123.js' : '/assets/main-def456.css')).statusCode);
    expect(assets).toEqual(Array(10).fill(200));
    const probes: number[] = [];
    for (let i = 0; i < 5; i++) probes.push((await get('/missing.js')).statusCode);
    expect(probes.slice(0, 3)).toEqual([404, 404, 404]);
    expect(probes.at(-1)).toBe(429);
  });
});
