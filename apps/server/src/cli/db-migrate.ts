import { describeDatabase, loadConfigOrExit, openConfiguredDatabase } from '../boot.ts';
import { migrate } from '../platform/db/index.ts';
import { createLogger } from '../platform/observability/logger.ts';

// npm run db:migrate — applies pending migrations (the server also does this at start-up).
const config = loadConfigOrExit();
const log = createLogger(config);
const database = await openConfiguredDatabase(config, log);
try {
  const status = await migrate(database, log);
  console.log(
    `${describeDatabase(config)}: ${status.applied}/${status.expected} migrations applied (latest ${status.latest})`,
  );
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
} finally {
  await database.close();
}
