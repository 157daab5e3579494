import { Body, Controller, Get, Header, Patch, Post, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles, type AuthUser } from '../auth/decorators.js';
import { IdParam } from '../common/validation.js';
import { LeadDto, LeadsDto, ScanDto, ScanResultDto, UpdateLeadDto } from './leads.dto.js';
import { LeadsService } from './leads.service.js';

/** A stand's leads: only its members scan, see, annotate and export them. */
@ApiTags('leads')
@ApiBearerAuth()
@Roles('exhibitor')
@Controller()
export class LeadsController {
  constructor(private readonly leads: LeadsService) {}

  @Post('editions/:editionId/leads')
  @ApiOperation({
    summary:
      'Record a visitor’s badge scanned at my stand: 201 a new lead; 200 with duplicate: true for a scan sent again or a visitor the stand has already; 409 lead/no_consent and nothing recorded without the visitor’s consent',
  })
  @ApiCreatedResponse({ type: ScanResultDto, description: 'A new lead' })
  @ApiOkResponse({ type: ScanResultDto, description: 'The lead there was (duplicate: true)' })
  async scan(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @Body() dto: ScanDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ScanResultDto> {
    const result = await this.leads.scan(user, editionId, dto);
    if (result.duplicate) void reply.status(200);
    return result;
  }

  @Get('editions/:editionId/leads')
  @ApiOperation({ summary: 'My stand’s leads, newest scan first (the stand’s members only)' })
  list(@CurrentUser() user: AuthUser, @IdParam('editionId') editionId: string): Promise<LeadsDto> {
    return this.leads.list(user, editionId);
  }

  @Get('editions/:editionId/leads.csv')
  @Header('content-type', 'text/csv; charset=utf-8')
  @Header('content-disposition', 'attachment; filename="contacts.csv"')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'My stand’s leads as a spreadsheet (UTF-8 with BOM, `;`, French headers)',
  })
  csv(@CurrentUser() user: AuthUser, @IdParam('editionId') editionId: string): Promise<string> {
    return this.leads.csv(user, editionId);
  }

  @Patch('leads/:leadId')
  @ApiOperation({ summary: 'The stand’s note and rating (1 to 5) of a lead' })
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('leadId') leadId: string,
    @Body() dto: UpdateLeadDto,
  ): Promise<LeadDto> {
    return this.leads.update(user, leadId, dto);
  }
}
