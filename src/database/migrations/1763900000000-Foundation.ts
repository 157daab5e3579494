import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import {
  createdAt,
  fk,
  idColumn,
  integer,
  isPostgres,
  refColumn,
  text,
  timestampColumn,
  updatedAt,
  varchar,
} from './portable.js';

/** Accounts, editions and their slot grid, organizations, exhibitors, participants, activity log. */
export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'organizations',
        columns: [
          idColumn(),
          varchar('name', 200),
          varchar('nameKey', 200),
          varchar('legalForm', 32),
          text('sectors'),
          varchar('department', 3),
          varchar('city', 100),
          text('description', false, ''),
          text('offers'),
          text('needs'),
          varchar('website', 300, true),
          createdAt(q),
          updatedAt(q),
        ],
        indices: [
          { columnNames: ['nameKey'], isUnique: true },
          { columnNames: ['legalForm'] },
          { columnNames: ['department'] },
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'organization_sectors',
        columns: [
          { ...refColumn('organizationId'), isPrimary: true },
          { ...varchar('sectorKey', 100), isPrimary: true },
        ],
        foreignKeys: [fk('organizationId', 'organizations')],
        indices: [{ columnNames: ['sectorKey'] }],
      }),
    );
    await q.createTable(
      new Table({
        name: 'users',
        columns: [
          idColumn(),
          varchar('email', 254),
          varchar('passwordHash', 255),
          varchar('role', 16),
          varchar('firstName', 100),
          varchar('lastName', 100),
          refColumn('organizationId', true),
          createdAt(q),
        ],
        indices: [{ columnNames: ['email'], isUnique: true }],
        foreignKeys: [fk('organizationId', 'organizations', 'SET NULL')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'editions',
        columns: [
          idColumn(),
          varchar('name', 200),
          varchar('city', 100),
          varchar('venue', 200),
          varchar('timezone', 64),
          integer('slotMinutes'),
          integer('breakMinutes', 0),
          integer('tables'),
          { ...varchar('meetingPlace', 16), default: "'tables'" },
          text('days'),
          createdAt(q),
          updatedAt(q),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'slots',
        columns: [
          idColumn(),
          refColumn('editionId'),
          timestampColumn(q, 'startsAt'),
          timestampColumn(q, 'endsAt'),
          integer('day'),
          integer('position'),
          { ...varchar('kind', 16), default: "'meeting'" },
          createdAt(q),
        ],
        indices: [{ columnNames: ['editionId', 'startsAt'], isUnique: true }],
        foreignKeys: [fk('editionId', 'editions')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'exhibitors',
        columns: [
          idColumn(),
          refColumn('editionId'),
          refColumn('organizationId'),
          varchar('stand', 20, true),
          createdAt(q),
        ],
        indices: [{ columnNames: ['editionId', 'organizationId'], isUnique: true }],
        foreignKeys: [
          fk('editionId', 'editions'),
          fk('organizationId', 'organizations', 'RESTRICT'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'participants',
        columns: [
          idColumn(),
          refColumn('editionId'),
          refColumn('userId'),
          varchar('kind', 16),
          refColumn('exhibitorId', true),
          varchar('category', 16, true),
          varchar('organizationName', 200, true),
          text('interests'),
          varchar('badgeCode', 32),
          timestampColumn(q, 'checkedInAt', { nullable: true }),
          createdAt(q),
        ],
        indices: [
          { columnNames: ['editionId', 'userId'], isUnique: true },
          { columnNames: ['badgeCode'], isUnique: true },
          { columnNames: ['exhibitorId'] },
        ],
        foreignKeys: [
          fk('editionId', 'editions'),
          fk('userId', 'users'),
          fk('exhibitorId', 'exhibitors'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'activity_log',
        columns: [
          idColumn(),
          refColumn('editionId', true),
          refColumn('actorId', true),
          varchar('action', 64),
          varchar('subjectType', 32),
          refColumn('subjectId'),
          text('data', true),
          createdAt(q),
        ],
        indices: [
          { columnNames: ['subjectType', 'subjectId'] },
          { columnNames: ['editionId', 'action'] },
        ],
      }),
    );
    await this.createSearchIndex(q);
  }

  /** Full-text index of organizations over French text already stripped of accents and case. */
  private async createSearchIndex(q: QueryRunner): Promise<void> {
    if (isPostgres(q)) {
      await q.query(
        `CREATE TABLE "organization_search" ("organizationId" varchar(36) PRIMARY KEY REFERENCES "organizations"("id") ON DELETE CASCADE, "document" tsvector NOT NULL)`,
      );
      await q.query(
        `CREATE INDEX "IDX_organization_search_document" ON "organization_search" USING GIN ("document")`,
      );
      return;
    }
    await q.query(
      `CREATE VIRTUAL TABLE "organization_search" USING fts5("organizationId" UNINDEXED, "name", "sectors", "city", "offers", "needs", "description", tokenize = 'unicode61 remove_diacritics 2')`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of [
      'organization_search',
      'activity_log',
      'participants',
      'exhibitors',
      'slots',
      'editions',
      'users',
      'organization_sectors',
      'organizations',
    ]) {
      await q.query(`DROP TABLE IF EXISTS "${table}"`);
    }
  }
}
