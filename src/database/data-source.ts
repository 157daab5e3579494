import { DataSource, type DataSourceOptions } from 'typeorm';
import type { LoggerOptions } from 'typeorm/logger/LoggerOptions.js';
import { ENTITIES } from './entities.js';
import { MIGRATIONS } from './migrations/index.js';

export type DatabaseKind = 'sqlite' | 'postgres';

export function databaseKind(url: string): DatabaseKind {
  return url.startsWith('sqlite:') ? 'sqlite' : 'postgres';
}

/** How much TypeORM logs: every query, or only those slower than a threshold. */
export interface QueryLogging {
  logQueries: boolean;
  slowQueryMs: number;
}

/** TypeORM options for a `sqlite:PATH` or `postgres://` URL; the schema comes only from migrations. */
export function dataSourceOptions(
  url: string,
  logging: QueryLogging = { logQueries: false, slowQueryMs: 200 },
): DataSourceOptions {
  const common = {
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: false,
    synchronize: false,
    logging: (logging.logQueries ? ['query', 'error', 'warn'] : ['error', 'warn']) as LoggerOptions,
    // Queries slower than this are logged as warnings; set low to find the slow ones.
    maxQueryExecutionTime: logging.slowQueryMs,
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
  await migrate(dataSource);
  return dataSource;
}

/**
 * Runs the migrations not yet run, each in its own transaction. On PostgreSQL, instances starting
 * together take turns on an advisory lock: the first runs them, the others then find none to run.
 */
export async function migrate(dataSource: DataSource): Promise<void> {
  if (dataSource.options.type !== 'postgres') {
    await dataSource.runMigrations({ transaction: 'each' });
    return;
  }
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query(`SELECT pg_advisory_lock(hashtext('coventis:migrations'))`);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock
      .query(`SELECT pg_advisory_unlock(hashtext('coventis:migrations'))`)
      .catch(() => undefined);
    await lock.release();
  }
}
