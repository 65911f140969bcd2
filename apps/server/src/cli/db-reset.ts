import { rmSync } from 'node:fs';
import { identityDeps } from '../app.ts';
import { describeDatabase, loadConfigOrExit, openConfiguredDatabase } from '../boot.ts';
import { resolveJwtSecret } from '../config/index.ts';
import { migrate } from '../platform/db/index.ts';
import { createLogger } from '../platform/observability/logger.ts';
import { seedDemo } from '../seed/demo-seed.ts';

// npm run db:reset -- --yes — deletes ALL data, re-applies migrations and the demo seed.
const config = loadConfigOrExit();
if (!process.argv.includes('--yes')) {
  console.error(
    `This deletes every row in ${describeDatabase(config)}.\nRun again with --yes to confirm: npm run db:reset -- --yes`,
  );
  process.exit(1);
}
if (config.NODE_ENV === 'production' && !process.argv.includes('--production')) {
  console.error('Refusing to reset a production database without --production as well.');
  process.exit(1);
}
const log = createLogger(config);
if (!config.DATABASE_URL) rmSync(config.dataDir, { recursive: true, force: true });
const database = await openConfiguredDatabase(config, log);
try {
  if (config.DATABASE_URL) {
    await database.withSession((s) =>
      s.query('drop schema if exists pgboss cascade; drop schema public cascade; create schema public;'),
    );
  }
  await migrate(database, log);
  const demo = await seedDemo(identityDeps({ config, jwtSecret: resolveJwtSecret(config), database }));
  console.log(`Reset ${describeDatabase(config)}; demo sign-in: ${demo.email} / ${demo.password}`);
  for (const m of demo.members) console.log(`  ${m.role}: ${m.email} / ${demo.password}`);
} finally {
  await database.close();
}
