import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import type {
  Edition as ContractEdition,
  EditionDay as ContractEditionDay,
  EditionSummary as ContractEditionSummary,
  Slot as ContractSlot,
} from '../contract/api.js';
import { ArrayMaxSize, ArrayMinSize } from 'class-validator';
import { Int, Nested, OneOf, Pattern, Text } from '../common/validation.js';
import { MEETING_PLACES, type Edition, type MeetingPlace } from './edition.entity.js';
import { toZonedIso } from './grid.js';
import { SLOT_KINDS, type Slot, type SlotKind } from './slot.entity.js';

export class EditionDayDto implements ContractEditionDay {
  @Pattern(/^\d{4}-\d{2}-\d{2}$/, 'date must be a date YYYY-MM-DD', {
    code: 'validation/date',
    max: 10,
    example: '2027-05-19',
  })
  date: string;

  @Pattern(/^([01]\d|2[0-3]):[0-5]\d$/, 'start must be a time HH:mm', {
    code: 'validation/time',
    max: 5,
    example: '09:00',
  })
  start: string;

  @Pattern(/^([01]\d|2[0-3]):[0-5]\d$/, 'end must be a time HH:mm', {
    code: 'validation/time',
    max: 5,
    example: '17:30',
  })
  end: string;
}

export class CreateEditionDto {
  @Text({ max: 200, example: "Coventis 2027 — Convention d'affaires de l'ESS" })
  name: string;

  @Text({ max: 100, example: 'Montpellier' })
  city: string;

  @Text({ max: 200, example: 'Le Corum' })
  venue: string;

  @Text({ max: 64, example: 'Europe/Paris' })
  timezone: string;

  @Int({ min: 5, max: 240, example: 20 })
  slotMinutes: number;

  @Int({ min: 0, max: 240, optional: true, example: 5 })
  breakMinutes?: number;

  @Int({ min: 1, max: 2000, example: 30, description: 'Tables of the B2B area' })
  tables: number;

  @OneOf(MEETING_PLACES, {
    optional: true,
    description: 'Meetings at numbered tables or at stands',
  })
  meetingPlace?: MeetingPlace;

  @Nested(() => EditionDayDto, { each: true })
  @ArrayMinSize(1)
  @ArrayMaxSize(14)
  days: EditionDayDto[];
}

// Any field may be left out, none set to null (every column is NOT NULL).
export class UpdateEditionDto extends PartialType(CreateEditionDto, {
  skipNullProperties: false,
}) {}

export class SlotDto implements ContractSlot {
  @ApiProperty() id: string;
  @ApiProperty({ example: '2027-05-19T09:00:00+02:00' }) startsAt: string;
  @ApiProperty({ example: '2027-05-19T09:20:00+02:00' }) endsAt: string;
  @ApiProperty({ description: '0-based day of the edition' }) day: number;
  @ApiProperty({ enum: SLOT_KINDS }) kind: SlotKind;
}

export class EditionSummaryDto implements ContractEditionSummary {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() city: string;
  @ApiProperty() venue: string;
  @ApiProperty() timezone: string;
  @ApiProperty() slotMinutes: number;
  @ApiProperty() breakMinutes: number;
  @ApiProperty() tables: number;
  @ApiProperty({ enum: MEETING_PLACES }) meetingPlace: MeetingPlace;
  @ApiProperty({ type: [EditionDayDto] }) days: EditionDayDto[];
  @ApiPropertyOptional({ nullable: true, type: String }) startsAt: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) endsAt: string | null;
}

export class EditionDto extends EditionSummaryDto implements ContractEdition {
  @ApiProperty({ type: [SlotDto] }) slots: SlotDto[];
}

export function toSlotDto(slot: Slot, timezone: string): SlotDto {
  return {
    id: slot.id,
    startsAt: toZonedIso(slot.startsAt, timezone),
    endsAt: toZonedIso(slot.endsAt, timezone),
    day: slot.day,
    kind: slot.kind,
  };
}

export function toEditionSummaryDto(
  edition: Edition,
  first?: Date,
  last?: Date,
): EditionSummaryDto {
  return {
    id: edition.id,
    name: edition.name,
    city: edition.city,
    venue: edition.venue,
    timezone: edition.timezone,
    slotMinutes: edition.slotMinutes,
    breakMinutes: edition.breakMinutes,
    tables: edition.tables,
    meetingPlace: edition.meetingPlace,
    days: edition.days,
    startsAt: first ? toZonedIso(first, edition.timezone) : null,
    endsAt: last ? toZonedIso(last, edition.timezone) : null,
  };
}

export function toEditionDto(edition: Edition, slots: Slot[]): EditionDto {
  return {
    ...toEditionSummaryDto(edition, slots[0]?.startsAt, slots.at(-1)?.endsAt),
    slots: slots.map((s) => toSlotDto(s, edition.timezone)),
  };
}

export class UpdateSlotDto {
  @OneOf(SLOT_KINDS, { description: 'break: nobody meets at this slot' })
  kind: SlotKind;
}
