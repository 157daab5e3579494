import Database from 'better-sqlite3';
import { foldFrench, nameKey } from '../../src/common/french-text.js';
import { ftsMatchExpression, matchTerms } from '../../src/exhibitors/search-index.js';
import { MatchIndex, type MatchProfile } from '../../src/matching/engine.js';
import { judgedPartners, STRUCTURES, type JudgedStructure } from './judged.js';

export interface Scores {
  precision: number;
  mrr: number;
  queries: number;
}

// Relevant in the first five over min(5, relevant), so one judged partner found first scores 1.
export function precisionAt5(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  const hits = ranked.slice(0, 5).filter((id) => relevant.has(id)).length;
  return hits / Math.min(5, relevant.size);
}

export function reciprocalRank(ranked: readonly string[], relevant: ReadonlySet<string>): number {
  const rank = ranked.findIndex((id) => relevant.has(id));
  return rank < 0 ? 0 : 1 / (rank + 1);
}

function mean(values: number[]): number {
  return values.reduce((a, b) => a + b, 0) / Math.max(values.length, 1);
}

export interface Query {
  structure: JudgedStructure;
  relevant: ReadonlySet<string>;
}

// Exhibitors only: the partners the catalogue can show at all (it lists exhibitors, not visitors).
export function queries(exhibitorsOnly: boolean): Query[] {
  const kind = new Map(STRUCTURES.map((s) => [s.id, s.kind]));
  return STRUCTURES.flatMap((structure) => {
    const partners = [...judgedPartners(structure.id)].filter(
      (id) => !exhibitorsOnly || kind.get(id) === 'exhibitor',
    );
    return partners.length > 0 ? [{ structure, relevant: new Set(partners) }] : [];
  });
}

export function evaluate(list: Query[], rank: (q: Query) => string[]): Scores {
  const p: number[] = [];
  const r: number[] = [];
  for (const q of list) {
    const ranked = rank(q);
    p.push(precisionAt5(ranked, q.relevant));
    r.push(reciprocalRank(ranked, q.relevant));
  }
  return { precision: mean(p), mrr: mean(r), queries: list.length };
}

// The product's rule: visitors are shown exhibitors; exhibitors see exhibitors and visitors.
export function engineRanker(exhibitorsOnly: boolean): (q: Query) => string[] {
  const index = new MatchIndex(STRUCTURES);
  return (q) =>
    index
      .recommend(q.structure.id, {
        limit: STRUCTURES.length,
        accept: (c: MatchProfile) =>
          c.kind === 'exhibitor' || (!exhibitorsOnly && q.structure.kind === 'exhibitor'),
      })
      .map((m) => m.id);
}

/** The catalogue's search (src/exhibitors): FTS5 table of the Foundation migration, same bm25 weights. */
export class Catalogue {
  private readonly db = new Database(':memory:');
  private readonly keys = new Map<string, string>();

  constructor(structures: readonly JudgedStructure[]) {
    this.db.exec(
      `CREATE VIRTUAL TABLE "organization_search" USING fts5("organizationId" UNINDEXED, "name", "sectors", "city", "offers", "needs", "description", tokenize = 'unicode61 remove_diacritics 2')`,
    );
    const insert = this.db.prepare(
      `INSERT INTO "organization_search" ("organizationId", "name", "sectors", "city", "offers", "needs", "description") VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    for (const s of structures.filter((x) => x.kind === 'exhibitor')) {
      this.keys.set(s.id, nameKey(s.name));
      const fields = [
        s.name,
        s.sectors.join(' '),
        s.city,
        s.offers.join(' '),
        s.needs.join(' '),
        s.description,
      ];
      insert.run(s.id, ...fields.map(foldFrench));
    }
  }

  // Ranked as the catalogue ranks: bm25 ascending, then the name key; one's own stand left out.
  search(q: string, self: string): string[] {
    const terms = matchTerms(q);
    if (terms.length === 0) return [];
    const rows = this.db
      .prepare(
        `SELECT "organizationId" AS id, bm25("organization_search", 0, 10, 5, 2, 3, 3, 1) AS rank FROM "organization_search" WHERE "organization_search" MATCH ?`,
      )
      .all(ftsMatchExpression(terms)) as { id: string; rank: number }[];
    return rows
      .sort((a, b) => a.rank - b.rank || byteOrder(this.keys.get(a.id), this.keys.get(b.id)))
      .map((r) => r.id)
      .filter((id) => id !== self);
  }

  close(): void {
    this.db.close();
  }
}

// SQLite compares text byte by byte; folded keys are ASCII, so code units give the same order.
function byteOrder(a = '', b = ''): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
