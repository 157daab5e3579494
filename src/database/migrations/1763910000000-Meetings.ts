import { Table, TableColumn, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  createdAt,
  fk,
  idColumn,
  integer,
  refColumn,
  text,
  timestampColumn,
  updatedAt,
  varchar,
} from './portable.js';

/** Meeting requests and scheduled meetings, and the bookings that keep people and tables single-booked. */
export class Meetings1763910000000 implements MigrationInterface {
  name = 'Meetings1763910000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'meetings',
        columns: [
          idColumn(),
          refColumn('editionId'),
          refColumn('requesterId'),
          refColumn('inviteeId'),
          varchar('pairKey', 73),
          varchar('status', 16),
          text('message', true),
          refColumn('wishedSlotId', true),
          refColumn('slotId', true),
          { ...integer('tableNumber'), isNullable: true },
          varchar('place', 60, true),
          timestampColumn(q, 'expiresAt', { nullable: true }),
          varchar('outcome', 32, true),
          createdAt(q),
          updatedAt(q),
        ],
        indices: [
          { columnNames: ['editionId', 'status'] },
          { columnNames: ['requesterId'] },
          { columnNames: ['inviteeId'] },
          // A table holds at most one meeting per slot (NULLs, meetings without a table, do not clash).
          {
            name: 'UQ_meetings_slot_table',
            columnNames: ['slotId', 'tableNumber'],
            isUnique: true,
          },
          // Two people have at most one open request or meeting between them.
          {
            name: 'UQ_meetings_open_pair',
            columnNames: ['pairKey'],
            isUnique: true,
            where: `"status" IN ('requested', 'scheduled')`,
          },
        ],
        foreignKeys: [
          fk('editionId', 'editions'),
          fk('requesterId', 'participants'),
          fk('inviteeId', 'participants'),
          fk('wishedSlotId', 'slots', 'SET NULL'),
          fk('slotId', 'slots', 'RESTRICT'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'bookings',
        columns: [
          idColumn(),
          refColumn('editionId'),
          refColumn('slotId'),
          refColumn('participantId'),
          refColumn('meetingId', true),
          varchar('kind', 16),
          createdAt(q),
        ],
        indices: [
          // A person is in at most one meeting, or unavailable, at a slot.
          {
            name: 'UQ_bookings_slot_participant',
            columnNames: ['slotId', 'participantId'],
            isUnique: true,
          },
          { columnNames: ['meetingId'] },
          { columnNames: ['participantId'] },
        ],
        foreignKeys: [
          fk('editionId', 'editions'),
          fk('slotId', 'slots', 'RESTRICT'),
          fk('participantId', 'participants'),
          fk('meetingId', 'meetings'),
        ],
      }),
    );
    await q.addColumn('participants', new TableColumn(varchar('calendarToken', 64, true)));
    await q.query(
      `CREATE UNIQUE INDEX "UQ_participants_calendar_token" ON "participants" ("calendarToken")`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS "UQ_participants_calendar_token"`);
    await q.dropColumn('participants', 'calendarToken');
    await q.dropTable('bookings');
    await q.dropTable('meetings');
  }
}
