import { JwtService } from '@nestjs/jwt';
import { loadEnvironment } from '../src/config/env.js';
import { query } from './support.js';

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
export async function participantsWithTokens(
  databaseUrl: string,
  editionId: string,
): Promise<BenchParticipant[]> {
  const jwt = new JwtService({
    secret: loadEnvironment({}).JWT_SECRET,
    signOptions: { expiresIn: '2h' },
  });
  // Quoted names, as PostgreSQL keeps the columns' case; SQLite reads them the same.
  const rows = await query<Omit<BenchParticipant, 'token'>>(
    databaseUrl,
    `SELECT p.id AS "participantId", u.id AS "userId", u.role AS role, p.kind AS kind
       FROM participants p JOIN users u ON u.id = p."userId" WHERE p."editionId" = ? ORDER BY p."createdAt", p.id`,
    [editionId],
  );
  return rows.map((r) => ({ ...r, token: jwt.sign({ sub: r.userId, role: r.role }) }));
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
