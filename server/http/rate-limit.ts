// In-memory rate limits (rate-limiter-flexible; its Redis store is the path past one node).
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { CommandError } from "../commands/errors";

export class Limiter {
  private readonly limiter: RateLimiterMemory;
  constructor(points: number, durationSeconds: number) {
    this.limiter = new RateLimiterMemory({ points, duration: durationSeconds });
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
