import { loadConfigOrExit, openConfiguredDatabase } from '../boot.ts';
import { migrate } from '../platform/db/index.ts';
import { createLogger } from '../platform/observability/logger.ts';
import { seedDemo } from '../seed/demo-seed.ts';

// npm run db:seed — creates the demo tenant if it does not exist (never touches other data).
const config = loadConfigOrExit();
const log = createLogger(config);
const database = await openConfiguredDatabase(config, log);
try {
  await migrate(database, log);
  const { tenant, created } = await seedDemo(database);
  console.log(
    created
      ? `Demo tenant created: ${tenant.name} (${tenant.slug})`
      : `Demo tenant already there: ${tenant.name}`,
  );
} finally {
  await database.close();
}
