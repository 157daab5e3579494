import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PARTICIPANT_KINDS, type ParticipantKind } from '../contract/vocabularies.js';
import type {
  Agenda as ContractAgenda,
  Meeting as ContractMeeting,
  Party as ContractParty,
} from '../contract/api.js';
import { Bool, Id, IdList, Int, OneOf, Text } from '../common/validation.js';
import { SlotDto } from '../editions/editions.dto.js';
import {
  MAX_PRIORITY,
  MEETING_OUTCOMES,
  MEETING_STATUSES,
  MEETING_WINDOWS,
  type MeetingOutcome,
  type MeetingStatus,
  type MeetingWindow,
} from './meeting.entity.js';

export class CreateMeetingRequestDto {
  @Id({ description: 'The participant to meet (see the catalogue’s participantId)' })
  toParticipantId: string;

  @Text({
    max: 1000,
    optional: true,
    nullable: true,
    example: 'Bonjour, nous cherchons des produits régionaux en circuit court.',
  })
  message?: string | null;

  @Id({
    optional: true,
    nullable: true,
    description: 'A wished slot, which the invitee may accept as is',
  })
  slotId?: string | null;

  @Int({
    min: 0,
    max: MAX_PRIORITY,
    optional: true,
    description:
      '0 normal (default), 1 important, 2 essential: the batch scheduler places weightier requests first. A few open requests per person may be above 0 (MAX_PRIORITY_REQUESTS).',
  })
  priority?: number;

  @OneOf(MEETING_WINDOWS, {
    optional: true,
    description: 'The half-day the batch scheduler may place it in (default any)',
  })
  window?: MeetingWindow;
}

export class AcceptMeetingDto {
  @Id({
    optional: true,
    nullable: true,
    description: 'The slot; by default the wished one, else the earliest one both people have free',
  })
  slotId?: string | null;

  @Id({
    optional: true,
    nullable: true,
    description:
      'The member of the invited stand who holds the meeting (default: the member accepting); their own agenda must be free at the slot',
  })
  holderId?: string | null;
}

export class ChangeHolderDto {
  @Id({ description: 'The member of the stand who holds the meeting from now on' })
  participantId: string;
}

export class RescheduleMeetingDto {
  @Id()
  slotId: string;
}

export const ATTENDANCES = ['held', 'no_show'] as const;
export type Attendance = (typeof ATTENDANCES)[number];

export class AttendanceDto {
  @OneOf(ATTENDANCES)
  attendance: Attendance;

  @OneOf(MEETING_OUTCOMES, {
    optional: true,
    nullable: true,
    description: 'What came of a held meeting',
  })
  outcome?: MeetingOutcome | null;

  @Bool({
    optional: true,
    description:
      'Organizers: true to record the attendance of a meeting whose slot has not begun yet (409 meeting/not_started without it); parties wait for the slot',
  })
  confirmFuture?: boolean;
}

export class FreeSlotsQueryDto {
  @Id({ description: 'The other participant' })
  with: string;

  @Id({
    optional: true,
    description: 'A member of my stand whose agenda counts instead of mine (who would hold it)',
  })
  holder?: string;
}

export class AvailabilityDto {
  @IdList({
    maxItems: 500,
    description: 'Every slot I am not available for; replaces the previous list',
  })
  blockedSlotIds: string[];
}

export class PartyDto implements ContractParty {
  @ApiProperty() participantId: string;
  @ApiProperty({ enum: PARTICIPANT_KINDS }) kind: ParticipantKind;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiPropertyOptional({ nullable: true, type: String }) organizationName: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) exhibitorId: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) stand: string | null;
}

export class MeetingDto implements ContractMeeting {
  @ApiProperty() id: string;
  @ApiProperty() editionId: string;
  @ApiProperty({ enum: MEETING_STATUSES }) status: MeetingStatus;
  @ApiProperty({ enum: ['incoming', 'outgoing'], description: 'Seen from the person asking' })
  direction: 'incoming' | 'outgoing' | null;
  @ApiProperty({ type: PartyDto }) requester: PartyDto;
  @ApiProperty({ type: PartyDto }) invitee: PartyDto;
  @ApiPropertyOptional({
    type: PartyDto,
    description: 'The other person, seen from the person asking',
  })
  partner: PartyDto | null;
  @ApiPropertyOptional({ nullable: true, type: String }) message: string | null;
  @ApiPropertyOptional({ nullable: true, type: SlotDto }) wishedSlot: SlotDto | null;
  @ApiProperty({ minimum: 0, maximum: MAX_PRIORITY }) priority: number;
  @ApiProperty({ enum: MEETING_WINDOWS }) window: MeetingWindow;
  @ApiPropertyOptional({ nullable: true, type: SlotDto }) slot: SlotDto | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) table: number | null;
  @ApiPropertyOptional({ nullable: true, type: String, example: 'Table 12' }) place: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) expiresAt: string | null;
  @ApiPropertyOptional({ nullable: true, enum: MEETING_OUTCOMES }) outcome: MeetingOutcome | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class AgendaDto implements ContractAgenda {
  @ApiProperty() editionId: string;
  @ApiProperty() participantId: string;
  @ApiProperty({
    description: 'A secret address of this agenda as an iCalendar feed, to subscribe to',
  })
  calendarUrl: string;
  @ApiProperty({
    type: [MeetingDto],
    description: 'Scheduled meetings in time order, then requests',
  })
  meetings: MeetingDto[];
}

export class AvailabilityResultDto {
  @ApiProperty({ type: [String] }) blockedSlotIds: string[];
}
