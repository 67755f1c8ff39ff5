// Rate limits (rate-limiter-flexible): in memory on one node; with REDIS_URL one store that every node counts in.
import type { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { CommandError } from "../commands/errors";

export interface SharedStore {
  client: Redis;
  /** Key prefix of this deployment (REDIS_PREFIX) plus the limiter's own name. */
  keyPrefix: string;
}

export class Limiter {
  private readonly limiter: RateLimiterAbstract;
  constructor(points: number, durationSeconds: number, shared?: SharedStore) {
    this.limiter = shared
      ? new RateLimiterRedis({
          storeClient: shared.client,
          keyPrefix: shared.keyPrefix,
          points,
          duration: durationSeconds,
          // Redis unreachable: each node counts alone for a while instead of refusing every request.
          rejectIfRedisNotReady: true,
          insuranceLimiter: new RateLimiterMemory({ points, duration: durationSeconds }),
        })
      : new RateLimiterMemory({ points, duration: durationSeconds });
  }

  /** Consumes one point for the key or throws a 429 CommandError saying how long to wait. */
  async take(key: string): Promise<void> {
    try {
      await this.limiter.consume(key);
    } catch (e) {
      if (e instanceof RateLimiterRes) {
        throw new CommandError("rate_limited", "error.rate_limited", { seconds: Math.max(1, Math.ceil(e.msBeforeNext / 1000)) });
      }
      throw e;
    }
  }

  async reset(key: string): Promise<void> {
    await this.limiter.delete(key);
  }
}
