import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';

// A fresh, empty PGlite cluster (the result of its in-WebAssembly initdb, before any migration), kept as a
// tarball so that opening a new embedded data directory loads it (~3 s) instead of running initdb again
// (~8 s, most of a first start). Made by `npm install` (postinstall) or the first caller that wants one;
// keyed by the PGlite version, so an upgrade makes a new one. Removing it only makes the next first start slow.

// createRequire, not import.meta.resolve: Vitest's module runner does not support the latter.
const pgliteRoot = dirname(dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite')));
const pgliteVersion = (
  JSON.parse(readFileSync(join(pgliteRoot, 'package.json'), 'utf8')) as { version: string }
).version;

/** `<repo>/node_modules/.cache/tessera/pglite-<version>-cluster.tar.gz` (next to the PGlite it was made by). */
export const clusterCacheFile = join(
  dirname(dirname(pgliteRoot)),
  '.cache',
  'tessera',
  `pglite-${pgliteVersion}-cluster.tar.gz`,
);

/** The cached empty cluster, if there is one. */
export const cachedCluster = (): Blob | undefined =>
  existsSync(clusterCacheFile) ? new Blob([readFileSync(clusterCacheFile)]) : undefined;

/** A data directory that holds no cluster yet (PGlite would run initdb in it). */
export const holdsNoCluster = (dataDir: string) => !existsSync(join(dataDir, 'PG_VERSION'));

/** Makes the cache (a fresh in-memory cluster, dumped); a no-op when it exists. Returns the file. */
export const ensureClusterCache = async (): Promise<string> => {
  if (existsSync(clusterCacheFile)) return clusterCacheFile;
  const pglite = await PGlite.create();
  try {
    const dump = await pglite.dumpDataDir('gzip');
    mkdirSync(dirname(clusterCacheFile), { recursive: true });
    // Written aside and renamed: a concurrent reader never sees half a file.
    const partial = `${clusterCacheFile}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, clusterCacheFile);
  } finally {
    await pglite.close();
  }
  return clusterCacheFile;
};
