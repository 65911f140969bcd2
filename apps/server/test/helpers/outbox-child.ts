// A real process for the kill -9 tests (test/process/outbox-crash.test.ts): the platform's outbox and dispatcher
// on a real database, driven by OUTBOX_MODE, reporting on stdout. Not part of the application.
import pino from 'pino';
import { migrate, openDatabase, withTenant } from '../../src/platform/db/index.ts';
import { createEventDispatcher, emit } from '../../src/platform/events/index.ts';
import { makeTenant } from '../../src/seed/factories.ts';
import { probeConsumer } from './event-probe.ts';

const env = process.env;
const log = pino({ level: 'silent' });
const database = env.DATABASE_URL
  ? await openDatabase({ kind: 'postgres', url: env.DATABASE_URL, poolMax: 3, queryTimeoutMs: 30_000, log })
  : await openDatabase({ kind: 'pglite', dataDir: env.DATA_DIR as string, log });
await migrate(database, log);

const say = (line: string) => process.stdout.write(`${line}\n`);
const forever = () => new Promise<never>(() => setInterval(() => {}, 60_000));
const emitOne = async () => {
  const tenant = await makeTenant(database);
  return withTenant(database, tenant.id, (tx) =>
    emit(tx, { tenantId: tenant.id }, 'lead.created', {
      leadId: crypto.randomUUID(),
      ownerId: null,
      status: 'new',
    }),
  );
};

const mode = env.OUTBOX_MODE;
if (mode === 'commit-then-hang') {
  // Committed, and never dispatched by this process.
  say(`committed ${await emitOne()}`);
  await forever();
} else if (mode === 'hang-in-delivery') {
  // Committed, the dispatcher has started delivering it and hangs inside the consumer.
  const dispatcher = createEventDispatcher({
    database,
    log,
    consumers: [
      probeConsumer('crash', async (event) => {
        say(`delivering ${event.id}`);
        await forever();
      }),
    ],
  });
  await dispatcher.start();
  say(`committed ${await emitOne()}`);
  await forever();
} else {
  // Restart: dispatch whatever is in the outbox, report each delivery, stop cleanly on SIGTERM.
  const dispatcher = createEventDispatcher({
    database,
    log,
    consumers: [
      probeConsumer('crash', (event) => {
        say(`delivered ${event.id}`);
      }),
    ],
  });
  await dispatcher.start();
  process.on('SIGTERM', () => {
    void dispatcher
      .stop()
      .then(() => database.close())
      .then(() => process.exit(0));
  });
  say('dispatching');
}
