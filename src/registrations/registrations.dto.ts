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
  DateTime,
  Email,
  OneOf,
  Password,
  QueryInt,
  Text,
  TextList,
} from '../common/validation.js';
import type { Edition } from '../editions/edition.entity.js';
import {
  VISITOR_CATEGORIES,
  type Participant,
  type VisitorCategory,
} from '../participants/participant.entity.js';

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
}

export class UpdateVisitorProfileDto extends PartialType(
  PickType(RegisterVisitorDto, ['organizationName', 'interests', 'offers', 'needs'] as const),
) {}

export class VisitorProfileDto implements ContractVisitorProfile {
  @ApiProperty() participantId: string;
  @ApiPropertyOptional({ nullable: true, type: String }) organizationName: string | null;
  @ApiProperty({ type: [String] }) interests: string[];
  @ApiProperty({ type: [String] }) offers: string[];
  @ApiProperty({ type: [String] }) needs: string[];
}

export function toVisitorProfileDto(p: Participant): VisitorProfileDto {
  return {
    participantId: p.id,
    organizationName: p.organizationName,
    interests: p.interests,
    offers: p.offers,
    needs: p.needs,
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
  return { ...toParticipantDto(p, user, organizationName), editionName: edition.name, qrCode };
}
