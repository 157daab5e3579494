import { ApiProperty } from '@nestjs/swagger';
import type {
  EditionSlotStats as ContractEditionSlotStats,
  EditionStats as ContractEditionStats,
  Funnel as ContractFunnel,
  SlotStats as ContractSlotStats,
} from '../contract/api.js';
import { MEETING_PLACES, type MeetingPlace } from '../editions/edition.entity.js';
import { SLOT_KINDS, type SlotKind } from '../editions/slot.entity.js';

/** The meetings that occupy a slot, by status (a cancelled or declined one frees its slot). */
export class SlotMeetingsDto {
  @ApiProperty() scheduled: number;
  @ApiProperty() held: number;
  @ApiProperty() no_show: number;
  @ApiProperty({ description: 'scheduled + held + no_show: the tables taken' }) total: number;
}

export class SlotStatsDto implements ContractSlotStats {
  @ApiProperty() id: string;
  @ApiProperty({ example: '2027-05-19T09:00:00+02:00' }) startsAt: string;
  @ApiProperty({ example: '2027-05-19T09:30:00+02:00' }) endsAt: string;
  @ApiProperty({ description: '0-based day of the edition' }) day: number;
  @ApiProperty({ description: '0-based position in the whole grid' }) position: number;
  @ApiProperty({ enum: SLOT_KINDS, description: 'A break holds no meeting' }) kind: SlotKind;
  @ApiProperty({
    type: Number,
    nullable: true,
    description:
      'Meetings the slot can hold: the tables (0 in a break); null when meetings are at the stands',
  })
  capacity: number | null;
  @ApiProperty({ type: SlotMeetingsDto }) meetings: SlotMeetingsDto;
  @ApiProperty({ description: 'Pending requests that wish for this slot' }) requested: number;
  @ApiProperty({ description: 'People who blocked this slot in their availability' })
  blocked: number;
}

export class EditionSlotStatsDto implements ContractEditionSlotStats {
  @ApiProperty() editionId: string;
  @ApiProperty({ example: 'Europe/Paris' }) timezone: string;
  @ApiProperty({ enum: MEETING_PLACES }) meetingPlace: MeetingPlace;
  @ApiProperty() tables: number;
  @ApiProperty({ type: [SlotStatsDto], description: 'Every slot of the grid, in time order' })
  slots: SlotStatsDto[];
}

export class FunnelDto implements ContractFunnel {
  @ApiProperty() requested: number;
  @ApiProperty() scheduled: number;
  @ApiProperty() held: number;
  @ApiProperty() no_show: number;
  @ApiProperty() declined: number;
  @ApiProperty() cancelled: number;
  @ApiProperty() expired: number;
  @ApiProperty({ description: 'Every meeting request ever made' }) total: number;
}

export class RegistrationFiguresDto {
  @ApiProperty({ description: 'Registered visitors' }) visitors: number;
  @ApiProperty() professional: number;
  @ApiProperty() public: number;
  @ApiProperty({ description: 'Exhibitors’ staff with a badge' }) exhibitorStaff: number;
}

export class ConventionFiguresDto {
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Signed, in force or completed' }) signed: number;
  @ApiProperty({
    example: { envisaged: 1, negotiating: 0, signed: 1, in_force: 0, completed: 0, abandoned: 0 },
  })
  byStatus: Record<string, number>;
  @ApiProperty({ example: { supply: 1, partnership: 0 } }) byKind: Record<string, number>;
  @ApiProperty({ description: 'Sum over signed conventions' }) estimatedAnnualValueEur: number;
  @ApiProperty({ description: 'Sum over signed conventions' }) jobsCreated: number;
  @ApiProperty({ description: 'Sum over signed conventions' }) insertionJobs: number;
}

export class ConversionDto {
  @ApiProperty() heldMeetings: number;
  @ApiProperty({ description: 'Held meetings that a convention names as its origin' })
  heldMeetingsWithConvention: number;
  @ApiProperty({ description: 'heldMeetingsWithConvention / heldMeetings, 0 when none was held' })
  rate: number;
}

export class FeedbackFiguresDto {
  @ApiProperty({ description: 'Meetings that at least one party answered about' })
  meetingsAnswered: number;
  @ApiProperty({
    example: { not_held: 1, not_relevant: 0, informative: 2, cooperation_possible: 3 },
    description: 'Answers of the first stage (after the event), one per party',
  })
  first: Record<string, number>;
  @ApiProperty({
    example: { agreement_reached: 1, in_discussion: 1, no_agreement: 0 },
    description: 'Answers of the second stage (months later)',
  })
  second: Record<string, number>;
}

/** Leads scanned at the stands, counted: who they are is each stand's own. */
export class LeadFiguresDto {
  @ApiProperty({ description: 'Visitors scanned, one per stand and visitor' }) total: number;
  @ApiProperty({ description: 'Stands that scanned at least one visitor' }) stands: number;
}

export class EditionStatsDto implements ContractEditionStats {
  @ApiProperty() editionId: string;
  @ApiProperty() exhibitors: number;
  @ApiProperty({ type: RegistrationFiguresDto }) registrations: RegistrationFiguresDto;
  @ApiProperty() checkIns: number;
  @ApiProperty({ type: FunnelDto }) meetings: FunnelDto;
  @ApiProperty({ type: ConventionFiguresDto }) conventions: ConventionFiguresDto;
  @ApiProperty({ type: ConversionDto }) conversion: ConversionDto;
  @ApiProperty({ type: FeedbackFiguresDto }) feedback: FeedbackFiguresDto;
  @ApiProperty({ type: LeadFiguresDto }) leads: LeadFiguresDto;
}
