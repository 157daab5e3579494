import { mkdirSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { databaseKind } from './data-source.js';

/**
 * Why the server cannot use the SQLite database of `url`, as one sentence naming the path and the
 * problem, or null when it can: its folder exists or can be created, the path is a file (or none
 * yet), an SQLite database, and writable. Checked before start-up, where TypeORM would otherwise
 * retry a file that will never open. PostgreSQL URLs are left to TypeORM (a server may be starting).
 */
export function databaseProblem(url: string): string | null {
  if (databaseKind(url) !== 'sqlite') return null;
  const location = url.slice('sqlite:'.length);
  if (location === ':memory:' || location.startsWith('file:')) return null;
  const problem = sqliteFileProblem(path.resolve(location));
  return problem && `Cannot open the database ${url}: ${problem}`;
}

function sqliteFileProblem(file: string): string | null {
  const folder = path.dirname(file);
  // The nearest folder that exists: the rest is created, as TypeORM would.
  let existing = folder;
  let stats = statOf(existing);
  while (!stats && path.dirname(existing) !== existing) {
    existing = path.dirname(existing);
    stats = statOf(existing);
  }
  if (stats && !stats.isDirectory()) {
    return existing === folder
      ? `the folder ${folder} is a file`
      : `the folder ${folder} cannot be created: ${existing} is a file`;
  }
  // One level at a time: Node's recursive mkdir loops forever where mkdir answers ENOENT (under /proc).
  const missing: string[] = [];
  for (let p = folder; p !== existing; p = path.dirname(p)) missing.unshift(p);
  for (const p of missing) {
    try {
      mkdirSync(p);
    } catch (error) {
      // Made meanwhile by another process: as good.
      if (codeOf(error) === 'EEXIST' && statOf(p)?.isDirectory()) continue;
      return `the folder ${folder} cannot be created (${codeOf(error)})`;
    }
  }
  const own = statOf(file);
  if (own?.isDirectory()) return `${file} is a folder, not a database file`;

  let db: Database.Database;
  try {
    db = new Database(file, { timeout: 5000 });
  } catch (error) {
    return `${file} cannot be ${own ? 'opened' : 'created'} (${codeOf(error)})`;
  }
  try {
    try {
      db.pragma('schema_version');
    } catch (error) {
      return codeOf(error) === 'SQLITE_NOTADB'
        ? `${file} is not an SQLite database (SQLITE_NOTADB)`
        : `${file} cannot be read (${codeOf(error)})`;
    }
    try {
      // What the server does first: WAL, then writes (rolled back here, nothing is left behind).
      db.pragma('journal_mode = WAL');
      db.exec('BEGIN IMMEDIATE');
      db.exec('CREATE TABLE coventis_write_check (x INTEGER)');
      db.exec('ROLLBACK');
    } catch (error) {
      // Another process writing (a second server on the same file): writable, then.
      const code = codeOf(error);
      if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return null;
      return `${file} cannot be written (${code})`;
    }
  } finally {
    db.close();
  }
  return null;
}

/** The file's stats, or undefined when there is nothing there (or a file in the way). */
function statOf(p: string): Stats | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

function codeOf(error: unknown): string {
  const { code, message } = error as { code?: unknown; message?: unknown };
  return typeof code === 'string' ? code : String(message ?? error);
}
