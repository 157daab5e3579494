import { Global, Module } from '@nestjs/common';
import { ClusterEvents } from './cluster-events.js';
import { RedisConnection } from './redis-connection.js';

/** Redis when `REDIS_URL` is set: the connection, and the domain events every instance must hear. */
@Global()
@Module({ providers: [RedisConnection, ClusterEvents], exports: [RedisConnection] })
export class RedisModule {}
