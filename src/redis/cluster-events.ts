import { randomUUID } from 'node:crypto';
import { Injectable, Logger, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { EventEmitter2, OnEvent } from '@nestjs/event-emitter';
import type { Redis } from 'ioredis';
import { ProfilesChanged } from '../recommendations/profile.events.js';
import { closeRedis, RedisConnection } from './redis-connection.js';

const CHANNEL = 'coventis:events';

/** Marks an event that came from another instance, so it is not sent back out. */
const FROM_ANOTHER_INSTANCE = Symbol('from another instance');

/**
 * Domain events that keep an instance's own memory right, and so must reach every instance: today
 * `ProfilesChanged`, which keeps each process's recommendation index up to date. (Socket events
 * need no relay: they go through socket.io's Redis adapter.) Without Redis there is one process
 * and nothing to relay.
 */
const RELAYED: Record<string, (payload: Record<string, unknown>) => object> = {
  [ProfilesChanged.EVENT]: (p) =>
    new ProfilesChanged(
      (p.editionId as string | null) ?? null,
      (p.participantIds as string[]) ?? [],
      (p.organizationId as string | null) ?? null,
      p.rebuild === true,
    ),
};

@Injectable()
export class ClusterEvents implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(ClusterEvents.name);
  private readonly origin = randomUUID();
  private subscriber: Redis | null = null;

  constructor(
    private readonly redis: RedisConnection,
    private readonly events: EventEmitter2,
  ) {}

  onModuleInit(): void {
    if (!this.redis.client) return;
    // The subscription waits for Redis rather than fail, and is made again after a reconnection.
    this.subscriber = this.redis.client.duplicate({ maxRetriesPerRequest: null });
    this.subscriber.on('error', (error: Error) => this.logger.warn(`Redis: ${error.message}`));
    this.subscriber.on('message', (_channel: string, text: string) => this.receive(text));
    this.subscriber.subscribe(CHANNEL).catch((error: Error) => this.logger.error(error));
  }

  @OnEvent(ProfilesChanged.EVENT)
  relayProfiles(event: ProfilesChanged, mark?: symbol): void {
    this.publish(ProfilesChanged.EVENT, event, mark);
  }

  private publish(name: string, event: object, mark?: symbol): void {
    if (!this.redis.client || mark === FROM_ANOTHER_INSTANCE) return;
    const message = JSON.stringify({ origin: this.origin, name, payload: event });
    this.redis.client
      .publish(CHANNEL, message)
      .catch((error: Error) => this.logger.warn(`${name} not relayed: ${error.message}`));
  }

  private receive(text: string): void {
    try {
      const { origin, name, payload } = JSON.parse(text) as {
        origin: string;
        name: string;
        payload: Record<string, unknown>;
      };
      const make = RELAYED[name];
      if (origin === this.origin || !make) return;
      this.events.emit(name, make(payload), FROM_ANOTHER_INSTANCE);
    } catch (error) {
      this.logger.warn(`unreadable relayed event: ${(error as Error).message}`);
    }
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.subscriber) await closeRedis(this.subscriber);
  }
}
