import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  createdAt,
  fk,
  idColumn,
  integer,
  refColumn,
  text,
  timestampColumn,
  varchar,
} from './portable.js';

/** The mail outbox, and each person's language and the kinds of mail they turned off. */
export class Outbox1764400000000 implements MigrationInterface {
  name = 'Outbox1764400000000';

  async up(q: QueryRunner): Promise<void> {
    // A plain ADD COLUMN: TypeORM's addColumn rebuilds the table on SQLite, which the foreign keys
    // pointing at users refuse.
    await q.query(`ALTER TABLE "users" ADD COLUMN "language" varchar(5) NOT NULL DEFAULT 'fr'`);
    // The kinds of mail the person turned off, as a JSON list.
    await q.query(`ALTER TABLE "users" ADD COLUMN "mailOff" text NOT NULL DEFAULT '[]'`);
    await q.createTable(
      new Table({
        name: 'outbox_messages',
        columns: [
          idColumn(),
          varchar('idempotencyKey', 200),
          varchar('kind', 40),
          refColumn('toUserId'),
          refColumn('editionId', true),
          text('payload', false, '{}'),
          { ...varchar('status', 12), default: "'pending'" },
          integer('attempts', 0),
          timestampColumn(q, 'nextAttemptAt'),
          text('lastError', true),
          varchar('claimToken', 36, true),
          timestampColumn(q, 'sentAt', { nullable: true }),
          createdAt(q),
        ],
        indices: [
          { name: 'UQ_outbox_key', columnNames: ['idempotencyKey'], isUnique: true },
          { name: 'IDX_outbox_due', columnNames: ['status', 'nextAttemptAt'] },
          { columnNames: ['editionId', 'kind', 'status'] },
          { name: 'IDX_outbox_claim', columnNames: ['claimToken'] },
        ],
        foreignKeys: [fk('toUserId', 'users'), fk('editionId', 'editions')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('outbox_messages');
    await q.query(`ALTER TABLE "users" DROP COLUMN "mailOff"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "language"`);
  }
}
