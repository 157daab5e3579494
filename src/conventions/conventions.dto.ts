import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type {
  Convention as ContractConvention,
  ConventionParty as ContractConventionParty,
} from '../contract/api.js';
import { ArrayMaxSize, ArrayMinSize } from 'class-validator';
import {
  Bool,
  DateTime,
  Fraction,
  Id,
  IdList,
  Int,
  Nested,
  OneOf,
  Text,
} from '../common/validation.js';
import {
  CONVENTION_KINDS,
  CONVENTION_STATUSES,
  type ConventionKind,
  type ConventionStatus,
} from './convention.entity.js';

/** A party is an organization, named directly or through a person of the edition who represents it. */
export class ConventionPartyInputDto {
  @Id({ optional: true, description: 'The organization; or give participantId instead' })
  organizationId?: string;

  @Id({
    optional: true,
    description:
      'A participant of the edition: an exhibitor’s staff stands for its organization, a visitor for the organization named at registration (found by name, or recorded)',
  })
  participantId?: string;

  @Text({ max: 60, example: 'buyer', description: 'buyer, supplier, partner, funder…' })
  role: string;
}

class ConventionFieldsDto {
  @Text({ max: 5000, min: 0, optional: true })
  description?: string;

  // The figures may be unknown: null clears one.
  @Int({
    min: 0,
    max: 1_000_000_000,
    optional: true,
    nullable: true,
    description: 'Estimated annual value in euros',
  })
  estimatedAnnualValueEur?: number | null;

  @Int({ min: 0, max: 100_000, optional: true, nullable: true })
  jobsCreated?: number | null;

  @Int({
    min: 0,
    max: 100_000,
    optional: true,
    nullable: true,
    description: 'Of the jobs created, those in insertion: never more than jobsCreated',
  })
  insertionJobs?: number | null;

  @Fraction({
    optional: true,
    nullable: true,
    description: 'Share (0 to 1) of local or short-circuit supply',
  })
  localSupplyShare?: number | null;
}

export class CreateConventionDto extends ConventionFieldsDto {
  @Id()
  editionId: string;

  @Text({ max: 200, example: 'Approvisionnement en circuit court des villages vacances' })
  title: string;

  @OneOf(CONVENTION_KINDS)
  kind: ConventionKind;

  @Nested(() => ConventionPartyInputDto, { each: true })
  @ArrayMinSize(2)
  @ArrayMaxSize(20)
  parties: ConventionPartyInputDto[];

  @IdList({
    maxItems: 20,
    optional: true,
    description: 'The held meetings the convention was born of',
  })
  meetingIds?: string[];
  @DateTime({ optional: true, description: 'When the convention was first envisaged, if not now' })
  envisagedAt?: string;
}

export class UpdateConventionDto extends ConventionFieldsDto {
  @Text({ max: 200, optional: true })
  title?: string;

  @OneOf(CONVENTION_KINDS, { optional: true })
  kind?: ConventionKind;

  @IdList({ maxItems: 20, optional: true })
  meetingIds?: string[];
}

export class ChangeStatusDto {
  @OneOf(CONVENTION_STATUSES)
  status: ConventionStatus;

  @DateTime({
    optional: true,
    description: 'When it happened, if not now (e.g. the signature date)',
  })
  at?: string;

  @Text({ max: 2000, optional: true })
  note?: string;

  @Bool({
    optional: true,
    description: 'Organizers only: record a correction that skips the usual order',
  })
  correction?: boolean;
}

export class ConfirmDto {
  @Bool({
    optional: true,
    description: 'Whether your organization agrees to the convention being public',
  })
  public?: boolean;

  @Id({
    optional: true,
    description:
      'Organizers (required): the party whose confirmation they record, such as a visitor’s organization, for which nobody logs in; a party may give only its own',
  })
  organizationId?: string;
}

export class PartyConsentDto {
  @Bool()
  public: boolean;
}

export class FollowUpDto {
  @Text({
    max: 5000,
    example: 'Un an après : achats régionaux en hausse grâce à des livraisons adaptées.',
  })
  note: string;

  @DateTime({ optional: true })
  at?: string;
}

export class ConventionsQueryDto {
  @Id({ optional: true })
  editionId?: string;

  @OneOf(CONVENTION_STATUSES, { optional: true })
  status?: ConventionStatus;

  @OneOf(CONVENTION_KINDS, { optional: true })
  kind?: ConventionKind;
}

export class ActorDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
}

export class HistoryEntryDto {
  @ApiProperty({ enum: CONVENTION_STATUSES }) status: ConventionStatus;
  @ApiProperty() at: string;
  @ApiPropertyOptional({ type: ActorDto, nullable: true }) by: ActorDto | null;
  @ApiPropertyOptional({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ description: 'True when an organizer corrected the usual order' })
  correction: boolean;
}

export class FollowUpEntryDto {
  @ApiProperty() at: string;
  @ApiPropertyOptional({ type: ActorDto, nullable: true }) by: ActorDto | null;
  @ApiProperty() note: string;
}

export class ConventionPartyDto implements ContractConventionParty {
  @ApiProperty() organizationId: string;
  @ApiProperty() name: string;
  @ApiProperty() role: string;
  @ApiProperty() public: boolean;
  @ApiProperty() confirmed: boolean;
}

export class ConventionDto implements ContractConvention {
  @ApiProperty() id: string;
  @ApiProperty() editionId: string;
  @ApiProperty() title: string;
  @ApiProperty({ enum: CONVENTION_KINDS }) kind: ConventionKind;
  @ApiProperty() description: string;
  @ApiProperty({ enum: CONVENTION_STATUSES }) status: ConventionStatus;
  @ApiProperty({ type: [ConventionPartyDto] }) parties: ConventionPartyDto[];
  @ApiProperty({ type: [String] }) meetingIds: string[];
  @ApiPropertyOptional({ nullable: true, type: Number }) estimatedAnnualValueEur: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) jobsCreated: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) insertionJobs: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) localSupplyShare: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) signedAt: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

export class ConventionDetailDto extends ConventionDto {
  @ApiProperty({ type: [HistoryEntryDto] }) history: HistoryEntryDto[];
  @ApiProperty({ type: [FollowUpEntryDto] }) followUps: FollowUpEntryDto[];
}
