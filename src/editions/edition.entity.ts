import type { MeetingPlace } from '../contract/vocabularies.js';
import { Column, Entity, OneToMany, type Relation } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import { Slot } from './slot.entity.js';

export interface EditionDay {
  date: string;
  start: string;
  end: string;
}

export { MEETING_PLACES, type MeetingPlace } from '../contract/vocabularies.js';

@Entity('editions')
export class Edition extends BaseEntity {
  @Column({ type: 'varchar', length: 200 })
  name: string;

  @Column({ type: 'varchar', length: 100 })
  city: string;

  @Column({ type: 'varchar', length: 200 })
  venue: string;

  @Column({ type: 'varchar', length: 64 })
  timezone: string;

  @Column({ type: 'integer' })
  slotMinutes: number;

  @Column({ type: 'integer', default: 0 })
  breakMinutes: number;

  @Column({ type: 'integer' })
  tables: number;

  /** Whether B2B meetings take place at numbered tables or at the exhibitor's stand. */
  @Column({ type: 'varchar', length: 16, default: 'tables' })
  meetingPlace: MeetingPlace;

  @Column({ type: 'simple-json' })
  days: EditionDay[];

  @Column({ type: Date })
  updatedAt: Date = new Date();

  @OneToMany(() => Slot, (slot) => slot.edition)
  slots?: Relation<Slot[]>;
}
