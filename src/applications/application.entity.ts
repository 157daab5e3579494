import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { User } from '../auth/user.entity.js';
import { BaseEntity } from '../common/base.entity.js';
import type { LegalForm } from '../contract/vocabularies.js';
import { Edition } from '../editions/edition.entity.js';
import { Exhibitor } from '../exhibitors/exhibitor.entity.js';
import { Organization } from '../exhibitors/organization.entity.js';
import type { ApplicationStatus } from './application-rules.js';

/**
 * A structure's request to exhibit at one edition: its profile as written, stand wishes and contact,
 * then the organizer's decision. At most one pending application per structure (its folded name) and
 * per applicant at an edition: partial unique indexes (see the migration).
 */
@Entity('applications')
@Index('UQ_applications_open_name', ['editionId', 'nameKey'], {
  unique: true,
  where: `"status" = 'pending'`,
})
@Index('UQ_applications_open_applicant', ['editionId', 'applicantId'], {
  unique: true,
  where: `"status" = 'pending'`,
})
export class Application extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  editionId: string;

  @ManyToOne(() => Edition, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'editionId' })
  edition?: Relation<Edition>;

  /** The account that applied, and the exhibitor's login once approved. */
  @Column({ type: 'varchar', length: 36 })
  applicantId: string;

  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'applicantId' })
  applicant?: Relation<User>;

  @Column({ type: 'varchar', length: 16 })
  status: ApplicationStatus;

  @Column({ type: 'varchar', length: 36, nullable: true })
  organizationId: string | null;

  @ManyToOne(() => Organization, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'organizationId' })
  organization?: Relation<Organization> | null;

  @Column({ type: 'varchar', length: 200 })
  name: string;

  /** The folded name, as organizations are found by (see Organization.nameKey). */
  @Column({ type: 'varchar', length: 200 })
  nameKey: string;

  @Column({ type: 'varchar', length: 32 })
  legalForm: LegalForm;

  @Column({ type: 'simple-json' })
  sectors: string[];

  @Column({ type: 'varchar', length: 3 })
  department: string;

  @Column({ type: 'varchar', length: 100 })
  city: string;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'simple-json' })
  offers: string[];

  @Column({ type: 'simple-json' })
  needs: string[];

  @Column({ type: 'varchar', length: 300, nullable: true })
  website: string | null;

  @Column({ type: 'text', nullable: true })
  standWishes: string | null;

  @Column({ type: 'varchar', length: 100 })
  contactFirstName: string;

  @Column({ type: 'varchar', length: 100 })
  contactLastName: string;

  @Column({ type: 'varchar', length: 254 })
  contactEmail: string;

  @Column({ type: 'varchar', length: 30, nullable: true })
  contactPhone: string | null;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  stand: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  exhibitorId: string | null;

  @ManyToOne(() => Exhibitor, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'exhibitorId' })
  exhibitor?: Relation<Exhibitor> | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  decidedById: string | null;

  @ManyToOne(() => User, { nullable: true, onDelete: 'SET NULL' })
  @JoinColumn({ name: 'decidedById' })
  decidedBy?: Relation<User> | null;

  @Column({ type: Date, nullable: true })
  decidedAt: Date | null;

  @Column({ type: Date })
  updatedAt: Date = new Date();
}
