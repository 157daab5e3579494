import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Public, Roles, type AuthUser } from '../auth/decorators.js';
import { IdParam } from '../common/validation.js';
import {
  CreateSectorDto,
  MergeSectorDto,
  SectorDto,
  SectorsQueryDto,
  UpdateSectorDto,
} from './sectors.dto.js';
import { SectorsService } from './sectors.service.js';

@ApiTags('sectors')
@Controller('sectors')
export class SectorsController {
  constructor(private readonly sectors: SectorsService) {}

  @Public()
  @Get()
  @ApiOperation({
    summary: 'The list of sectors organizations choose from, with how many use each',
  })
  list(@Query() query: SectorsQueryDto): Promise<SectorDto[]> {
    return this.sectors.list(query);
  }

  @Roles('organizer')
  @Post()
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Add a sector to the list (organizers)' })
  create(@CurrentUser() user: AuthUser, @Body() dto: CreateSectorDto): Promise<SectorDto> {
    return this.sectors.create(user, dto);
  }

  @Roles('organizer')
  @Patch(':sectorId')
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Rename a sector or change its aliases: organizations holding it follow (organizers)',
  })
  update(
    @CurrentUser() user: AuthUser,
    @IdParam('sectorId') sectorId: string,
    @Body() dto: UpdateSectorDto,
  ): Promise<SectorDto> {
    return this.sectors.update(user, sectorId, dto);
  }

  @Roles('organizer')
  @Post(':sectorId/merge')
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOperation({
    summary: 'Merge a sector into another: its organizations, label and aliases move (organizers)',
  })
  merge(
    @CurrentUser() user: AuthUser,
    @IdParam('sectorId') sectorId: string,
    @Body() dto: MergeSectorDto,
  ): Promise<SectorDto> {
    return this.sectors.merge(user, sectorId, dto);
  }

  @Roles('organizer')
  @Delete(':sectorId')
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Delete a sector nobody uses (organizers)' })
  remove(@CurrentUser() user: AuthUser, @IdParam('sectorId') sectorId: string): Promise<void> {
    return this.sectors.remove(user, sectorId);
  }
}
