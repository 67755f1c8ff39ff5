// One Redis connection per node when REDIS_URL is set: socket.io's streams adapter (it opens its own duplicates
// for blocking reads) and the shared rate limits use it. Without REDIS_URL nothing here runs.
import { createAdapter } from "@socket.io/redis-streams-adapter";
import { Redis } from "ioredis";
import { log } from "../log";

export interface RedisLink {
  client: Redis;
  /** Every key and stream this node writes starts with it, so servers sharing one Redis (tests) don't cross-talk. */
  prefix: string;
  /** Answers within a second or throws (health checks). */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Connects and waits until Redis answers, so a wrong REDIS_URL stops the start instead of failing later. */
export async function connectRedis(url: string, prefix: string): Promise<RedisLink> {
  // Commands wait in ioredis's queue while it reconnects; a request gives up after a few retries rather than hanging.
  const client = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3, connectTimeout: 5_000 });
  client.on("error", (err) => log.warn({ err: { message: err.message } }, "redis connection error"));
  try {
    await client.connect();
    await client.ping();
  } catch (e) {
    client.disconnect();
    throw new Error(`REDIS_URL: cannot reach Redis (${e instanceof Error ? e.message : String(e)})`);
  }
  return {
    client,
    prefix,
    ping: async () => {
      const answer = await Promise.race([client.ping(), new Promise<never>((_, reject) => setTimeout(() => reject(new Error("redis ping timed out")), 1_000))]);
      if (answer !== "PONG") throw new Error(`redis answered ${answer}`);
    },
    close: async () => {
      try {
        await client.quit();
      } catch {
        client.disconnect();
      }
    },
  };
}

/**
 * socket.io's Redis Streams adapter: broadcasts, fetchSockets (presence) and socketsLeave reach every node, and a
 * disconnected client's missed packets stay in the stream, so connection-state recovery works on whichever node
 * it reconnects to (the pub/sub adapter loses them).
 */
export function streamsAdapter(redis: RedisLink) {
  return createAdapter(redis.client, {
    streamName: `${redis.prefix}socket.io`,
    channelPrefix: `${redis.prefix}socket.io`,
    sessionKeyPrefix: `${redis.prefix}sio:session:`,
    // Enough for two minutes of a busy forum day (connection recovery reaches back that far).
    maxLen: 100_000,
  });
}
