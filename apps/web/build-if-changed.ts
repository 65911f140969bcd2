// Builds the web app only when its inputs changed since the last build (`npm start` runs this first, inside
// the server process).
// Inputs: apps/web sources and config, the shared contracts it imports from source, and the lockfile.
// The hash of the inputs is stored in dist/.build-hash next to the build it describes.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const web = fileURLToPath(new URL('.', import.meta.url));
const root = join(web, '..', '..');
const dist = join(web, 'dist');
const hashFile = join(dist, '.build-hash');
const inputs = [
  join(web, 'src'),
  join(web, 'public'),
  join(web, 'index.html'),
  join(web, 'vite.config.ts'),
  join(web, 'tsconfig.json'),
  join(web, 'package.json'),
  join(root, 'packages', 'contracts', 'src'),
  join(root, 'package-lock.json'),
];

const files = (path: string): string[] => {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .filter((e) => e.name !== 'node_modules' && !e.name.endsWith('.test.ts') && !e.name.endsWith('.test.tsx'))
    .flatMap((e) => files(join(path, e.name)));
};

const hashOfInputs = () => {
  const hash = createHash('sha256');
  for (const file of inputs.flatMap(files).sort()) {
    hash.update(relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
};

/**
 * Builds the web app unless `dist/` was built from exactly the current inputs. `npm start` runs it inside the
 * server process (`main.ts --build-web-if-changed`: no separate node start); `node apps/web/build-if-changed.ts`
 * runs it alone. Throws when the build fails.
 */
export const buildWebIfChanged = (): void => {
  const started = performance.now();
  const wanted = hashOfInputs();
  const built = existsSync(hashFile) ? readFileSync(hashFile, 'utf8').trim() : '';
  if (built === wanted && existsSync(join(dist, 'index.html'))) {
    console.warn(
      `web app unchanged (checked in ${Math.round(performance.now() - started)} ms): not rebuilding`,
    );
    return;
  }
  console.warn(built ? 'web app sources changed: building' : 'web app not built yet: building');
  const result = spawnSync('npm', ['run', 'build', '--workspace', 'apps/web'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0)
    throw new Error(`the web app build failed (exit ${result.status ?? result.signal})`);
  writeFileSync(hashFile, `${wanted}\n`);
};

if (import.meta.main) {
  try {
    buildWebIfChanged();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
