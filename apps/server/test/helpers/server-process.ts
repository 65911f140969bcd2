import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { waitFor } from './wait-for.ts';

const serverDir = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  output: () => string;
  url: string;
  exited: Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/**
 * Starts `node src/main.ts` — exactly what `npm start` runs after building the web app — with `env` on top of a
 * clean environment, and waits until it prints its URL (or exits).
 */
export const startServerProcess = async (
  env: Record<string, string>,
  script = 'src/main.ts',
  started: RegExp = /Tessera is running at/,
): Promise<ServerProcess> => {
  let out = '';
  const child = spawn(process.execPath, [script], {
    cwd: serverDir,
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'production',
      LOG_FORMAT: 'json',
      SEED_DEMO: 'true',
      JWT_SECRET: 'process-test-secret-long-enough-for-hs256',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  let done = false;
  void exited.then(() => {
    done = true;
  });
  await waitFor(() => done || started.test(out), 60_000);
  const port = env.PORT ?? '3000';
  return {
    child,
    output: () => out,
    url: `http://127.0.0.1:${port}`,
    exited,
    stop: async (signal = 'SIGTERM') => {
      if (!done) child.kill(signal);
      return exited;
    },
  };
};

/** Lines of the JSON log whose `msg` is `msg`. */
export const logLines = (output: string, msg?: string): Record<string, unknown>[] =>
  output
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Record<string, unknown>)
    .filter((l) => msg === undefined || l.msg === msg);

/** A port the OS just handed out as free (listen on 0, read it, close): no collisions between parallel tests. */
export const freePort = (): Promise<string> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(String(port)));
    });
  });
