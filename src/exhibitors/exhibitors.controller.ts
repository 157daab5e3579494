import { Body, Controller, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles, type AuthUser } from '../auth/decorators.js';
import { IdParam } from '../common/validation.js';
import { CatalogueService } from './catalogue.service.js';
import {
  CataloguePageDto,
  CatalogueQueryDto,
  ExhibitorDto,
  OnboardedExhibitorDto,
  OnboardExhibitorDto,
  OrganizationDto,
  UpdateOrganizationDto,
} from './exhibitors.dto.js';
import { ExhibitorsService } from './exhibitors.service.js';
import { OrganizationsService } from './organizations.service.js';

@ApiTags('exhibitors')
@Controller('editions/:editionId/exhibitors')
export class ExhibitorsController {
  constructor(
    private readonly exhibitors: ExhibitorsService,
    private readonly catalogue: CatalogueService,
  ) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'The catalogue: search, filter and page through the exhibitors' })
  search(
    @IdParam('editionId') editionId: string,
    @Query() query: CatalogueQueryDto,
  ): Promise<CataloguePageDto> {
    return this.catalogue.search(editionId, query);
  }

  @Public()
  @Get(':exhibitorId')
  @ApiOperation({ summary: 'One exhibitor of the catalogue' })
  get(
    @IdParam('editionId') editionId: string,
    @IdParam('exhibitorId') exhibitorId: string,
  ): Promise<ExhibitorDto> {
    return this.exhibitors.get(editionId, exhibitorId);
  }

  @Roles('organizer')
  @Post()
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Onboard an exhibitor: organization, stand and a login for its contact',
  })
  onboard(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @Body() dto: OnboardExhibitorDto,
  ): Promise<OnboardedExhibitorDto> {
    return this.exhibitors.onboard(user, editionId, dto);
  }
}

@ApiTags('exhibitors')
@Controller('organizations')
export class OrganizationsController {
  constructor(private readonly organizations: OrganizationsService) {}

  @Public()
  @Get(':organizationId')
  @ApiOperation({ summary: "An organization's public profile" })
  get(@IdParam('organizationId') organizationId: string): Promise<OrganizationDto> {
    return this.organizations.get(organizationId);
  }

  @Roles('organizer', 'exhibitor')
  @Patch(':organizationId')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Edit a profile: exhibitors their own, organizers any' })
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('organizationId') organizationId: string,
    @Body() dto: UpdateOrganizationDto,
  ): Promise<OrganizationDto> {
    return this.organizations.update(user, organizationId, dto);
  }
}
