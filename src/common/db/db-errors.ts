import { QueryFailedError } from 'typeorm';

/** Constraint failures as SQLite and PostgreSQL word them. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && /UNIQUE|unique constraint/i.test(error.message);
}

export function isForeignKeyViolation(error: unknown): boolean {
  return error instanceof QueryFailedError && /FOREIGN KEY|foreign key/i.test(error.message);
}

/**
 * PostgreSQL's refusals of a transaction that a retry may get through: could not serialize (40001)
 * or deadlock (40P01). Returns the SQLSTATE, or null for any other error.
 */
export function isSerializationFailure(error: unknown): '40001' | '40P01' | null {
  if (!(error instanceof QueryFailedError)) return null;
  const code = (error.driverError as { code?: unknown } | undefined)?.code;
  return code === '40001' || code === '40P01' ? code : null;
}
