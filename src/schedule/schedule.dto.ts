import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Bool, Int } from '../common/validation.js';
import { SlotDto } from '../editions/editions.dto.js';
import type { RefinementFigures, ScheduleFigures } from './schedule-figures.js';
import type { UnplacedReason } from '../scheduling/types.js';
import { PartyDto } from '../meetings/meetings.dto.js';

export const UNPLACED_REASONS: UnplacedReason[] = [
  'invalid_request',
  'participant_unavailable',
  'no_common_slot',
  'fixed_conflict',
  'participant_busy',
  'capacity',
];

export class RunScheduleDto {
  @Bool({
    optional: true,
    description:
      'Publish the proposal: placed requests become scheduled meetings (default: dry run)',
  })
  commit?: boolean;

  @Int({
    min: 0,
    max: 2_147_483_647,
    optional: true,
    description: 'Seed of the search; the same data and seed give the same proposal (default 1)',
  })
  seed?: number;

  @Int({
    min: 0,
    max: 120,
    optional: true,
    description:
      'Seconds more to remove holes: longer annealing runs on other seeds for the first half, then an exact search ' +
      '(SAT solvers, Z3 and CaDiCaL side by side; worth it up to a few hundred meetings); it ends sooner when a ' +
      'schedule is proven optimal. ' +
      'It depends on the clock, so a commit publishes the dry run made just before with the same body and data, and runs again only without one.',
  })
  refineSeconds?: number;
}

export class RefinementDto implements RefinementFigures {
  @ApiProperty({ description: 'Holes of the same run without refineSeconds' }) holesBefore: number;
  @ApiProperty() holesAfter: number;
  @ApiProperty({ description: 'Longer annealing runs made before the exact search' })
  restarts: number;
  @ApiProperty({
    description:
      'When the schedule kept was found, in ms from the start: well before timeMs means more time would hardly help',
  })
  reachedMs: number;
  @ApiProperty() timeMs: number;
}

export class ProposedMeetingDto {
  @ApiProperty() meetingId: string;
  @ApiProperty() requesterId: string;
  @ApiProperty() inviteeId: string;
  @ApiProperty({ type: SlotDto }) slot: SlotDto;
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'null when at a stand' })
  table: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Table 3' }) place: string | null;
}

export class UnplacedMeetingDto {
  @ApiProperty() meetingId: string;
  @ApiProperty({ type: PartyDto }) requester: PartyDto;
  @ApiProperty({ type: PartyDto }) invitee: PartyDto;
  @ApiProperty({
    enum: UNPLACED_REASONS,
    description:
      'participant_unavailable: one of them has no free slot; no_common_slot: never free together; ' +
      'participant_busy: their common slots hold other meetings; capacity: no table left',
  })
  reason: UnplacedReason;
  @ApiPropertyOptional() detail?: string;
}

export class ScheduleProposalDto implements ScheduleFigures {
  @ApiProperty() editionId: string;
  @ApiProperty({ description: 'True when the proposal was published' }) committed: boolean;
  @ApiProperty() seed: number;
  @ApiProperty({ description: 'Pending requests the scheduler tried to place' }) requested: number;
  @ApiProperty({ description: 'Meetings already scheduled, kept where they are' }) kept: number;
  @ApiProperty() placed: number;
  @ApiProperty({ description: 'Most requests that can be placed (tables, people’s free slots)' })
  upperBound: number;
  @ApiProperty({ description: 'Idle gaps between two meetings of a person on the same day' })
  holes: number;
  @ApiProperty({
    description:
      'No schedule of the placed meetings has fewer holes (proved by the exact search when refineSeconds is ' +
      'given); equal to holes means the schedule is optimal',
  })
  holesLowerBound: number;
  @ApiProperty() maxHolesPerParticipant: number;
  @ApiProperty({ description: 'Time the scheduling engine took' }) timeMs: number;
  @ApiPropertyOptional({
    nullable: true,
    type: RefinementDto,
    description: 'What the exact refinement did, when refineSeconds was given',
  })
  refined: RefinementDto | null;
  @ApiProperty({ type: [ProposedMeetingDto] }) assignments: ProposedMeetingDto[];
  @ApiProperty({ type: [UnplacedMeetingDto] }) unplaced: UnplacedMeetingDto[];
}
