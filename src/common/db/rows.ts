import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import { parseDbDate } from './dates.js';

/**
 * A value as the driver stores it in a column (SQLite keeps dates as UTC text, PostgreSQL as
 * timestamps), for a hand-written statement that compares against that column.
 */
export function columnValue<T extends ObjectLiteral>(
  manager: EntityManager,
  target: EntityTarget<T>,
  property: keyof T & string,
  value: unknown,
): unknown {
  const column = manager.connection.getMetadata(target).findColumnWithPropertyName(property);
  if (!column) throw new Error(`columnValue: no column ${property}`);
  return manager.connection.driver.preparePersistentValue(value, column);
}

/** A date read by a hand-written statement (SQLite answers UTC text, PostgreSQL a Date). */
export function rowDate(value: string | Date): Date {
  return parseDbDate(value);
}
