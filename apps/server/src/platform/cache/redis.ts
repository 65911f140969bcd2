import { Redis } from 'ioredis';

/**
 * The process's Redis connection (REDIS_URL), for state several instances must share: rate-limit counters today
 * (ADR 0011). Commands wait for the connection instead of failing at once while it (re)connects; a request whose
 * counter cannot be read fails rather than skipping the limit.
 */
export const createRedis = (url: string): Redis =>
  new Redis(url, {
    // Fastify's rate limiter defines its Lua command on this connection.
    maxRetriesPerRequest: 3,
    enableOfflineQueue: true,
    connectTimeout: 5_000,
  });
