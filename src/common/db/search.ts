import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/** Words of a search box, lower case, six at most. */
export function searchWords(q: string | undefined): string[] {
  return (q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 6);
}

/**
 * Narrows `qb` to rows where every word of `q` is found in at least one of `columns` (case
 * insensitive, anywhere in the text). The word itself is searched, its % and _ included: escaped for
 * LIKE, with the same ESCAPE on SQLite and PostgreSQL.
 */
export function whereEveryWord<T extends ObjectLiteral>(
  qb: SelectQueryBuilder<T>,
  q: string | undefined,
  columns: string[],
): SelectQueryBuilder<T> {
  searchWords(q).forEach((word, i) => {
    const pattern = `%${word.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const like = (column: string) => `LOWER(COALESCE(${column}, '')) LIKE :w${i} ESCAPE '\\'`;
    qb.andWhere(`(${columns.map(like).join(' OR ')})`, { [`w${i}`]: pattern });
  });
  return qb;
}
