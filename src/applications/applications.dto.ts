import { ApiProperty } from '@nestjs/swagger';
import type {
  Application as ContractApplication,
  ApplicationContact as ContractApplicationContact,
  ApplicationOrganization as ContractApplicationOrganization,
  Page as ContractPage,
  SubmittedApplication as ContractSubmittedApplication,
} from '../contract/api.js';
import { Email, Nested, OneOf, Password, Pattern, QueryInt, Text } from '../common/validation.js';
import { OrganizationProfileDto } from '../exhibitors/exhibitors.dto.js';
import { LEGAL_FORMS, type LegalForm } from '../exhibitors/organization.entity.js';
import { APPLICATION_STATUSES, type ApplicationStatus } from './application-rules.js';
import type { Application } from './application.entity.js';

export class ApplicationContactInputDto {
  @Text({ max: 100, example: 'Marie' })
  firstName: string;

  @Text({ max: 100, example: 'Dupont' })
  lastName: string;

  @Email()
  email: string;

  @Pattern(/^\+?[0-9][0-9 .()-]{5,28}$/, 'contact.phone must be a phone number', {
    max: 30,
    code: 'application/invalid_phone',
    optional: true,
    nullable: true,
    example: '04 67 00 00 00',
  })
  phone?: string | null;

  @Password({
    optional: true,
    description: 'Required without a bearer token: the account created with the application',
  })
  password?: string;
}

export class SubmitApplicationDto {
  @Nested(() => OrganizationProfileDto)
  organization: OrganizationProfileDto;

  @Text({
    min: 0,
    max: 1000,
    optional: true,
    nullable: true,
    example: 'Un stand près de l’espace restauration, avec une prise électrique',
  })
  standWishes?: string | null;

  @Nested(() => ApplicationContactInputDto)
  contact: ApplicationContactInputDto;
}

export class ListApplicationsQueryDto {
  @OneOf(APPLICATION_STATUSES, { optional: true })
  status?: ApplicationStatus;

  @QueryInt({ min: 1, max: 10000, optional: true })
  page?: number;

  @QueryInt({ min: 1, max: 100, optional: true })
  limit?: number;
}

export class ApproveApplicationDto {
  @Text({ max: 20, optional: true, nullable: true, example: 'B12' })
  stand?: string | null;

  @Text({ min: 0, max: 2000, optional: true, example: 'Bienvenue au salon !' })
  note?: string;
}

export class RefuseApplicationDto {
  @Text({ max: 2000, example: 'Le salon est complet dans votre filière cette année.' })
  note: string;
}

export class ApplicationOrganizationDto implements ContractApplicationOrganization {
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

export class ApplicationContactDto implements ContractApplicationContact {
  @ApiProperty() firstName: string;
  @ApiProperty() lastName: string;
  @ApiProperty() email: string;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
}

export class ApplicationDto implements ContractApplication {
  @ApiProperty() id: string;
  @ApiProperty() editionId: string;
  @ApiProperty() editionName: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ type: ApplicationOrganizationDto }) organization: ApplicationOrganizationDto;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Set at once for a returning exhibitor, at approval for a newcomer',
  })
  organizationId: string | null;
  @ApiProperty({ nullable: true, type: String }) standWishes: string | null;
  @ApiProperty({ type: ApplicationContactDto }) contact: ApplicationContactDto;
  @ApiProperty({ nullable: true, type: String, description: "The organizer's note" })
  note: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The stand given at approval' })
  stand: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'The catalogue entry, once approved' })
  exhibitorId: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) decidedAt: string | null;
}

export class SubmittedApplicationDto
  extends ApplicationDto
  implements ContractSubmittedApplication
{
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'A token for the account created with the application (null when logged in)',
  })
  accessToken: string | null;
}

export class ApplicationsPageDto implements ContractPage<ContractApplication> {
  @ApiProperty({ type: [ApplicationDto] }) items: ApplicationDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
}

export function toApplicationDto(a: Application, editionName: string): ApplicationDto {
  return {
    id: a.id,
    editionId: a.editionId,
    editionName,
    status: a.status,
    organization: {
      name: a.name,
      legalForm: a.legalForm,
      sectors: a.sectors,
      department: a.department,
      city: a.city,
      description: a.description,
      offers: a.offers,
      needs: a.needs,
      website: a.website,
    },
    organizationId: a.organizationId,
    standWishes: a.standWishes,
    contact: {
      firstName: a.contactFirstName,
      lastName: a.contactLastName,
      email: a.contactEmail,
      phone: a.contactPhone,
    },
    note: a.note,
    stand: a.stand,
    exhibitorId: a.exhibitorId,
    createdAt: a.createdAt.toISOString(),
    decidedAt: a.decidedAt?.toISOString() ?? null,
  };
}
