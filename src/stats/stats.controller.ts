import { Controller, Get, Header } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles } from '../auth/decorators.js';
import { IdParam } from '../common/validation.js';
import { ExportsService } from './exports.service.js';
import { SlotStatsService } from './slot-stats.service.js';
import { EditionSlotStatsDto, EditionStatsDto, FunnelDto } from './stats.dto.js';
import { StatsService } from './stats.service.js';

/** The organizer's figures and exports of an edition. */
@ApiTags('stats')
@ApiBearerAuth()
@Roles('organizer')
@Controller('editions/:editionId')
export class StatsController {
  constructor(
    private readonly stats: StatsService,
    private readonly slotStats: SlotStatsService,
    private readonly exports: ExportsService,
  ) {}

  @Get('stats')
  @ApiOkResponse({ type: EditionStatsDto })
  @ApiOperation({
    summary: 'Exhibitors, registrations, check-ins, meetings and conventions of the edition',
  })
  get(@IdParam('editionId') editionId: string): Promise<EditionStatsDto> {
    return this.stats.stats(editionId);
  }

  @Get('meetings/funnel')
  @ApiOkResponse({ type: FunnelDto })
  @ApiOperation({
    summary:
      'Requests by status: requested, scheduled, held, no-show, declined, cancelled, expired',
  })
  funnel(@IdParam('editionId') editionId: string): Promise<FunnelDto> {
    return this.stats.funnel(editionId);
  }

  @Get('stats/slots')
  @ApiOkResponse({ type: EditionSlotStatsDto })
  @ApiOperation({
    summary:
      'Per slot of the grid: meetings by status, wished-for requests, people who blocked it, tables',
  })
  slots(@IdParam('editionId') editionId: string): Promise<EditionSlotStatsDto> {
    return this.slotStats.slots(editionId);
  }

  @Get('conventions.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="conventions.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Conventions as CSV: UTF-8 with BOM, `;`-separated, for spreadsheets' })
  conventionsCsv(@IdParam('editionId') editionId: string): Promise<string> {
    return this.exports.conventionsCsv(editionId);
  }

  @Get('meetings.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="meetings.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({ summary: 'Meetings as CSV: UTF-8 with BOM, `;`-separated, for spreadsheets' })
  meetingsCsv(@IdParam('editionId') editionId: string): Promise<string> {
    return this.exports.meetingsCsv(editionId);
  }
}
