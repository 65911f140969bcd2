import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { buildApp, identityDeps } from '../src/app.ts';
import { createGeneratedTenant, generateData } from '../src/seed/generate.ts';
import { startBareServer } from './bare-server.ts';
import { type BenchEnv, fmt } from './bench-env.ts';
import { measureScenarios, type ScenarioResult } from './lead-load.ts';
import { leadSamples } from './lead-samples.ts';
import { leadScenarios } from './lead-scenarios.ts';

// One size of the lead benchmark: a generated tenant with `size` leads, the app on a loopback port, the bare
// server, the scenarios under load; the tenant is removed at the end unless `keep`.

export const runSize = async (
  env: BenchEnv,
  size: number,
  options: { duration: number; warmup: number; connectionCounts: number[]; keep: boolean },
): Promise<{ generation: object; results: ScenarioResult[] }> => {
  const { config, jwtSecret, database, log } = env;
  console.log(`\n=== ${fmt(size)} leads ===`);
  const deps = identityDeps({ config, jwtSecret, database });
  const tenant = await createGeneratedTenant(deps, { name: `Bench ${fmt(size)}`, agents: 5 });
  const started = performance.now();
  const tables = await generateData(
    database,
    tenant.tenantId,
    { leads: size },
    {
      onBatch: ({ done, total, elapsedMs }) =>
        process.stdout.write(
          `\r  generating: ${fmt(done)}/${fmt(total)} (${fmt(done / (elapsedMs / 1000))} rows/s)   `,
        ),
    },
  );
  const genMs = performance.now() - started;
  const leadsMs = tables.find((t) => t.table === 'leads')?.ms ?? genMs;
  console.log(
    `\n  generated ${fmt(size)} leads in ${(genMs / 1000).toFixed(1)} s (${fmt(size / (leadsMs / 1000))} rows/s inserting, then VACUUM ANALYZE)`,
  );

  const app = await buildApp({ config, jwtSecret, database, log, jobsState: () => 'disabled' });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const appUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  const bareServers: { close(): Promise<void> }[] = [];
  try {
    const tokenRes = await fetch(`${appUrl}/api/v1/auth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: tenant.email, password: tenant.password }),
    });
    if (!tokenRes.ok) throw new Error(`token failed: ${tokenRes.status} ${await tokenRes.text()}`);
    const token = ((await tokenRes.json()) as { data: { accessToken: string } }).data.accessToken;
    const headers = { authorization: `Bearer ${token}` };

    const samples = await leadSamples(database, tenant.tenantId, size, appUrl, headers);
    const { scenarios, createScript } = await leadScenarios(env, tenant, samples);
    const createScriptFile = join(tmpdir(), `tessera-bench-create-${process.pid}.sql`);
    const bare = await startBareServer(
      env.connectionString,
      config.DATABASE_POOL_MAX,
      {
        tenantId: tenant.tenantId,
        userId: tenant.ownerId,
      },
      scenarios.map((s) => s.bare),
    );
    bareServers.push(bare);

    const results = await measureScenarios(
      env,
      scenarios,
      { size, tenantId: tenant.tenantId, appUrl, headers, bareUrl: bare.url, createScript, createScriptFile },
      options,
    );
    console.log(`  pgbench script of one create (as run): ${createScriptFile}`);
    return {
      generation: {
        leads: size,
        seconds: genMs / 1000,
        insertRowsPerSecond: size / (leadsMs / 1000),
        tables,
      },
      results,
    };
  } finally {
    for (const b of bareServers) await b.close();
    await app.close();
    if (!options.keep) {
      const t0 = performance.now();
      await database.db.execute(sql`delete from tenants where id = ${tenant.tenantId}`);
      await database.db.execute(sql`delete from users where id in ${tenant.memberIds}`);
      // The creates' Idempotency-Keys (app, bare route and pgbench all claim keys in the owner's scope).
      await database.db.execute(
        sql`delete from idempotency_keys where scope = ${`t:${tenant.tenantId}:u:${tenant.ownerId}`}`,
      );
      console.log(
        `  removed the bench tenant in ${((performance.now() - t0) / 1000).toFixed(1)} s (--keep keeps it)`,
      );
    } else {
      console.log(`  kept tenant ${tenant.tenantId}: sign in as ${tenant.email} / ${tenant.password}`);
    }
  }
};
