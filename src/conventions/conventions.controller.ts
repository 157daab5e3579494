import { Body, Controller, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles, type AuthUser } from '../auth/decorators.js';
import { IdParam } from '../common/validation.js';
import { ConventionViews } from './convention-views.js';
import {
  ChangeStatusDto,
  ConfirmDto,
  ConventionDetailDto,
  ConventionDto,
  ConventionsQueryDto,
  CreateConventionDto,
  FollowUpDto,
  PartyConsentDto,
  UpdateConventionDto,
} from './conventions.dto.js';
import { ConventionsService } from './conventions.service.js';

@ApiTags('conventions')
@ApiBearerAuth()
@Controller('conventions')
export class ConventionsController {
  constructor(
    private readonly conventions: ConventionsService,
    private readonly views: ConventionViews,
  ) {}

  @Roles('organizer', 'exhibitor')
  @Post()
  @ApiOperation({ summary: 'Declare a convention (a party’s exhibitor, or an organizer)' })
  create(
    @CurrentUser() user: AuthUser,
    @Body() dto: CreateConventionDto,
  ): Promise<ConventionDetailDto> {
    return this.conventions.create(user, dto);
  }

  @Public()
  @Get()
  @ApiOperation({
    summary:
      'Parties see theirs, organizers all, the public the signed ones all parties agreed to publish',
  })
  list(
    @CurrentUser() user: AuthUser | undefined,
    @Query() query: ConventionsQueryDto,
  ): Promise<ConventionDto[]> {
    return this.views.list(user, query);
  }

  @Public()
  @Get(':conventionId')
  @ApiOperation({ summary: 'One convention with its history and follow-ups' })
  get(
    @CurrentUser() user: AuthUser | undefined,
    @IdParam('conventionId') id: string,
  ): Promise<ConventionDetailDto> {
    return this.views.detail(user, id);
  }

  @Patch(':conventionId')
  @ApiOperation({
    summary: 'Change a convention; a change by one party needs the others to confirm again',
  })
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('conventionId') id: string,
    @Body() dto: UpdateConventionDto,
  ): Promise<ConventionDetailDto> {
    return this.conventions.update(user, id, dto);
  }

  @Post(':conventionId/status')
  @HttpCode(200)
  @ApiOperation({
    summary: 'envisaged → negotiating → signed → in_force → completed, or abandoned',
  })
  changeStatus(
    @CurrentUser() user: AuthUser,
    @IdParam('conventionId') id: string,
    @Body() dto: ChangeStatusDto,
  ): Promise<ConventionDetailDto> {
    return this.conventions.changeStatus(user, id, dto);
  }

  @Post(':conventionId/confirm')
  @HttpCode(200)
  @ApiOperation({
    summary: 'My organization confirms the convention as it stands (and may consent to publish it)',
  })
  confirm(
    @CurrentUser() user: AuthUser,
    @IdParam('conventionId') id: string,
    @Body() dto: ConfirmDto,
  ): Promise<ConventionDetailDto> {
    return this.conventions.confirm(user, id, dto);
  }

  @Patch(':conventionId/parties/:organizationId')
  @ApiOperation({ summary: 'A party gives or withdraws its consent to publication' })
  consent(
    @CurrentUser() user: AuthUser,
    @IdParam('conventionId') id: string,
    @IdParam('organizationId') organizationId: string,
    @Body() dto: PartyConsentDto,
  ): Promise<ConventionDetailDto> {
    return this.conventions.setConsent(user, id, organizationId, dto.public);
  }

  @Post(':conventionId/follow-ups')
  @ApiOperation({ summary: 'A follow-up note on a signed convention' })
  followUp(
    @CurrentUser() user: AuthUser,
    @IdParam('conventionId') id: string,
    @Body() dto: FollowUpDto,
  ): Promise<ConventionDetailDto> {
    return this.conventions.followUp(user, id, dto);
  }
}
