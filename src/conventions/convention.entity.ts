import { Column, Entity, PrimaryColumn } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import type { ConventionKind, ConventionStatus } from './convention-rules.js';

export * from './convention-rules.js';

@Entity('conventions')
export class Convention extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  editionId: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'varchar', length: 32 })
  kind: ConventionKind;

  @Column({ type: 'text', default: '' })
  description: string;

  @Column({ type: 'varchar', length: 16 })
  status: ConventionStatus;

  @Column({ type: 'integer', nullable: true })
  estimatedAnnualValueEur: number | null;

  @Column({ type: 'integer', nullable: true })
  jobsCreated: number | null;

  @Column({ type: 'integer', nullable: true })
  insertionJobs: number | null;

  /** Share (0..1) of the supply that is local or in short circuits. */
  @Column({ type: 'real', nullable: true })
  localSupplyShare: number | null;

  @Column({ type: Date, nullable: true })
  signedAt: Date | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  createdById: string | null;

  @Column({ type: Date })
  updatedAt: Date = new Date();
}

@Entity('convention_parties')
export class ConventionParty {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  conventionId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  organizationId: string;

  @Column({ type: 'varchar', length: 60 })
  role: string;

  /** This party agrees to the convention being shown publicly. */
  @Column({ type: 'boolean', default: false })
  public: boolean;

  /** When this party last confirmed the convention as it stands; a change by another party clears it. */
  @Column({ type: Date, nullable: true })
  confirmedAt: Date | null;
}

@Entity('convention_meetings')
export class ConventionMeeting {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  conventionId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  meetingId: string;
}
