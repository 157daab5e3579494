import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivityLogService } from '../common/activity-log.service.js';
import { EnvironmentVariables } from '../config/env.js';
import { dataSourceOptions } from './data-source.js';
import { ENTITIES } from './entities.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';

@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [EnvironmentVariables],
      useFactory: (env: EnvironmentVariables) => ({
        ...dataSourceOptions(env.DATABASE_URL, {
          logQueries: env.TYPEORM_LOG_QUERIES,
          slowQueryMs: env.TYPEORM_SLOW_QUERY_MS,
        }),
        migrationsRun: true,
        migrationsTransactionMode: 'each' as const,
      }),
    }),
    TypeOrmModule.forFeature(ENTITIES),
  ],
  providers: [UnitOfWork, ActivityLogService],
  exports: [TypeOrmModule, UnitOfWork, ActivityLogService],
})
export class DatabaseModule {}
