import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentUser, Public, Roles, type AuthUser } from '../auth/decorators.js';
import { IdParam } from '../common/validation.js';
import {
  AcceptInvitationDto,
  AddMemberDto,
  CreatedTeamInvitationDto,
  InviteMemberDto,
  TeamDto,
  TeamInvitationPreviewDto,
  TeamJoinedDto,
  TeamMemberDto,
} from './teams.dto.js';
import { TeamsService } from './teams.service.js';

@ApiTags('teams')
@ApiBearerAuth()
@Controller('editions/:editionId/exhibitors/:exhibitorId')
export class TeamsController {
  constructor(private readonly teams: TeamsService) {}

  @Get('team')
  @ApiOperation({
    summary: 'The stand’s members and pending invitations (its members, organizers)',
  })
  team(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @IdParam('exhibitorId') exhibitorId: string,
  ): Promise<TeamDto> {
    return this.teams.team(user, editionId, exhibitorId);
  }

  @Post('invitations')
  @ApiOperation({
    summary: 'Invite a colleague: a single-use join link (`/join/<token>`), shown once',
  })
  invite(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @IdParam('exhibitorId') exhibitorId: string,
    @Body() dto: InviteMemberDto,
    @Req() req: FastifyRequest,
  ): Promise<CreatedTeamInvitationDto> {
    return this.teams.invite(user, editionId, exhibitorId, dto, `${req.protocol}://${req.host}`);
  }

  @Delete('invitations/:invitationId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Withdraw a pending invitation' })
  revoke(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @IdParam('exhibitorId') exhibitorId: string,
    @IdParam('invitationId') invitationId: string,
  ): Promise<void> {
    return this.teams.revoke(user, editionId, exhibitorId, invitationId);
  }

  @Roles('organizer')
  @Post('members')
  @ApiOperation({ summary: 'Organizers: add a member directly, with a login' })
  addMember(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @IdParam('exhibitorId') exhibitorId: string,
    @Body() dto: AddMemberDto,
  ): Promise<TeamMemberDto> {
    return this.teams.addMember(user, editionId, exhibitorId, dto);
  }

  @Delete('members/:participantId')
  @HttpCode(204)
  @ApiOperation({
    summary: 'Remove a member (not the last; one holding scheduled meetings hands them over first)',
  })
  removeMember(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @IdParam('exhibitorId') exhibitorId: string,
    @IdParam('participantId') participantId: string,
  ): Promise<void> {
    return this.teams.removeMember(user, editionId, exhibitorId, participantId);
  }
}

@ApiTags('teams')
@Controller('invitations')
export class InvitationsController {
  constructor(private readonly teams: TeamsService) {}

  @Public()
  @Get(':token')
  @ApiOperation({ summary: 'What a join link is for: the stand and the email invited' })
  preview(@Param('token') token: string): Promise<TeamInvitationPreviewDto> {
    return this.teams.preview(token);
  }

  @Public()
  @Post(':token/accept')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Join the stand: a new account, or the existing one of this email (logged in, or its password)',
  })
  accept(
    @CurrentUser() user: AuthUser | undefined,
    @Param('token') token: string,
    @Body() dto: AcceptInvitationDto,
  ): Promise<TeamJoinedDto> {
    return this.teams.accept(user, token, dto);
  }
}
