import { Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Sector } from '../sectors/sector.entity.js';
import { Organization } from './organization.entity.js';

/**
 * One row per (organization, sector of the list), so the catalogue filters through an index and the
 * database refuses to delete a sector still in use.
 */
@Entity('organization_sectors')
export class OrganizationSector {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  organizationId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  sectorId: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organizationId' })
  organization?: Relation<Organization>;

  @ManyToOne(() => Sector, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'sectorId' })
  sector?: Relation<Sector>;
}
