import { Entity, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Organization } from './organization.entity.js';

/** One row per (organization, normalised sector), so the catalogue filters through an index. */
@Entity('organization_sectors')
export class OrganizationSector {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  organizationId: string;

  @PrimaryColumn({ type: 'varchar', length: 100 })
  sectorKey: string;

  @ManyToOne(() => Organization, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'organizationId' })
  organization?: Relation<Organization>;
}
