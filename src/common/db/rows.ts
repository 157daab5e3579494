import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata.js';
import type { EntityManager, EntityMetadata, EntityTarget, ObjectLiteral } from 'typeorm';
import { SqlParams } from './bulk.js';
import { parseDbDate } from './dates.js';

/*
 * Hand-written statements for the booking hot path (docs/benchmarks.md): measured here, TypeORM's
 * `findOneBy` and `update` cost 300–650 µs each for what the driver does in 12–60 µs. These build
 * the SQL once per entity from its metadata and convert values through the driver as TypeORM
 * does (dates, simple-json, booleans), so rows read back exactly as `find` would give them.
 */

/** A value as the driver stores it in a column, for a hand-written statement. */
export function columnValue<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  property: keyof T & string,
  value: unknown,
): unknown {
  return manager.connection.driver.preparePersistentValue(value, column(manager, target, property));
}

/** A date read by a hand-written statement (SQLite answers UTC text, PostgreSQL a Date). */
export function rowDate(value: string | Date): Date {
  return parseDbDate(value);
}

/** Per entity: its stored columns, and the SELECT of all of them. */
const shapes = new WeakMap<EntityMetadata, { columns: ColumnMetadata[]; select: string }>();

function column(manager: EntityManager, target: EntityTarget<ObjectLiteral>, property: string) {
  const found = manager.connection.getMetadata(target).findColumnWithPropertyName(property);
  if (!found) throw new Error(`no column ${property}`);
  return found;
}

function shapeOf(manager: EntityManager, metadata: EntityMetadata) {
  let shape = shapes.get(metadata);
  if (!shape) {
    const columns = metadata.columns.filter((c) => !c.isVirtual);
    const driver = manager.connection.driver;
    const names = columns.map((c) => driver.escape(c.databaseName));
    shape = {
      columns,
      select: `SELECT ${names.join(', ')} FROM ${driver.escape(metadata.tableName)}`,
    };
    shapes.set(metadata, shape);
  }
  return shape;
}

/**
 * The entities whose columns equal `where` (every pair must hold; an array value is any of),
 * or, given a list, those matching any of its conditions — as `find({ where })` answers.
 */
export async function findWhere<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  where: Partial<Record<keyof T & string, unknown>> | Partial<Record<keyof T & string, unknown>>[],
): Promise<T[]> {
  const metadata = manager.connection.getMetadata(target);
  const driver = manager.connection.driver;
  const { select } = shapeOf(manager, metadata);
  const params = new SqlParams(manager);
  const condition = (one: Partial<Record<string, unknown>>) =>
    Object.entries(one)
      .map(([property, value]) => {
        const col = column(manager, target, property);
        const name = driver.escape(col.databaseName);
        const bind = (v: unknown) => params.add(driver.preparePersistentValue(v, col));
        if (!Array.isArray(value)) return `${name} = ${bind(value)}`;
        return value.length ? `${name} IN (${value.map(bind).join(', ')})` : '1 = 0';
      })
      .join(' AND ');
  const conditions = (Array.isArray(where) ? where : [where]).map((w) => `(${condition(w)})`);
  const rows = await manager.query<Record<string, unknown>[]>(
    `${select} WHERE ${conditions.join(' OR ')}`,
    params.values,
  );
  return rows.map((row) => hydrate(manager, metadata, row) as T);
}

export async function findOneWhere<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  where: Partial<Record<keyof T & string, unknown>>,
): Promise<T | null> {
  const [first] = await findWhere(manager, target, where);
  return first ?? null;
}

/** UPDATE … SET the given properties WHERE id = …. */
export async function updateById<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  id: string,
  changes: Partial<Record<keyof T & string, unknown>>,
): Promise<void> {
  const driver = manager.connection.driver;
  const params = new SqlParams(manager);
  const sets = Object.entries(changes).map(([property, value]) => {
    const col = column(manager, target, property);
    return `${driver.escape(col.databaseName)} = ${params.add(driver.preparePersistentValue(value, col))}`;
  });
  const table = driver.escape(manager.connection.getMetadata(target).tableName);
  await manager.query(
    `UPDATE ${table} SET ${sets.join(', ')} WHERE "id" = ${params.add(id)}`,
    params.values,
  );
}

/** The entity, without running its constructor (no fresh id nor createdAt), from a stored row. */
function hydrate(manager: EntityManager, metadata: EntityMetadata, row: Record<string, unknown>) {
  const entity = Object.create(
    (metadata.target as { prototype: object }).prototype,
  ) as ObjectLiteral;
  const driver = manager.connection.driver;
  for (const col of shapeOf(manager, metadata).columns) {
    col.setEntityValue(entity, driver.prepareHydratedValue(row[col.databaseName], col));
  }
  return entity;
}
