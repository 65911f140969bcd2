import type { FastifyInstance } from 'fastify';

const VERSION = /^(?:W\/)?"?(\d{1,9})"?$/;

/**
 * Optimistic concurrency via `If-Match`: on PATCH/PUT a numeric `If-Match: "3"` becomes `version: 3` in the
 * body when the body does not carry one, so either way works and the contract's `version` field checks it.
 */
export const registerIfMatch = (app: FastifyInstance) => {
  app.addHook('preValidation', async (req) => {
    if (req.method !== 'PATCH' && req.method !== 'PUT') return;
    const header = req.headers['if-match'];
    const match = typeof header === 'string' ? VERSION.exec(header.trim()) : null;
    if (!match) return;
    const body = req.body;
    if (body && typeof body === 'object' && !Array.isArray(body) && !('version' in body)) {
      (body as Record<string, unknown>).version = Number(match[1]);
    }
  });
};
