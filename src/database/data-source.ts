import { DataSource, type DataSourceOptions } from 'typeorm';
import type { LoggerOptions } from 'typeorm/logger/LoggerOptions.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

export type DatabaseKind = 'sqlite' | 'postgres';

export function databaseKind(url: string): DatabaseKind {
  return url.startsWith('sqlite:') ? 'sqlite' : 'postgres';
}

/** TypeORM options for a `sqlite:PATH` or `postgres://` URL; the schema comes only from migrations. */
export function dataSourceOptions(url: string): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: (process.env.TYPEORM_LOG_QUERIES
      ? ['query', 'error', 'warn']
      : ['error', 'warn']) as LoggerOptions,
    // Queries slower than this are logged as warnings; set low to find the slow ones.
    maxQueryExecutionTime: Number(process.env.TYPEORM_SLOW_QUERY_MS ?? 200),
  };
  if (databaseKind(url) === 'postgres') {
    return { ...common, type: 'postgres', url };
  }
  return {
    ...common,
    type: 'better-sqlite3',
    database: url.slice('sqlite:'.length),
    enableWAL: true,
    timeout: 5000,
    prepareDatabase: (db: { pragma(sql: string): unknown }) => {
      // WAL is set by TypeORM; NORMAL sync is safe under WAL and 2.5x faster for writes.
      db.pragma('synchronous = NORMAL');
      db.pragma('busy_timeout = 5000');
    },
  };
}

export async function openDataSource(url: string): Promise<DataSource> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'each' });
  return dataSource;
}
