import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles, type AuthUser } from '../auth/decorators.js';
import { IdParam } from '../common/validation.js';
import { ApplicationDecisionsService } from './application-decisions.service.js';
import {
  ApplicationDto,
  ApplicationsPageDto,
  ApproveApplicationDto,
  ListApplicationsQueryDto,
  RefuseApplicationDto,
  SubmitApplicationDto,
  SubmittedApplicationDto,
} from './applications.dto.js';
import { ApplicationsService } from './applications.service.js';

@ApiTags('applications')
@Controller('editions/:editionId/applications')
export class EditionApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Public()
  @Post()
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      'Apply to exhibit: a newcomer gives a password (an exhibitor account is created), a logged-in exhibitor applies with its organization',
  })
  submit(
    @CurrentUser() user: AuthUser | undefined,
    @IdParam('editionId') editionId: string,
    @Body() dto: SubmitApplicationDto,
  ): Promise<SubmittedApplicationDto> {
    return this.applications.submit(user, editionId, dto);
  }

  @Roles('organizer')
  @Get()
  @ApiBearerAuth()
  @ApiOperation({ summary: "An edition's applications, by status (organizers)" })
  list(
    @IdParam('editionId') editionId: string,
    @Query() query: ListApplicationsQueryDto,
  ): Promise<ApplicationsPageDto> {
    return this.applications.list(editionId, query);
  }
}

@ApiTags('applications')
@Controller('applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly decisions: ApplicationDecisionsService,
  ) {}

  @Get('mine')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'My applications, at every edition, with their status and note' })
  mine(@CurrentUser() user: AuthUser): Promise<ApplicationDto[]> {
    return this.applications.mine(user);
  }

  @Get(':applicationId')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'One application (its applicant and organizers)' })
  get(
    @CurrentUser() user: AuthUser,
    @IdParam('applicationId') applicationId: string,
  ): Promise<ApplicationDto> {
    return this.applications.get(user, applicationId);
  }

  @Roles('organizer')
  @Post(':applicationId/approve')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Approve a pending application: the structure is onboarded and joins the catalogue',
  })
  approve(
    @CurrentUser() user: AuthUser,
    @IdParam('applicationId') applicationId: string,
    @Body() dto: ApproveApplicationDto,
  ): Promise<ApplicationDto> {
    return this.decisions.approve(user, applicationId, dto);
  }

  @Roles('organizer')
  @Post(':applicationId/refuse')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Refuse a pending application, with a note for the applicant' })
  refuse(
    @CurrentUser() user: AuthUser,
    @IdParam('applicationId') applicationId: string,
    @Body() dto: RefuseApplicationDto,
  ): Promise<ApplicationDto> {
    return this.decisions.refuse(user, applicationId, dto);
  }
}
