import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { adminQuery, databaseUrl } from '../helpers/postgres-admin.ts';
import { freePort, startServerProcess } from '../helpers/server-process.ts';
import { testDbKind } from '../helpers/test-database.ts';
import { waitFor } from '../helpers/wait-for.ts';

const TOKEN = 'process-metrics-token-0123456789';

describe('metrics, readiness and the event dispatcher in the server process', () => {
  it('is ready, dispatches the demo events in-process and serves metrics on METRICS_PORT', async () => {
    let env: Record<string, string>;
    let cleanup = async () => {};
    if (testDbKind() === 'postgres') {
      const admin = process.env.TEST_DATABASE_URL as string;
      const name = `tessera_m_${randomBytes(6).toString('hex')}`;
      await adminQuery(admin, `create database ${name}`);
      env = { DATABASE_URL: databaseUrl(admin, name) };
      cleanup = async () => {
        await adminQuery(admin, `drop database if exists ${name} with (force)`);
      };
    } else {
      env = { DATA_DIR: mkdtempSync(join(tmpdir(), 'tessera-metrics-')) };
    }
    const metricsPort = await freePort();
    const server = await startServerProcess({
      PORT: await freePort(),
      METRICS_PORT: metricsPort,
      METRICS_TOKEN: TOKEN,
      ...env,
    });
    try {
      const ready = await fetch(`${server.url}/api/health/ready`);
      expect(ready.status).toBe(200);
      const scrape = async () =>
        (
          await fetch(`http://127.0.0.1:${metricsPort}/metrics`, {
            headers: { authorization: `Bearer ${TOKEN}` },
          })
        ).text();
      // A lead created through the API: its events are delivered by this process's dispatcher.
      const token = await fetch(`${server.url}/api/v1/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'owner@demo.tessera.test', password: 'tessera-demo-2026' }),
      });
      const { accessToken } = ((await token.json()) as { data: { accessToken: string } }).data;
      const created = await fetch(`${server.url}/api/v1/leads`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${accessToken}` },
        body: JSON.stringify({ firstName: 'Process', lastName: 'Lead' }),
      });
      expect(created.status).toBe(201);
      const text = await waitFor(async () => {
        const body = await scrape();
        return /^tessera_outbox_backlog 0$/m.test(body) && /^tessera_leads_created_total [1-9]/m.test(body)
          ? body
          : '';
      }, 60_000);
      expect(text).toMatch(/^tessera_job_queue_jobs\{queue="mail.send",state="queued"\} \d+$/m);
      expect(text).toMatch(
        /^tessera_http_requests_total\{method="GET",route="\/api\/health\/ready",status_code="200"\} 1$/m,
      );
      expect(
        (await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } })).status,
      ).toBe(200);
      expect(await server.stop('SIGTERM')).toBe(0);
    } finally {
      await server.stop('SIGKILL');
      await cleanup();
    }
  }, 120_000);
});
