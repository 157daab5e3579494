import type { SlotKind } from '../contract/vocabularies.js';
import { Column, Entity, Index, JoinColumn, ManyToOne, type Relation } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import { Edition } from './edition.entity.js';

export { SLOT_KINDS, type SlotKind } from '../contract/vocabularies.js';

@Entity('slots')
@Index(['editionId', 'startsAt'], { unique: true })
export class Slot extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  editionId: string;

  @ManyToOne(() => Edition, (edition) => edition.slots, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'editionId' })
  edition?: Relation<Edition>;

  @Column({ type: Date })
  startsAt: Date;

  @Column({ type: Date })
  endsAt: Date;

  /** 0-based index of the edition day, and of the slot within the whole grid. */
  @Column({ type: 'integer' })
  day: number;

  @Column({ type: 'integer' })
  position: number;

  /** An organizer can turn a slot into a break for everybody. */
  @Column({ type: 'varchar', length: 16, default: 'meeting' })
  kind: SlotKind;
}
