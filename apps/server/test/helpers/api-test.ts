import { afterAll, beforeAll } from 'vitest';
import { createTestApp, type TestApp, type TestAppOptions } from './test-app.ts';

/**
 * The setup of an API test file: builds the real app on a fresh cloned database before the file's tests
 * (`createTestApp(options)` in a `beforeAll`) and closes it after them. Call it at the top level before the
 * file's own `beforeAll` (hooks run in order). The returned `TestApp` reads the app of the running file, so it
 * can be handed to helpers (`crmApi(t)`) at load time; touching it outside a hook or test throws.
 */
export const setupApiTest = (options: TestAppOptions = {}): TestApp => {
  let current: TestApp | undefined;
  beforeAll(async () => {
    current = await createTestApp(options);
  });
  afterAll(async () => {
    await current?.close();
    current = undefined;
  });
  return new Proxy({} as TestApp, {
    get: (_, key) => {
      if (!current) throw new Error('setupApiTest: the app exists only inside hooks and tests');
      return Reflect.get(current, key);
    },
  });
};
