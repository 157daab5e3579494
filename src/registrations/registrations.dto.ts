import { ApiProperty, ApiPropertyOptional, PartialType, PickType } from '@nestjs/swagger';
import { PARTICIPANT_KINDS, type ParticipantKind } from '../contract/vocabularies.js';
import type {
  Registration as ContractRegistration,
  Badge as ContractBadge,
  CheckInResult as ContractCheckInResult,
  Participant as ContractParticipant,
  VisitorProfile as ContractVisitorProfile,
} from '../contract/api.js';
import type { User } from '../auth/user.entity.js';
import {
  Bool,
  DateTime,
  Email,
  OneOf,
  Password,
  Pattern,
  QueryInt,
  Text,
  TextList,
} from '../common/validation.js';
import type { Edition } from '../editions/edition.entity.js';
import { scanConsentNotice } from '../leads/lead-rules.js';
import {
  VISITOR_CATEGORIES,
  type Participant,
  type VisitorCategory,
} from '../participants/participant.entity.js';

/** A phone number as people write it: digits, spaces, dots, dashes, brackets, a leading +. */
const PHONE = /^\+?[0-9][0-9 .()-]{5,28}$/;

export class RegisterVisitorDto {
  @Text({ max: 100, example: 'Camille' })
  firstName: string;

  @Text({ max: 100, example: 'Martin' })
  lastName: string;

  @Email()
  email: string;

  @Password()
  password: string;

  @OneOf(VISITOR_CATEGORIES)
  category: VisitorCategory;

  @OneOf(['fr', 'en'] as const, {
    optional: true,
    description: 'The language of the mail sent to a new account (fr by default)',
  })
  language?: 'fr' | 'en';

  @Text({ max: 200, optional: true, nullable: true, example: 'Mairie de Lunel' })
  organizationName?: string | null;

  @TextList({ maxItems: 10, maxLength: 60, optional: true, example: ['alimentation', 'tourisme'] })
  interests?: string[];

  @TextList({
    maxItems: 20,
    maxLength: 200,
    optional: true,
    description: "What I offer (a professional), matched against exhibitors' needs",
    example: ['Restauration collective pour 400 couverts'],
  })
  offers?: string[];

  @TextList({
    maxItems: 20,
    maxLength: 200,
    optional: true,
    description: "What I look for, matched against exhibitors' offers",
    example: ['Fromages et produits laitiers locaux'],
  })
  needs?: string[];

  @Bool({
    optional: true,
    description:
      'Stands may scan my badge and keep my contacts (name, organization, email, phone); false by default',
  })
  scanConsent?: boolean;

  @Pattern(PHONE, 'phone must be a phone number', {
    max: 30,
    code: 'registration/invalid_phone',
    optional: true,
    nullable: true,
    description: 'Given to the stands that scan the badge, only with scanConsent',
    example: '06 12 34 56 78',
  })
  phone?: string | null;
}

export class UpdateVisitorProfileDto extends PartialType(
  PickType(RegisterVisitorDto, [
    'organizationName',
    'interests',
    'offers',
    'needs',
    'scanConsent',
    'phone',
  ] as const),
) {}

export class VisitorProfileDto implements ContractVisitorProfile {
  @ApiProperty() participantId: string;
  @ApiPropertyOptional({ nullable: true, type: String }) organizationName: string | null;
  @ApiProperty({ type: [String] }) interests: string[];
  @ApiProperty({ type: [String] }) offers: string[];
  @ApiProperty({ type: [String] }) needs: string[];
  @ApiProperty({ description: 'Stands may scan the badge and keep the contacts' })
  scanConsent: boolean;
  @ApiPropertyOptional({ nullable: true, type: String }) phone: string | null;
}

export function toVisitorProfileDto(p: Participant): VisitorProfileDto {
  return {
    participantId: p.id,
    organizationName: p.organizationName,
    interests: p.interests,
    offers: p.offers,
    needs: p.needs,
    scanConsent: p.scanConsent,
    phone: p.phone,
  };
}

export class RegistrationDto {
  @ApiProperty() participantId: string;
  @ApiProperty() editionId: string;
  @ApiProperty({ example: 'CVT-7KQ4-M9XZ' }) badgeCode: string;
  @ApiProperty({ description: 'A bearer token for the new account, to show the badge at once' })
  accessToken: string;
}

export class CheckInDto {
  @Text({ max: 32, example: 'CVT-7KQ4-M9XZ' })
  badgeCode: string;

  @DateTime({
    optional: true,
    description:
      'When the badge was scanned, if not now: a scan made offline and sent later keeps its own time',
  })
  scannedAt?: string;
}

/** Who the organizer looks for: words of a name, email, organization or badge code; a kind. */
export class RegistrationsFilterDto {
  @Text({
    max: 100,
    optional: true,
    description: 'Words found in the name, email, organization or badge',
  })
  q?: string;

  @OneOf(PARTICIPANT_KINDS, { optional: true })
  kind?: ParticipantKind;
}

export class ListRegistrationsQueryDto extends RegistrationsFilterDto {
  @QueryInt({ min: 1, max: 10000, optional: true })
  page?: number;

  @QueryInt({ min: 1, max: 200, optional: true })
  limit?: number;
}

export class ParticipantDto implements ContractParticipant {
  @ApiProperty() id: string;
  @ApiProperty() editionId: string;
  @ApiProperty({ enum: PARTICIPANT_KINDS }) kind: ParticipantKind;
  @ApiPropertyOptional({ enum: VISITOR_CATEGORIES, nullable: true })
  category: VisitorCategory | null;
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiPropertyOptional({ nullable: true, type: String }) organizationName: string | null;
  @ApiProperty() badgeCode: string;
  @ApiPropertyOptional({ nullable: true, type: String }) checkedInAt: string | null;
}

export class CheckInResultDto extends ParticipantDto implements ContractCheckInResult {
  @ApiProperty({ description: 'True when this badge had already been checked in' })
  alreadyCheckedIn: boolean;
}

export class BadgeDto extends ParticipantDto implements ContractBadge {
  @ApiProperty() editionName: string;
  @ApiProperty({ description: 'The QR code of badgeCode as a PNG data URL' }) qrCode: string;
  @ApiProperty({ description: "Stands may scan this badge to keep the visitor's contacts" })
  scanConsent: boolean;
  @ApiProperty({
    description: 'The same in French, as the badge says it',
    example: 'Les exposants peuvent scanner ce badge pour garder vos coordonnées.',
  })
  scanConsentNotice: string;
}

export class RegistrationListItemDto extends ParticipantDto implements ContractRegistration {
  @ApiProperty() email: string;
}

export class RegistrationsPageDto {
  @ApiProperty({ type: [RegistrationListItemDto] }) items: RegistrationListItemDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
}

export function toParticipantDto(
  p: Participant,
  user: User,
  organizationName?: string | null,
): ParticipantDto {
  return {
    id: p.id,
    editionId: p.editionId,
    kind: p.kind,
    category: p.category,
    firstName: user.firstName,
    lastName: user.lastName,
    organizationName: organizationName ?? p.organizationName,
    badgeCode: p.badgeCode,
    checkedInAt: p.checkedInAt ? p.checkedInAt.toISOString() : null,
  };
}

export function toBadgeDto(
  p: Participant,
  user: User,
  edition: Edition,
  qrCode: string,
  organizationName?: string | null,
): BadgeDto {
  const scanConsent = p.kind === 'visitor' && p.scanConsent;
  return {
    ...toParticipantDto(p, user, organizationName),
    editionName: edition.name,
    qrCode,
    scanConsent,
    scanConsentNotice: scanConsentNotice(scanConsent),
  };
}
