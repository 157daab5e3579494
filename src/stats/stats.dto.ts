import { ApiProperty } from '@nestjs/swagger';
import { MEETING_PLACES, type MeetingPlace } from '../editions/edition.entity.js';
import { SLOT_KINDS, type SlotKind } from '../editions/slot.entity.js';

/** The meetings that occupy a slot, by status (a cancelled or declined one frees its slot). */
export class SlotMeetingsDto {
  @ApiProperty() scheduled: number;
  @ApiProperty() held: number;
  @ApiProperty() no_show: number;
  @ApiProperty({ description: 'scheduled + held + no_show: the tables taken' }) total: number;
}

export class SlotStatsDto {
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

export class EditionSlotStatsDto {
  @ApiProperty() editionId: string;
  @ApiProperty({ example: 'Europe/Paris' }) timezone: string;
  @ApiProperty({ enum: MEETING_PLACES }) meetingPlace: MeetingPlace;
  @ApiProperty() tables: number;
  @ApiProperty({ type: [SlotStatsDto], description: 'Every slot of the grid, in time order' })
  slots: SlotStatsDto[];
}
