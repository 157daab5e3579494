import { QueryFailedError } from 'typeorm';

/** Constraint failures as SQLite and PostgreSQL word them. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && /UNIQUE|unique constraint/i.test(error.message);
}

export function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && /FOREIGN KEY|foreign key/i.test(error.message);
}
