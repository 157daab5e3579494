import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  createdAt,
  fk,
  idColumn,
  refColumn,
  text,
  timestampColumn,
  updatedAt,
  varchar,
} from './portable.js';

/**
 * Lead retrieval at the stands: a visitor's consent to being scanned and their phone, and the
 * leads, one per stand and visitor, each remembering the client's id of the scan that made it.
 */
export class Leads1764600000000 implements MigrationInterface {
  name = 'Leads1764600000000';

  async up(q: QueryRunner): Promise<void> {
    // Plain ADD COLUMN: TypeORM's addColumn rebuilds the table on SQLite, which the foreign keys
    // pointing at participants refuse. Nobody consented before the question was asked.
    await q.query(
      `ALTER TABLE "participants" ADD COLUMN "scanConsent" boolean NOT NULL DEFAULT false`,
    );
    await q.query(`ALTER TABLE "participants" ADD COLUMN "phone" varchar(30)`);
    await q.createTable(
      new Table({
        name: 'leads',
        columns: [
          idColumn(),
          refColumn('editionId'),
          refColumn('exhibitorId'),
          refColumn('participantId'),
          varchar('scanId', 36),
          timestampColumn(q, 'scannedAt'),
          refColumn('scannedById', true),
          text('note', false, ''),
          { name: 'rating', type: 'integer', isNullable: true },
          createdAt(q),
          updatedAt(q),
        ],
        indices: [
          // The same visitor scanned twice by one stand is one lead.
          {
            name: 'UQ_leads_stand_visitor',
            columnNames: ['exhibitorId', 'participantId'],
            isUnique: true,
          },
          // The same scan sent twice (an offline queue retrying) is recognised by its id.
          { name: 'UQ_leads_scan', columnNames: ['scanId'], isUnique: true },
          { columnNames: ['editionId'] },
          { columnNames: ['participantId'] },
        ],
        checks: [
          {
            name: 'CHK_leads_rating',
            expression: `"rating" IS NULL OR ("rating" >= 1 AND "rating" <= 5)`,
          },
        ],
        foreignKeys: [
          fk('editionId', 'editions'),
          fk('exhibitorId', 'exhibitors'),
          fk('participantId', 'participants'),
          // A member who leaves the team leaves their leads to the stand.
          fk('scannedById', 'users', 'SET NULL'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('leads');
    await q.query(`ALTER TABLE "participants" DROP COLUMN "phone"`);
    await q.query(`ALTER TABLE "participants" DROP COLUMN "scanConsent"`);
  }
}
