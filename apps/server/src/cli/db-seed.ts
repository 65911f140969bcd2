import { identityDeps } from '../app.ts';
import { loadConfigOrExit, openConfiguredDatabase } from '../boot.ts';
import { resolveJwtSecret } from '../config/index.ts';
import { migrate } from '../platform/db/index.ts';
import { createLogger } from '../platform/observability/logger.ts';
import { seedDemo } from '../seed/demo-seed.ts';

// npm run db:seed — creates the demo company and its owner if they do not exist (never touches other data).
const config = loadConfigOrExit();
const log = createLogger(config);
const database = await openConfiguredDatabase(config, log);
try {
  await migrate(database, log);
  const demo = await seedDemo(identityDeps({ config, jwtSecret: resolveJwtSecret(config), database }));
  console.log(
    `${demo.created ? 'Demo company created' : 'Demo company already there'}: sign in as ${demo.email} / ${demo.password}`,
  );
  for (const m of demo.members) console.log(`  ${m.role}: ${m.email} / ${demo.password}`);
} finally {
  await database.close();
}
