import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import { Redis } from 'ioredis';
import type { AppConfig } from '../config';

/**
 * Where the per-route rate limits (@fastify/rate-limit) count. One process: in its memory. Several
 * processes (REDIS_URL set): in Redis, so a limit of 10 a minute is 10 across all of them, not 10
 * per process. Sign-in limits are better-auth's and already live in the database.
 *
 * If Redis is unreachable the limits fail open (requests are served, the error is logged): a
 * Redis outage must not take the app down, and sign-in keeps its database-backed limit.
 */
export function rateLimitOptions(app: FastifyInstance, config: AppConfig): RateLimitPluginOptions {
  if (!config.redisUrl) return { global: false };
  const redis = new Redis(config.redisUrl, {
    connectTimeout: 1_000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: true,
    lazyConnect: false,
  });
  let warned = false;
  redis.on('error', (err) => {
    if (warned) return;
    warned = true;
    app.log.warn({ err }, 'Redis (rate limits) unreachable; limits fail open until it is back');
  });
  redis.on('ready', () => {
    warned = false;
  });
  app.addHook('onClose', async () => {
    await redis.quit().catch(() => redis.disconnect());
  });
  return { global: false, redis, nameSpace: 'handoff-rl:', skipOnError: true };
}
