import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';

/** Rows per statement: 200 × a handful of columns stays far under SQLite's and PostgreSQL's parameter limits. */
export const ROWS_PER_STATEMENT = 200;

/** Bound parameters for a hand-built statement, with each driver's placeholder (`?` or `$n`). */
export class SqlParams {
  readonly values: unknown[] = [];
  constructor(private readonly manager: EntityManager) {}

  /** Adds a value and returns its placeholder. */
  add(value: unknown): string {
    this.values.push(value);
    const index = this.values.length - 1;
    return this.manager.connection.driver.createParameter(`p${index}`, index);
  }
}

/**
 * Multi-row INSERT built once from the entity's metadata, for large batches (the batch scheduler's
 * tens of thousands of bookings): TypeORM's insert builder spends most of its time building each row.
 * Values go through the driver's own conversion (dates, simple-json), so rows read back as if saved by
 * TypeORM. Entities must come from `manager.create` (ids and createdAt are set there, see BaseEntity).
 */
export async function insertMany<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  entities: T[],
): Promise<void> {
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const columns = metadata.columns.filter((c) => c.isInsert && !c.isVirtual);
  const names = columns.map((c) => driver.escape(c.databaseName)).join(', ');
  for (let start = 0; start < entities.length; start += ROWS_PER_STATEMENT) {
    const params = new SqlParams(manager);
    const rows = entities.slice(start, start + ROWS_PER_STATEMENT).map((entity) => {
      const placeholders = columns.map((column) => {
        const value: unknown = column.getEntityValue(entity);
        if (value === undefined && !column.isNullable)
          throw new Error(`insertMany: ${metadata.name}.${column.propertyName} is not set`);
        return params.add(
          value === undefined ? null : driver.preparePersistentValue(value, column),
        );
      });
      return `(${placeholders.join(', ')})`;
    });
    await manager.query(
      `INSERT INTO ${driver.escape(metadata.tableName)} (${names}) VALUES ${rows.join(', ')}`,
      params.values,
    );
  }
}
