// `npm install` runs this (postinstall): prepares the empty embedded-database cluster that makes a first
// `npm start` skip PGlite's initdb (platform/db/pglite-cluster-cache.ts). Never fails the install.
import { ensureClusterCache } from '../platform/db/pglite-cluster-cache.ts';

const started = performance.now();
try {
  const file = await ensureClusterCache();
  console.warn(`embedded database cluster ready in ${Math.round(performance.now() - started)} ms: ${file}`);
} catch (err) {
  console.warn(`embedded database cluster not prepared (the first start will make it): ${String(err)}`);
}
