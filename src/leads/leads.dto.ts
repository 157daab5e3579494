import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  Lead as ContractLead,
  Leads as ContractLeads,
  LeadVisitor as ContractLeadVisitor,
  ScanResult as ContractScanResult,
} from '../contract/api.js';
import { VISITOR_CATEGORIES, type VisitorCategory } from '../contract/vocabularies.js';
import type { User } from '../auth/user.entity.js';
import { DateTime, Id, Int, Text } from '../common/validation.js';
import { toZonedIso } from '../editions/grid.js';
import type { Participant } from '../participants/participant.entity.js';
import type { Lead } from './lead.entity.js';

/** A badge scanned at a stand; `scanId` and `scannedAt` are the scanning phone's. */
export class ScanDto {
  @Text({ max: 32, example: 'CVT-7KQ4-M9XZ', description: 'The code of the QR, or typed by hand' })
  badgeCode: string;

  @Id({
    description:
      'Made by the client for this scan (crypto.randomUUID()): the same scan sent again is recognised',
  })
  scanId: string;

  @DateTime({
    description:
      'When the badge was scanned, by the phone: not later than now (5 min of clock drift allowed), not before the day before the edition',
    example: '2027-05-19T10:42:00+02:00',
  })
  scannedAt: string;
}

export class UpdateLeadDto {
  @Text({ min: 0, max: 2000, optional: true, description: 'The stand’s note ("" clears it)' })
  note?: string;

  @Int({
    min: 1,
    max: 5,
    optional: true,
    nullable: true,
    description: 'How promising, 1 to 5 (null clears it)',
  })
  rating?: number | null;
}

export class LeadVisitorDto implements ContractLeadVisitor {
  @ApiProperty() participantId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiPropertyOptional({ nullable: true, type: String }) organizationName: string | null;
  @ApiPropertyOptional({ enum: VISITOR_CATEGORIES, nullable: true })
  category: VisitorCategory | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Only while the visitor consents to being scanned',
  })
  email: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'Only while the visitor consents, if they gave one',
  })
  phone: string | null;
  @ApiProperty({
    description: 'The visitor still consents (they may withdraw it in their profile)',
  })
  scanConsent: boolean;
}

export class LeadScannerDto {
  @ApiProperty() userId: string;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
}

export class LeadDto implements ContractLead {
  @ApiProperty() id: string;
  @ApiProperty() editionId: string;
  @ApiProperty() exhibitorId: string;
  @ApiProperty({ description: 'The id of the scan that made the lead' }) scanId: string;
  @ApiProperty({ description: 'The earliest scan of this visitor by the stand' })
  scannedAt: string;
  @ApiPropertyOptional({ type: LeadScannerDto, nullable: true }) scannedBy: LeadScannerDto | null;
  @ApiProperty({ type: LeadVisitorDto }) visitor: LeadVisitorDto;
  @ApiProperty() note: string;
  @ApiPropertyOptional({ nullable: true, type: Number, minimum: 1, maximum: 5 })
  rating: number | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ScanResultDto extends LeadDto implements ContractScanResult {
  @ApiProperty({
    description:
      'True when nothing was recorded: the same scan was sent before, or the stand had this visitor already',
  })
  duplicate: boolean;
}

export class LeadsDto implements ContractLeads {
  @ApiProperty() exhibitorId: string;
  @ApiProperty({ type: [LeadDto], description: 'Newest scan first' }) items: LeadDto[];
  @ApiProperty() total: number;
}

/** The people a lead names: its visitor and their account, and the member who scanned. */
export interface LeadPeople {
  visitor: Participant;
  visitorUser: User;
  scanner: User | null;
}

/** Times in the edition's zone, with its offset. */
export function toLeadDto(lead: Lead, people: LeadPeople, timezone: string): LeadDto {
  const { visitor, visitorUser, scanner } = people;
  const at = (date: Date) => toZonedIso(date, timezone);
  // The contacts go to the stand only while the visitor agrees to it.
  const consent = visitor.scanConsent;
  return {
    id: lead.id,
    editionId: lead.editionId,
    exhibitorId: lead.exhibitorId,
    scanId: lead.scanId,
    scannedAt: at(lead.scannedAt),
    scannedBy: scanner
      ? { userId: scanner.id, firstName: scanner.firstName, lastName: scanner.lastName }
      : null,
    visitor: {
      participantId: visitor.id,
      firstName: visitorUser.firstName,
      lastName: visitorUser.lastName,
      organizationName: visitor.organizationName,
      category: visitor.category,
      email: consent ? visitorUser.email : null,
      phone: consent ? visitor.phone : null,
      scanConsent: consent,
    },
    note: lead.note,
    rating: lead.rating,
    createdAt: at(lead.createdAt),
    updatedAt: at(lead.updatedAt),
  };
}
