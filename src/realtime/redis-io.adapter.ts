import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/redis-adapter';
import type { Redis } from 'ioredis';
import { closeRedis } from '../redis/redis-connection.js';
import type { Server, ServerOptions } from 'socket.io';

/**
 * socket.io through Redis pub/sub (`REDIS_URL`): an event emitted by any server process reaches
 * clients connected to any other, so the app can run as several processes behind a balancer. It
 * publishes on the app's connection (RedisConnection) and subscribes on a duplicate of its own.
 */
export class RedisIoAdapter extends IoAdapter {
  private readonly subscriber: Redis;

  constructor(
    app: INestApplicationContext,
    private readonly publisher: Redis,
  ) {
    super(app);
    // Subscriptions wait for Redis rather than fail, and are made again after a reconnection. The
    // connection is opened by the adapter's first subscription, which then waits for it to be ready:
    // sent during ioredis's handshake, it fails the ready check and the reconnection that follows
    // subscribes to nothing, so this instance never hears the others (redis/ioredis#2037).
    this.subscriber = publisher.duplicate({ maxRetriesPerRequest: null, lazyConnect: true });
    this.subscriber.on('error', () => undefined); // told once, by RedisConnection's own client
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options);
    server.adapter(createAdapter(this.publisher, this.subscriber));
    return server;
  }

  override async close(server: Server): Promise<void> {
    await super.close(server);
    await closeRedis(this.subscriber);
  }
}
