import type { FastifyInstance, FastifyRequest } from 'fastify';
import { AppError } from './app-error.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The feature flag this route belongs to: when it is off for the caller's tenant the route answers 404. */
    feature?: string;
  }
}

/**
 * Puts every route registered later in this (encapsulated) plugin behind `feature`, unless the route names
 * its own. A module calls it first thing in its routes plugin: `featureScope(app, 'crm')`.
 */
export const featureScope = (app: FastifyInstance, feature: string) => {
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, feature: route.config?.feature ?? feature };
  });
};

/** Whether `feature` is on for the caller of `req` (its tenant, and its role when the flag names roles). */
export type FeatureCheck = (req: FastifyRequest, feature: string) => Promise<boolean>;

/**
 * The one hook that enforces `config.feature`: 404 (as if the route did not exist) when the flag is off for
 * the signed-in caller. Public routes (no caller yet) are checked by their own service.
 */
export const registerFeatureGate = (app: FastifyInstance, isOn: FeatureCheck) => {
  app.addHook('preValidation', async (req) => {
    const feature = req.routeOptions.config.feature;
    if (feature === undefined || !req.auth) return;
    // The same answer as a route that does not exist.
    if (!(await isOn(req, feature)))
      throw new AppError('NOT_FOUND', `No route ${req.method} ${req.url.split('?')[0]}`);
  });
};
