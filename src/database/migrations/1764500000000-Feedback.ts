import { Table, type MigrationInterface, type QueryRunner } from 'typeorm';
import { createdAt, fk, idColumn, refColumn, timestampColumn, varchar } from './portable.js';

/** The parties' answers about their meetings after the event (two stages). */
export class Feedback1764500000000 implements MigrationInterface {
  name = 'Feedback1764500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'meeting_feedback',
        columns: [
          idColumn(),
          refColumn('editionId'),
          refColumn('meetingId'),
          refColumn('participantId'),
          varchar('stage', 8),
          varchar('answer', 32),
          refColumn('answeredById'),
          timestampColumn(q, 'answeredAt'),
          createdAt(q),
        ],
        indices: [
          {
            name: 'UQ_feedback_party_stage',
            columnNames: ['meetingId', 'participantId', 'stage'],
            isUnique: true,
          },
          { columnNames: ['editionId', 'stage', 'answer'] },
        ],
        // The answers of each stage (FEEDBACK_ANSWERS), written out: a migration does not change
        // with the code.
        checks: [
          {
            name: 'CHK_feedback_answer',
            expression: `("stage" = 'first' AND "answer" IN ('not_held', 'not_relevant', 'informative', 'cooperation_possible')) OR ("stage" = 'second' AND "answer" IN ('agreement_reached', 'in_discussion', 'no_agreement'))`,
          },
        ],
        foreignKeys: [
          fk('editionId', 'editions'),
          fk('meetingId', 'meetings'),
          fk('participantId', 'participants'),
          fk('answeredById', 'users'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('meeting_feedback');
  }
}
