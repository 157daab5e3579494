import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  createdAt,
  fk,
  idColumn,
  isPostgres,
  refColumn,
  timestampColumn,
  varchar,
} from './portable.js';

interface PartyRow {
  id: string;
  requesterId: string;
  inviteeId: string;
  pairKey: string;
  status: string;
  requesterStand: string | null;
  inviteeStand: string | null;
}

/**
 * Exhibitor teams: invitations to join a stand, and meetings' pair keys naming a stand by its
 * exhibitor id rather than by one of its staff (so that a visitor cannot ask two members of one stand).
 * The keys are recomputed in TypeScript, with the same ordering as `pairKey`, whatever the database's
 * collation.
 */
export class Teams1764200000000 implements MigrationInterface {
  name = 'Teams1764200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'team_invitations',
        columns: [
          idColumn(),
          refColumn('editionId'),
          refColumn('exhibitorId'),
          varchar('email', 254),
          varchar('firstName', 100, true),
          varchar('lastName', 100, true),
          varchar('tokenHash', 64),
          timestampColumn(q, 'expiresAt'),
          refColumn('invitedById', true),
          timestampColumn(q, 'usedAt', { nullable: true }),
          timestampColumn(q, 'revokedAt', { nullable: true }),
          createdAt(q),
        ],
        indices: [
          { name: 'UQ_team_invitations_token', columnNames: ['tokenHash'], isUnique: true },
          { columnNames: ['exhibitorId'] },
        ],
        foreignKeys: [
          fk('editionId', 'editions'),
          fk('exhibitorId', 'exhibitors'),
          fk('invitedById', 'users', 'SET NULL'),
        ],
      }),
    );
    await this.rekey(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('team_invitations');
    // Pair keys stay stand-based: with one member per stand they name the same pairs.
  }

  private async rekey(q: QueryRunner): Promise<void> {
    const rows = (await q.query(
      `SELECT m."id", m."requesterId", m."inviteeId", m."pairKey", m."status",
         r."exhibitorId" AS "requesterStand", i."exhibitorId" AS "inviteeStand"
       FROM "meetings" m
       JOIN "participants" r ON r."id" = m."requesterId"
       JOIN "participants" i ON i."id" = m."inviteeId"
       ORDER BY m."createdAt", m."id"`,
    )) as PartyRow[];
    const open = new Set<string>();
    for (const row of rows) {
      const a = row.requesterStand ?? row.requesterId;
      const b = row.inviteeStand ?? row.inviteeId;
      const key = a < b ? `${a}:${b}` : `${b}:${a}`;
      const isOpen = row.status === 'requested' || row.status === 'scheduled';
      // Several staff with open meetings with one person cannot exist before teams; if one does, it
      // keeps its old key rather than failing the upgrade.
      if (isOpen && open.has(key)) continue;
      if (isOpen) open.add(key);
      if (key === row.pairKey) continue;
      await q.query(
        isPostgres(q)
          ? `UPDATE "meetings" SET "pairKey" = $1 WHERE "id" = $2`
          : `UPDATE "meetings" SET "pairKey" = ? WHERE "id" = ?`,
        [key, row.id],
      );
    }
  }
}
