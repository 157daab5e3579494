import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';

/** A suggestion a person said no to ("Pas intéressé"): never shown again, similar ones lowered. */
@Entity('recommendation_dismissals')
@Index(['participantId', 'dismissedId'], { unique: true })
export class Dismissal extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  editionId: string;

  @Column({ type: 'varchar', length: 36 })
  participantId: string;

  @Column({ type: 'varchar', length: 36 })
  dismissedId: string;
}
