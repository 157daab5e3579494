import type { EntityManager } from 'typeorm';
import { foldFrench, searchTerms } from '../common/french-text.js';
import type { Organization } from './organization.entity.js';

/**
 * The organizations' full-text index: SQLite FTS5 (bm25 ranking) or a PostgreSQL tsvector.
 * Text is folded (accents, case, ligatures) before indexing and before querying, so both
 * databases give the same matches.
 */
export function isPostgres(manager: EntityManager): boolean {
  return manager.connection.options.type === 'postgres';
}

export async function indexOrganization(manager: EntityManager, o: Organization): Promise<void> {
  const fields = [
    o.name,
    o.sectors.join(' '),
    o.city,
    o.offers.join(' '),
    o.needs.join(' '),
    o.description,
  ].map(foldFrench);
  if (isPostgres(manager)) {
    const [name, sectors, city, offers, needs, description] = fields;
    await manager.query(
      `INSERT INTO "organization_search" ("organizationId", "document") VALUES ($1,
        setweight(to_tsvector('simple', $2), 'A') || setweight(to_tsvector('simple', $3), 'B') ||
        setweight(to_tsvector('simple', $4 || ' ' || $5 || ' ' || $6), 'C') || setweight(to_tsvector('simple', $7), 'D'))
       ON CONFLICT ("organizationId") DO UPDATE SET "document" = EXCLUDED."document"`,
      [o.id, name, sectors, city, offers, needs, description],
    );
    return;
  }
  await manager.query(`DELETE FROM "organization_search" WHERE "organizationId" = ?`, [o.id]);
  await manager.query(
    `INSERT INTO "organization_search" ("organizationId", "name", "sectors", "city", "offers", "needs", "description") VALUES (?, ?, ?, ?, ?, ?, ?)`,
    [o.id, ...fields],
  );
}

/** Query words made safe for the index: folded, quoted, each a prefix (search as you type). */
export function matchTerms(q: string): string[] {
  const terms = searchTerms(q);
  const meaningful = terms.filter((t) => t.length > 1);
  return meaningful.length > 0 ? meaningful : terms;
}

export function ftsMatchExpression(terms: string[]): string {
  return terms.map((t) => `"${t}"*`).join(' ');
}

export function tsQueryExpression(terms: string[]): string {
  return terms.map((t) => `${t}:*`).join(' & ');
}
