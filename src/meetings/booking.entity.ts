import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';

export type BookingKind = 'meeting' | 'blocked';

/**
 * One person busy at one slot, for a meeting or because they blocked it. The unique
 * (slot, participant) index is what makes double booking impossible, whoever races.
 */
@Entity('bookings')
@Index(['slotId', 'participantId'], { unique: true })
export class Booking extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  editionId: string;

  @Column({ type: 'varchar', length: 36 })
  slotId: string;

  @Column({ type: 'varchar', length: 36 })
  participantId: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  meetingId: string | null;

  @Column({ type: 'varchar', length: 16 })
  kind: BookingKind;
}
