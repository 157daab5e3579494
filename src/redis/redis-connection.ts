import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { Redis } from 'ioredis';
import { EnvironmentVariables } from '../config/env.js';

/**
 * The connection to Redis when `REDIS_URL` is set (several instances serving one convention):
 * socket.io's adapter publishes on it, the rate limits count on it, health pings it. Without
 * `REDIS_URL`, `client` is null and the process keeps all of that in its own memory.
 */
@Injectable()
export class RedisConnection implements OnApplicationShutdown {
  private readonly logger = new Logger(RedisConnection.name);
  readonly client: Redis | null;

  constructor(env: EnvironmentVariables) {
    this.client = env.REDIS_URL ? RedisConnection.open(env.REDIS_URL) : null;
    this.client?.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message}`));
  }

  /**
   * A command waits for a connection at most one reconnection attempt and fails after that (it does
   * not queue for ever while Redis is down); reconnections go on in the background, every 2 s at most.
   */
  static open(url: string): Redis {
    return new Redis(url, {
      connectTimeout: 2000,
      maxRetriesPerRequest: 1,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2000),
    });
  }

  /** 'ok', 'down' (no answer within a second), or 'not used' without REDIS_URL. */
  async status(): Promise<'ok' | 'down' | 'not used'> {
    if (!this.client) return 'not used';
    const client = this.client;
    try {
      const answer = await Promise.race([
        client.ping(),
        new Promise<never>((_, reject) =>
          setTimeout(() => reject(new Error('timeout')), 1000).unref(),
        ),
      ]);
      return answer === 'PONG' ? 'ok' : 'down';
    } catch {
      return 'down';
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.client) await closeRedis(this.client);
  }
}

/**
 * Says goodbye to Redis when connected; otherwise drops the connection at once (QUIT would wait in
 * the offline queue for a Redis that may not come back, and shutdown with it).
 */
export async function closeRedis(client: Redis): Promise<void> {
  if (client.status !== 'ready') {
    client.disconnect();
    return;
  }
  await client.quit().catch(() => client.disconnect());
}
