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

/** Conventions (agreements born at the event), their parties and the meetings they came from. */
export class Conventions1763920000000 implements MigrationInterface {
  name = 'Conventions1763920000000';

  async up(q: QueryRunner): Promise<void> {
    const nullableInt = (name: string) => ({ name, type: 'integer', isNullable: true });
    await q.createTable(
      new Table({
        name: 'conventions',
        columns: [
          idColumn(),
          refColumn('editionId'),
          varchar('title', 200),
          varchar('kind', 32),
          text('description', false, ''),
          varchar('status', 16),
          nullableInt('estimatedAnnualValueEur'),
          nullableInt('jobsCreated'),
          nullableInt('insertionJobs'),
          { name: 'localSupplyShare', type: 'real', isNullable: true },
          timestampColumn(q, 'signedAt', { nullable: true }),
          refColumn('createdById', true),
          createdAt(q),
          updatedAt(q),
        ],
        indices: [{ columnNames: ['editionId', 'status'] }, { columnNames: ['editionId', 'kind'] }],
        foreignKeys: [fk('editionId', 'editions'), fk('createdById', 'users', 'SET NULL')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'convention_parties',
        columns: [
          { ...refColumn('conventionId'), isPrimary: true },
          { ...refColumn('organizationId'), isPrimary: true },
          varchar('role', 60),
          { name: 'public', type: 'boolean', isNullable: false, default: false },
          timestampColumn(q, 'confirmedAt', { nullable: true }),
        ],
        indices: [{ columnNames: ['organizationId'] }],
        foreignKeys: [
          fk('conventionId', 'conventions'),
          fk('organizationId', 'organizations', 'RESTRICT'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'convention_meetings',
        columns: [
          { ...refColumn('conventionId'), isPrimary: true },
          { ...refColumn('meetingId'), isPrimary: true },
        ],
        indices: [{ columnNames: ['meetingId'] }],
        foreignKeys: [fk('conventionId', 'conventions'), fk('meetingId', 'meetings', 'RESTRICT')],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('convention_meetings');
    await q.dropTable('convention_parties');
    await q.dropTable('conventions');
  }
}
