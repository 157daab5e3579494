import { Body, Controller, Get, Header, HttpCode, Patch, Post, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Public, Roles, type AuthUser } from '../auth/decorators.js';
import { IdParam } from '../common/validation.js';
import {
  BadgeDto,
  CheckInDto,
  CheckInResultDto,
  ListRegistrationsQueryDto,
  RegisterVisitorDto,
  RegistrationDto,
  RegistrationsFilterDto,
  RegistrationsPageDto,
  UpdateVisitorProfileDto,
  VisitorProfileDto,
} from './registrations.dto.js';
import { RegistrationsService } from './registrations.service.js';

@ApiTags('registrations')
@Controller('editions/:editionId')
export class RegistrationsController {
  constructor(private readonly registrations: RegistrationsService) {}

  @Public()
  @Post('registrations')
  @ApiOperation({ summary: 'Register a visitor (public); returns the badge code and a token' })
  register(
    @IdParam('editionId') editionId: string,
    @Body() dto: RegisterVisitorDto,
  ): Promise<RegistrationDto> {
    return this.registrations.register(editionId, dto);
  }

  @Roles('organizer')
  @Get('registrations')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Everyone registered, exhibitors staff included (organizers)' })
  list(
    @IdParam('editionId') editionId: string,
    @Query() query: ListRegistrationsQueryDto,
  ): Promise<RegistrationsPageDto> {
    return this.registrations.list(editionId, query);
  }

  @Roles('organizer')
  @Get('registrations.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="inscriptions.csv"')
  @ApiBearerAuth()
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'The registrations list as a spreadsheet, same filters (organizers)' })
  csv(
    @IdParam('editionId') editionId: string,
    @Query() query: RegistrationsFilterDto,
  ): Promise<string> {
    return this.registrations.csv(editionId, query);
  }

  @Get('registrations/:participantId/profile')
  @ApiBearerAuth()
  @ApiOperation({ summary: "A visitor's matchmaking profile (its owner and organizers)" })
  profile(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @IdParam('participantId') participantId: string,
  ): Promise<VisitorProfileDto> {
    return this.registrations.profile(user, editionId, participantId);
  }

  @Patch('registrations/:participantId/profile')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Change what a visitor looks for and offers: interests, offers, needs, organization',
  })
  updateProfile(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @IdParam('participantId') participantId: string,
    @Body() dto: UpdateVisitorProfileDto,
  ): Promise<VisitorProfileDto> {
    return this.registrations.updateProfile(user, editionId, participantId, dto);
  }

  @Get('registrations/:participantId/badge')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The badge with its QR code (its owner and organizers)' })
  badge(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @IdParam('participantId') participantId: string,
  ): Promise<BadgeDto> {
    return this.registrations.badge(user, editionId, participantId);
  }

  @Get('registrations/:participantId/badge.png')
  @ApiBearerAuth()
  @ApiProduces('image/png')
  @ApiOperation({ summary: 'The QR code of the badge as a PNG image' })
  async badgePng(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @IdParam('participantId') participantId: string,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const png = await this.registrations.badgePng(user, editionId, participantId);
    void reply.header('content-type', 'image/png');
    return png;
  }

  @Roles('organizer')
  @Post('check-ins')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Check a participant in by badge code (organizers)' })
  checkIn(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @Body() dto: CheckInDto,
  ): Promise<CheckInResultDto> {
    return this.registrations.checkIn(user, editionId, dto.badgeCode, dto.scannedAt);
  }
}
