import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { Config } from '../../config/index.ts';

/** OpenAPI 3.1 generated from the routes' Zod contracts: `/api/openapi.json` and a browsable `/api/docs`. */
export const registerOpenApi = async (app: FastifyInstance, config: Config) => {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Tessera API',
        version: config.version,
        description:
          'Multi-tenant CRM and business operations. Every response is an envelope: ' +
          '`{ success: true, data, pagination? }` or `{ success: false, error: { code, message, details?, requestId } }`.',
      },
      servers: [],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
    hideUntagged: false,
  });
  // `staticCSP`: the page gets a CSP with hashes of its own inline code and no 'unsafe-inline'. The standalone
  // layout's top bar renders Swagger's logo as an SVG with an inline <style> element, which that CSP blocks (a
  // console error on every visit); the base layout has no top bar, so nothing on the page breaks the policy.
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: true,
    uiConfig: { layout: 'BaseLayout', deepLinking: true },
  });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());
};
