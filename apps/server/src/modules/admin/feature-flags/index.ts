import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { Database } from '../../../platform/db/index.ts';
import { registerFeatureGate } from '../../../platform/http/feature-gate.ts';
import { createFeatureFlags, type FeatureFlags } from './feature-flags.service.ts';
import { FlagCache } from './flag-cache.ts';

/**
 * The app's feature flags: starts the cache's listener, enforces `config.feature` on every route (404 when
 * off) and closes the listener with the app. Returns the checker for jobs and consumers.
 */
export const registerFeatureFlags = async (
  app: FastifyInstance,
  deps: { database: Database; log: Logger },
): Promise<FeatureFlags> => {
  const cache = new FlagCache();
  await cache.start(deps.database, deps.log);
  app.addHook('onClose', async () => cache.stop());
  const flags = createFeatureFlags(deps.database, cache);
  registerFeatureGate(app, (req, feature) =>
    flags.isOn(req.auth?.tenantId ?? '', req.auth?.userId ?? null, feature, req.arrivedAt),
  );
  return flags;
};

export { featureFlagRoutes } from './feature-flags.routes.ts';
export type { FeatureFlags } from './feature-flags.service.ts';
