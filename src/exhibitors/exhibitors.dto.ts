import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import type {
  Exhibitor as ContractExhibitor,
  Organization as ContractOrganization,
  Page as ContractPage,
} from '../contract/api.js';
import { ArrayMinSize } from 'class-validator';
import {
  Email,
  Nested,
  OneOf,
  Password,
  Pattern,
  QueryInt,
  Text,
  TextList,
} from '../common/validation.js';
import type { Exhibitor } from './exhibitor.entity.js';
import { LEGAL_FORMS, type LegalForm, type Organization } from './organization.entity.js';

export class OrganizationProfileDto {
  @Text({ max: 200, example: 'Le Lazaret' })
  name: string;

  @OneOf(LEGAL_FORMS)
  legalForm: LegalForm;

  @TextList({
    maxItems: 10,
    maxLength: 60,
    example: ['tourisme', 'alimentation'],
    description: 'Sectors of the list (GET /api/sectors), by label or alias: stored as labels',
  })
  @ArrayMinSize(1)
  sectors: string[];

  @Pattern(/^(\d{2}|2A|2B|97\d)$/, 'department must be a French department code such as "34"', {
    code: 'validation/department',
    max: 3,
    example: '34',
  })
  department: string;

  @Text({ max: 100, example: 'Sète' })
  city: string;

  @Text({ min: 0, max: 5000, optional: true })
  description?: string;

  @TextList({ maxItems: 20, maxLength: 200, optional: true })
  offers?: string[];

  @TextList({ maxItems: 20, maxLength: 200, optional: true })
  needs?: string[];

  @Pattern(/^https?:\/\/[^\s]+$/, 'website must be an http(s) URL', {
    code: 'validation/url',
    max: 300,
    optional: true,
    nullable: true,
  })
  website?: string | null;
}

// Any field may be left out; only website may be null (cleared).
export class UpdateOrganizationDto extends PartialType(OrganizationProfileDto, {
  skipNullProperties: false,
}) {}

export class ContactDto {
  @Text({ max: 100 })
  firstName: string;

  @Text({ max: 100 })
  lastName: string;

  @Email()
  email: string;

  @Password()
  password: string;
}

export class OnboardExhibitorDto {
  @Nested(() => OrganizationProfileDto)
  organization: OrganizationProfileDto;

  @Text({ max: 20, optional: true, nullable: true, example: 'B12' })
  stand?: string | null;

  @Nested(() => ContactDto)
  contact: ContactDto;
}

export class OnboardedExhibitorDto {
  @ApiProperty() id: string;
  @ApiProperty() participantId: string;
  @ApiProperty() organizationId: string;
}

export class CatalogueQueryDto {
  @Text({
    min: 0,
    max: 200,
    optional: true,
    description: 'Full text, accent- and case-insensitive',
  })
  q?: string;

  @Text({ max: 60, optional: true, description: 'A label or an alias of GET /api/sectors' })
  sector?: string;

  @OneOf(LEGAL_FORMS, { optional: true })
  legalForm?: LegalForm;

  @Text({ max: 3, optional: true })
  department?: string;

  @QueryInt({ min: 1, max: 10000, optional: true })
  page?: number;

  @QueryInt({ min: 1, max: 100, optional: true })
  limit?: number;
}

export class OrganizationDto implements ContractOrganization {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: LEGAL_FORMS }) legalForm: LegalForm;
  @ApiProperty({ type: [String] }) sectors: string[];
  @ApiProperty() department: string;
  @ApiProperty() city: string;
  @ApiProperty() description: string;
  @ApiProperty({ type: [String] }) offers: string[];
  @ApiProperty({ type: [String] }) needs: string[];
  @ApiProperty({ nullable: true, type: String }) website: string | null;
}

export class ExhibitorDto implements ContractExhibitor {
  @ApiProperty() id: string;
  @ApiProperty() editionId: string;
  @ApiProperty({ nullable: true, type: String }) stand: string | null;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description: 'The contact person to request a meeting with',
  })
  participantId: string | null;
  @ApiProperty({ type: OrganizationDto }) organization: OrganizationDto;
}

export class CataloguePageDto implements ContractPage<ContractExhibitor> {
  @ApiProperty({ type: [ExhibitorDto] }) items: ExhibitorDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
}

export function toOrganizationDto(o: Organization): OrganizationDto {
  return {
    id: o.id,
    name: o.name,
    legalForm: o.legalForm,
    sectors: o.sectors,
    department: o.department,
    city: o.city,
    description: o.description,
    offers: o.offers,
    needs: o.needs,
    website: o.website,
  };
}

export function toExhibitorDto(
  e: Exhibitor,
  organization: Organization,
  participantId: string | null,
): ExhibitorDto {
  return {
    id: e.id,
    editionId: e.editionId,
    stand: e.stand,
    participantId,
    organization: toOrganizationDto(organization),
  };
}
