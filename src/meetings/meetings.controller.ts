import { Body, Controller, Get, Header, HttpCode, Post, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { FastifyRequest } from 'fastify';
import { CurrentUser, Public, type AuthUser } from '../auth/decorators.js';
import { IdParam } from '../common/validation.js';
import { SlotDto } from '../editions/editions.dto.js';
import { AgendaService } from './agenda.service.js';
import {
  AcceptMeetingDto,
  AgendaDto,
  AttendanceDto,
  AvailabilityDto,
  AvailabilityResultDto,
  ChangeHolderDto,
  CreateMeetingRequestDto,
  FreeSlotsQueryDto,
  MeetingDto,
  RescheduleMeetingDto,
} from './meetings.dto.js';
import { MeetingsService } from './meetings.service.js';

@ApiTags('meetings')
@ApiBearerAuth()
@Controller()
export class MeetingsController {
  constructor(
    private readonly meetings: MeetingsService,
    private readonly agenda: AgendaService,
  ) {}

  @Post('editions/:editionId/meetings')
  @ApiOperation({ summary: 'Ask a participant of the edition for a meeting' })
  request(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @Body() dto: CreateMeetingRequestDto,
  ): Promise<MeetingDto> {
    return this.meetings.request(user, editionId, dto);
  }

  @Get('editions/:editionId/meetings/free-slots')
  @ApiOperation({ summary: 'Slots where both people and a table are free' })
  freeSlots(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @Query() query: FreeSlotsQueryDto,
  ): Promise<SlotDto[]> {
    return this.agenda.freeSlots(user, editionId, query.with, query.holder);
  }

  @Get('editions/:editionId/agenda')
  @ApiOperation({ summary: 'My meetings in time order, then my requests' })
  myAgenda(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @Req() req: FastifyRequest,
  ): Promise<AgendaDto> {
    return this.agenda.agenda(user, editionId, `${req.protocol}://${req.host}`);
  }

  @Public()
  @Get('editions/:editionId/agenda.ics')
  @Header('content-type', 'text/calendar; charset=utf-8')
  @ApiProduces('text/calendar')
  @ApiQuery({
    name: 'token',
    required: false,
    description: 'The secret of calendarUrl, for calendar apps',
  })
  @ApiOperation({
    summary: 'My agenda as an iCalendar feed (bearer token, or ?token= from calendarUrl)',
  })
  calendar(
    @CurrentUser() user: AuthUser | undefined,
    @IdParam('editionId') editionId: string,
    @Query('token') token?: string,
  ): Promise<string> {
    return this.agenda.calendar(editionId, { user, token });
  }

  @Get('editions/:editionId/availability')
  @ApiOperation({ summary: 'The slots I blocked' })
  availability(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
  ): Promise<AvailabilityResultDto> {
    return this.agenda.availability(user, editionId);
  }

  @Put('editions/:editionId/availability')
  @ApiOperation({ summary: 'Set the slots I am not available for' })
  setAvailability(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @Body() dto: AvailabilityDto,
  ): Promise<AvailabilityResultDto> {
    return this.agenda.setAvailability(user, editionId, dto.blockedSlotIds);
  }

  @Get('meetings/:meetingId')
  @ApiOperation({ summary: 'One meeting (its two parties and organizers)' })
  get(@CurrentUser() user: AuthUser, @IdParam('meetingId') meetingId: string): Promise<MeetingDto> {
    return this.meetings.get(user, meetingId);
  }

  @Post('meetings/:meetingId/accept')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'The invitee (any member of an invited stand) accepts: the meeting gets a slot, a table and its holder',
  })
  accept(
    @CurrentUser() user: AuthUser,
    @IdParam('meetingId') meetingId: string,
    @Body() dto: AcceptMeetingDto,
  ): Promise<MeetingDto> {
    return this.meetings.accept(user, meetingId, dto);
  }

  @Post('meetings/:meetingId/holder')
  @HttpCode(200)
  @ApiOperation({
    summary: 'A member of the stand hands the request or meeting to another member of it',
  })
  changeHolder(
    @CurrentUser() user: AuthUser,
    @IdParam('meetingId') meetingId: string,
    @Body() dto: ChangeHolderDto,
  ): Promise<MeetingDto> {
    return this.meetings.changeHolder(user, meetingId, dto);
  }

  @Post('meetings/:meetingId/decline')
  @HttpCode(200)
  @ApiOperation({ summary: 'The invitee (any member of an invited stand) declines' })
  decline(
    @CurrentUser() user: AuthUser,
    @IdParam('meetingId') meetingId: string,
  ): Promise<MeetingDto> {
    return this.meetings.decline(user, meetingId);
  }

  @Post('meetings/:meetingId/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Either party cancels a request or a meeting' })
  cancel(
    @CurrentUser() user: AuthUser,
    @IdParam('meetingId') meetingId: string,
  ): Promise<MeetingDto> {
    return this.meetings.cancel(user, meetingId);
  }

  @Post('meetings/:meetingId/reschedule')
  @HttpCode(200)
  @ApiOperation({ summary: 'Either party moves a meeting to another free slot' })
  reschedule(
    @CurrentUser() user: AuthUser,
    @IdParam('meetingId') meetingId: string,
    @Body() dto: RescheduleMeetingDto,
  ): Promise<MeetingDto> {
    return this.meetings.reschedule(user, meetingId, dto);
  }

  @Post('meetings/:meetingId/attendance')
  @HttpCode(200)
  @ApiOperation({ summary: 'Held or no-show, and the outcome of a held meeting' })
  attendance(
    @CurrentUser() user: AuthUser,
    @IdParam('meetingId') meetingId: string,
    @Body() dto: AttendanceDto,
  ): Promise<MeetingDto> {
    return this.meetings.attendance(user, meetingId, dto);
  }
}
