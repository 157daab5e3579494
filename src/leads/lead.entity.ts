import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';

/**
 * A visitor scanned at a stand: one per stand and visitor (scanned again, it keeps the earliest
 * scan's time), found again by the client's id of the scan that made it, so that a scan sent twice
 * is recognised. Its note and rating are the stand's own.
 */
@Entity('leads')
@Index('UQ_leads_stand_visitor', ['exhibitorId', 'participantId'], { unique: true })
@Index('UQ_leads_scan', ['scanId'], { unique: true })
export class Lead extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  editionId: string;

  /** The stand: any member of its team sees the lead. */
  @Column({ type: 'varchar', length: 36 })
  exhibitorId: string;

  /** The visitor scanned. */
  @Column({ type: 'varchar', length: 36 })
  participantId: string;

  /** The client's UUID for the scan (an offline queue sends the same one again). */
  @Column({ type: 'varchar', length: 36 })
  scanId: string;

  /** When the badge was scanned, by the scanning phone's clock. */
  @Column({ type: Date })
  scannedAt: Date;

  /** The account of the member who scanned. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  scannedById: string | null;

  @Column({ type: 'text', default: '' })
  note: string = '';

  @Column({ type: 'integer', nullable: true })
  rating: number | null = null;

  @Column({ type: Date })
  updatedAt: Date = new Date();
}
