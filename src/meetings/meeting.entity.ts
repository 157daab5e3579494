import { Column, Entity } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import type { MeetingOutcome, MeetingStatus } from '../contract/vocabularies.js';
import type { MeetingWindow } from './meeting-rules.js';

export {
  MEETING_OUTCOMES,
  MEETING_STATUSES,
  type MeetingOutcome,
  type MeetingStatus,
} from '../contract/vocabularies.js';

export * from './meeting-rules.js';

/** Statuses in which a pair of people has an open meeting: they count against the limits. */
export const OPEN_STATUSES: MeetingStatus[] = ['requested', 'scheduled'];

/** Allowed status changes; anything else is a 409. */
export const TRANSITIONS: Record<MeetingStatus, MeetingStatus[]> = {
  requested: ['scheduled', 'declined', 'cancelled', 'expired'],
  scheduled: ['scheduled', 'cancelled', 'held', 'no_show'],
  held: ['no_show', 'held'],
  no_show: ['held', 'no_show'],
  declined: [],
  cancelled: [],
  expired: [],
};

/** A request or a meeting; a new one is a request with nothing chosen yet but what its creator sets. */
@Entity('meetings')
export class Meeting extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  editionId: string;

  @Column({ type: 'varchar', length: 36 })
  requesterId: string;

  @Column({ type: 'varchar', length: 36 })
  inviteeId: string;

  /**
   * The two sides in order (see `sideKey`: a stand by its exhibitor id, anyone else by their
   * participant id), so that A→B and B→A, or a visitor with two members of one stand, are one pair.
   */
  @Column({ type: 'varchar', length: 73 })
  pairKey: string;

  @Column({ type: 'varchar', length: 16 })
  status: MeetingStatus;

  @Column({ type: 'text', nullable: true })
  message: string | null = null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  wishedSlotId: string | null = null;

  /** The requester's priority (0 to MAX_PRIORITY), for the batch scheduler. */
  @Column({ type: 'integer', default: 0 })
  priority: number = 0;

  /** Half-day the requester can meet in, for the batch scheduler. */
  @Column({ type: 'varchar', length: 16, default: 'any' })
  timeWindow: MeetingWindow = 'any';

  @Column({ type: 'varchar', length: 36, nullable: true })
  slotId: string | null = null;

  @Column({ type: 'integer', nullable: true })
  tableNumber: number | null = null;

  @Column({ type: 'varchar', length: 60, nullable: true })
  place: string | null = null;

  @Column({ type: Date, nullable: true })
  expiresAt: Date | null = null;

  @Column({ type: 'varchar', length: 32, nullable: true })
  outcome: MeetingOutcome | null = null;

  @Column({ type: Date })
  updatedAt: Date = new Date();
}

/** What one side of a meeting is: a stand (its exhibitor id), whoever of its team holds it, or a person. */
export function sideKey(participant: { id: string; exhibitorId: string | null }): string {
  return participant.exhibitorId ?? participant.id;
}

/** The pair of two sides (`sideKey`), in order. */
export function pairKey(a: string, b: string): string {
  return a < b ? `${a}:${b}` : `${b}:${a}`;
}
