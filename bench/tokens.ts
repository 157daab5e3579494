import Database from 'better-sqlite3';
import { JwtService } from '@nestjs/jwt';
import { loadEnvironment } from '../src/config/env.js';

export interface BenchParticipant {
  participantId: string;
  userId: string;
  role: string;
  kind: string;
  token: string;
}

/**
 * Participants of an edition with bearer tokens signed as the server signs them: logging 5,000
 * people in would measure argon2, not the convention.
 */
export function participantsWithTokens(databaseUrl: string, editionId: string): BenchParticipant[] {
  const jwt = new JwtService({
    secret: loadEnvironment({}).JWT_SECRET,
    signOptions: { expiresIn: '2h' },
  });
  const db = new Database(databaseUrl.slice('sqlite:'.length), { readonly: true });
  try {
    const rows = db
      .prepare(
        `SELECT p.id AS participantId, u.id AS userId, u.role AS role, p.kind AS kind
           FROM participants p JOIN users u ON u.id = p.userId WHERE p.editionId = ? ORDER BY p.createdAt, p.id`,
      )
      .all(editionId) as Omit<BenchParticipant, 'token'>[];
    return rows.map((r) => ({ ...r, token: jwt.sign({ sub: r.userId, role: r.role }) }));
  } finally {
    db.close();
  }
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
