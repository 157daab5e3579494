import { PARTICIPANT_KINDS, type ParticipantKind } from '../contract/vocabularies.js';
import { Id, OneOf, Pattern, QueryIdList } from '../common/validation.js';

/** Ids in a query string: about 300 of them fill the 16 kB a request line and headers may take. */
export const MAX_SELECTED = 300;

export class AgendaPdfQueryDto {
  @Id({
    optional: true,
    description:
      'Whose agenda: by default mine; an organizer names anybody, a member of a stand a colleague',
  })
  participantId?: string;
}

/** Whom a sheet of badges or a bundle of agendas is for: a selection, a kind, or everybody. */
export class PeoplePdfQueryDto {
  @QueryIdList({
    maxItems: MAX_SELECTED,
    optional: true,
    description: `Participant ids, comma-separated (at most ${MAX_SELECTED}); everybody by default`,
  })
  participantIds?: string[];

  @OneOf(PARTICIPANT_KINDS, { optional: true, description: 'Only exhibitors, or only visitors' })
  kind?: ParticipantKind;
}

/** One slot, or every slot of a day; exactly one of the two. */
export class TablesPdfQueryDto {
  @Id({ optional: true, description: 'One slot of the grid' })
  slotId?: string;

  @Pattern(/^\d{4}-\d{2}-\d{2}$/, 'date must be a date YYYY-MM-DD', {
    code: 'validation/date',
    max: 10,
    optional: true,
    example: '2027-05-19',
    description: 'Every slot of this day of the edition',
  })
  date?: string;
}
