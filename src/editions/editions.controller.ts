import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles, type AuthUser } from '../auth/decorators.js';
import { IdParam } from '../common/validation.js';
import {
  CreateEditionDto,
  EditionDto,
  EditionSummaryDto,
  SlotDto,
  UpdateEditionDto,
  UpdateSlotDto,
} from './editions.dto.js';
import { EditionsService } from './editions.service.js';

@ApiTags('editions')
@Controller('editions')
export class EditionsController {
  constructor(private readonly editions: EditionsService) {}

  @Public()
  @Get()
  @ApiOperation({ summary: 'All editions, newest first' })
  list(): Promise<EditionSummaryDto[]> {
    return this.editions.list();
  }

  @Public()
  @Get(':editionId')
  @ApiOperation({ summary: 'One edition with its meeting grid' })
  get(@IdParam('editionId') editionId: string): Promise<EditionDto> {
    return this.editions.get(editionId);
  }

  @Roles('organizer')
  @Post()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Create an edition; its slots are generated from the days' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateEditionDto): Promise<EditionDto> {
    return this.editions.create(user, dto);
  }

  @Roles('organizer')
  @Patch(':editionId')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Change an edition; the grid is regenerated, keeping unmoved slots' })
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @Body() dto: UpdateEditionDto,
  ): Promise<EditionDto> {
    return this.editions.update(user, editionId, dto);
  }

  @Roles('organizer')
  @Patch(':editionId/slots/:slotId')
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Make a slot a break for everybody, or a meeting slot again' })
  setSlotKind(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @IdParam('slotId') slotId: string,
    @Body() dto: UpdateSlotDto,
  ): Promise<SlotDto> {
    return this.editions.setSlotKind(user, editionId, slotId, dto.kind);
  }
}
