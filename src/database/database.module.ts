import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ActivityLogService } from '../common/activity-log.service.js';
import { EnvironmentVariables } from '../config/env.js';
import { DataSource } from 'typeorm';
import { databaseKind, dataSourceOptions, migrate } from './data-source.js';
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
        // Run by `migrate` below, one instance at a time.
        // A SQLite file that failed to open will not open in 3 s either (main.ts checks it first).
        ...(databaseKind(env.DATABASE_URL) === 'sqlite' ? { retryAttempts: 0 } : {}),
      }),
      dataSourceFactory: async (options) => {
        const dataSource = await new DataSource(options!).initialize();
        try {
          await migrate(dataSource);
        } catch (error) {
          await dataSource.destroy();
          throw error;
        }
        return dataSource;
      },
    }),
    TypeOrmModule.forFeature(ENTITIES),
  ],
  providers: [UnitOfWork, ActivityLogService],
  exports: [TypeOrmModule, UnitOfWork, ActivityLogService],
})
export class DatabaseModule {}
