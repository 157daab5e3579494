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

/** Exhibitor applications: a structure asks to exhibit at an edition, an organizer decides. */
export class Applications1764100000000 implements MigrationInterface {
  name = 'Applications1764100000000';

  async up(q: QueryRunner): Promise<void> {
    // Only a pending application is open: approved and refused ones stay as history.
    const open = `"status" = 'pending'`;
    await q.createTable(
      new Table({
        name: 'applications',
        columns: [
          idColumn(),
          refColumn('editionId'),
          refColumn('applicantId'),
          varchar('status', 16),
          refColumn('organizationId', true),
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
          text('standWishes', true),
          varchar('contactFirstName', 100),
          varchar('contactLastName', 100),
          varchar('contactEmail', 254),
          varchar('contactPhone', 30, true),
          text('note', true),
          varchar('stand', 20, true),
          refColumn('exhibitorId', true),
          refColumn('decidedById', true),
          timestampColumn(q, 'decidedAt', { nullable: true }),
          createdAt(q),
          updatedAt(q),
        ],
        indices: [
          { columnNames: ['editionId', 'status'] },
          { columnNames: ['applicantId'] },
          // A structure, and an applicant, has at most one open application per edition.
          {
            name: 'UQ_applications_open_name',
            columnNames: ['editionId', 'nameKey'],
            isUnique: true,
            where: open,
          },
          {
            name: 'UQ_applications_open_applicant',
            columnNames: ['editionId', 'applicantId'],
            isUnique: true,
            where: open,
          },
        ],
        foreignKeys: [
          fk('editionId', 'editions'),
          fk('applicantId', 'users'),
          fk('organizationId', 'organizations', 'SET NULL'),
          fk('exhibitorId', 'exhibitors', 'SET NULL'),
          fk('decidedById', 'users', 'SET NULL'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('applications');
  }
}
