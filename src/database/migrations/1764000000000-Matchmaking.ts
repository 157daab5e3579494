import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createdAt, fk, idColumn, refColumn } from './portable.js';

/**
 * Matchmaking: a visitor's own offers and needs beside their interests (plain `ADD COLUMN` with a
 * default, the same statement on SQLite and PostgreSQL), and the suggestions each person dismissed.
 */
export class Matchmaking1764000000000 implements MigrationInterface {
  name = 'Matchmaking1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "participants" ADD COLUMN "offers" text NOT NULL DEFAULT '[]'`);
    await q.query(`ALTER TABLE "participants" ADD COLUMN "needs" text NOT NULL DEFAULT '[]'`);
    await q.createTable(
      new Table({
        name: 'recommendation_dismissals',
        columns: [
          idColumn(),
          refColumn('editionId'),
          refColumn('participantId'),
          refColumn('dismissedId'),
          createdAt(q),
        ],
        indices: [
          // Dismissing twice is one dismissal.
          {
            name: 'UQ_dismissals_pair',
            columnNames: ['participantId', 'dismissedId'],
            isUnique: true,
          },
        ],
        foreignKeys: [
          fk('editionId', 'editions'),
          fk('participantId', 'participants'),
          fk('dismissedId', 'participants'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('recommendation_dismissals');
    await q.query(`ALTER TABLE "participants" DROP COLUMN "needs"`);
    await q.query(`ALTER TABLE "participants" DROP COLUMN "offers"`);
  }
}
