import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { Sector as ContractSector } from '../contract/api.js';
import { Id, Text, TextList } from '../common/validation.js';
import type { Sector } from './sector.entity.js';

/** As long as an organization's sector may be written (OrganizationProfileDto.sectors). */
const SECTOR_LENGTH = 60;

export class SectorsQueryDto {
  @Id({ optional: true, description: 'Count the exhibitors of this edition for each entry' })
  editionId?: string;
}

export class CreateSectorDto {
  @Text({ max: SECTOR_LENGTH, example: 'Pêche' })
  label: string;

  @TextList({
    maxItems: 20,
    maxLength: SECTOR_LENGTH,
    optional: true,
    example: ['aquaculture', 'pêche artisanale'],
    description: 'Other spellings folded onto this entry',
  })
  aliases?: string[];
}

export class UpdateSectorDto {
  @Text({
    max: SECTOR_LENGTH,
    optional: true,
    description:
      'A new label: every organization holding the old one gets it; the old one stays an alias',
  })
  label?: string;

  @TextList({
    maxItems: 20,
    maxLength: SECTOR_LENGTH,
    optional: true,
    description: 'Replaces the aliases',
  })
  aliases?: string[];
}

export class MergeSectorDto {
  @Id({ description: 'The entry that takes this one’s organizations, label and aliases' })
  into: string;
}

export class SectorDto implements ContractSector {
  @ApiProperty() id: string;
  @ApiProperty() label: string;
  @ApiProperty({ type: [String] }) aliases: string[];
  @ApiProperty({ description: 'Organizations that have this sector' }) organizations: number;
  @ApiPropertyOptional({ description: 'Exhibitors with it at the edition asked about' })
  exhibitors?: number;
}

export interface SectorCounts {
  organizations: number;
  exhibitors?: number;
}

export function toSectorDto(sector: Sector, counts: SectorCounts): SectorDto {
  return {
    id: sector.id,
    label: sector.label,
    aliases: sector.aliases,
    organizations: counts.organizations,
    ...(counts.exhibitors === undefined ? {} : { exhibitors: counts.exhibitors }),
  };
}
