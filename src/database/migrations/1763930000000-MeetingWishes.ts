import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A request's priority and half-day window, which the batch scheduler honours. Plain `ALTER TABLE … ADD
 * COLUMN` with a default: the same statement on SQLite and PostgreSQL, and no table rebuild on SQLite
 * (whose rebuild would run the foreign keys of bookings and conventions against a dropped table).
 */
export class MeetingWishes1763930000000 implements MigrationInterface {
  name = 'MeetingWishes1763930000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "meetings" ADD COLUMN "priority" integer NOT NULL DEFAULT 0`);
    await q.query(
      `ALTER TABLE "meetings" ADD COLUMN "timeWindow" varchar(16) NOT NULL DEFAULT 'any'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "meetings" DROP COLUMN "timeWindow"`);
    await q.query(`ALTER TABLE "meetings" DROP COLUMN "priority"`);
  }
}
