import type { QueryRunner, TableColumnOptions, TableForeignKeyOptions } from 'typeorm';

/** Column builders that give the same schema on SQLite and PostgreSQL. */
export function isPostgres(queryRunner: QueryRunner): boolean {
  return queryRunner.connection.options.type === 'postgres';
}

export function idColumn(): TableColumnOptions {
  return { name: 'id', type: 'varchar', length: '36', isPrimary: true };
}

export function refColumn(name: string, nullable = false): TableColumnOptions {
  return { name, type: 'varchar', length: '36', isNullable: nullable };
}

export function timestampColumn(
  queryRunner: QueryRunner,
  name: string,
  options: { nullable?: boolean; defaultNow?: boolean } = {},
): TableColumnOptions {
  const pg = isPostgres(queryRunner);
  return {
    name,
    type: pg ? 'timestamptz' : 'datetime',
    isNullable: options.nullable ?? false,
    default: options.defaultNow ? (pg ? 'now()' : "(datetime('now'))") : undefined,
  };
}

export function createdAt(queryRunner: QueryRunner): TableColumnOptions {
  return timestampColumn(queryRunner, 'createdAt', { defaultNow: true });
}

export function updatedAt(queryRunner: QueryRunner): TableColumnOptions {
  return timestampColumn(queryRunner, 'updatedAt', { defaultNow: true });
}

export function varchar(name: string, length: number, nullable = false): TableColumnOptions {
  return { name, type: 'varchar', length: String(length), isNullable: nullable };
}

export function text(name: string, nullable = false, defaultValue?: string): TableColumnOptions {
  return {
    name,
    type: 'text',
    isNullable: nullable,
    default: defaultValue === undefined ? undefined : `'${defaultValue}'`,
  };
}

export function integer(name: string, defaultValue?: number): TableColumnOptions {
  return { name, type: 'integer', isNullable: false, default: defaultValue };
}

export function fk(
  columnName: string,
  table: string,
  onDelete: 'CASCADE' | 'RESTRICT' | 'SET NULL' = 'CASCADE',
): TableForeignKeyOptions {
  return {
    columnNames: [columnName],
    referencedTableName: table,
    referencedColumnNames: ['id'],
    onDelete,
  };
}

/** One row inserted with the driver's placeholders (`?` on SQLite, `$n` on PostgreSQL). */
export async function insertRow(
  queryRunner: QueryRunner,
  table: string,
  row: Record<string, unknown>,
): Promise<void> {
  const columns = Object.keys(row);
  const marks = columns.map((_, i) => (isPostgres(queryRunner) ? `$${i + 1}` : '?'));
  await queryRunner.query(
    `INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${marks.join(', ')})`,
    Object.values(row),
  );
}
