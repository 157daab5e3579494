import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from './base.entity.js';

/** Who did what and when, with namespaced actions such as `exhibitor.onboarded`. */
@Entity('activity_log')
@Index(['subjectType', 'subjectId'])
@Index(['editionId', 'action'])
export class ActivityLog extends BaseEntity {
  @Column({ type: 'varchar', length: 36, nullable: true })
  editionId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 32 })
  subjectType: string;

  @Column({ type: 'varchar', length: 36 })
  subjectId: string;

  @Column({ type: 'simple-json', nullable: true })
  data: Record<string, unknown> | null;
}
