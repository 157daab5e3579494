import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import { Edition } from '../editions/edition.entity.js';
import { Organization } from './organization.entity.js';

/** An organization present at one edition, with its stand. */
@Entity('exhibitors')
@Index(['editionId', 'organizationId'], { unique: true })
export class Exhibitor extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  editionId: string;

  @ManyToOne(() => Edition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'editionId' })
  edition?: Relation<Edition>;

  @Column({ type: 'varchar', length: 36 })
  organizationId: string;

  @ManyToOne(() => Organization, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'organizationId' })
  organization?: Relation<Organization>;

  @Column({ type: 'varchar', length: 20, nullable: true })
  stand: string | null;
}
