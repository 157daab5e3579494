import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentUser, Roles, type AuthUser } from '../auth/decorators.js';
import { IdParam } from '../common/validation.js';
import { AgendaPdfQueryDto, PeoplePdfQueryDto, TablesPdfQueryDto } from './print.dto.js';
import { PrintService, type PrintFile } from './print.service.js';

/** Sends a document as a download; it names people, so no cache keeps it. */
function send(reply: FastifyReply, file: PrintFile): Buffer {
  void reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${file.fileName}"`)
    .header('cache-control', 'private, no-store');
  return file.pdf;
}

/** Printable documents of an edition, as PDF: agendas, badges, the hall's table plan. */
@ApiTags('print')
@ApiBearerAuth()
@Controller('editions/:editionId/print')
export class PrintController {
  constructor(private readonly print: PrintService) {}

  @Get('agenda.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary:
      'My agenda to print, day by day, with the QR of my badge (organizers: anybody’s, with participantId)',
  })
  async agenda(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @Query() query: AgendaPdfQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return send(reply, await this.print.agenda(user, editionId, query));
  }

  @Roles('organizer')
  @Get('agendas.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary:
      'Agendas for the welcome desk, one person from a new page: the selection, or everybody with a meeting',
  })
  async agendas(
    @IdParam('editionId') editionId: string,
    @Query() query: PeoplePdfQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return send(reply, await this.print.agendas(editionId, query));
  }

  @Roles('organizer')
  @Get('badges.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: 'A4 sheets of 8 badges with cut marks: the selection, or everybody (by name)',
  })
  async badges(
    @IdParam('editionId') editionId: string,
    @Query() query: PeoplePdfQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return send(reply, await this.print.badges(editionId, query));
  }

  @Roles('organizer')
  @Get('tables.pdf')
  @ApiProduces('application/pdf')
  @ApiOperation({
    summary: 'Who meets at which table: one slot (slotId), or every slot of a day (date)',
  })
  async tables(
    @IdParam('editionId') editionId: string,
    @Query() query: TablesPdfQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    return send(reply, await this.print.tables(editionId, query));
  }
}
