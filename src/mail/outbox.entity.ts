import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';

export const MAIL_KINDS = [
  'registration.confirmed',
  'meeting.requested',
  'meeting.accepted',
  'meeting.declined',
  'meeting.cancelled',
  'meeting.rescheduled',
  'meeting.reminder',
  'requests.digest',
  'schedule.published',
  'feedback.request',
  'feedback.follow_up',
] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

export type OutboxStatus = 'pending' | 'sent' | 'failed' | 'skipped';

/**
 * A message to send, written in the transaction of the change that causes it: if the change is
 * committed the message will be sent, if it is rolled back there is none. The sender renders it
 * when it sends (in the recipient's language, with the names as they are then).
 */
@Entity('outbox_messages')
@Index('IDX_outbox_due', ['status', 'nextAttemptAt'])
export class OutboxMessage extends BaseEntity {
  /** Unique: the same cause never makes two messages; also the Message-ID the receiver sees. */
  @Column({ type: 'varchar', length: 200, unique: true })
  idempotencyKey: string;

  @Column({ type: 'varchar', length: 40 })
  kind: MailKind;

  @Column({ type: 'varchar', length: 36 })
  toUserId: string;

  @Column({ type: 'varchar', length: 36, nullable: true })
  editionId: string | null;

  /** What the message is about (a meeting id, a participant id…), as JSON. */
  @Column({ type: 'text', default: '{}' })
  payload: string;

  @Column({ type: 'varchar', length: 12, default: 'pending' })
  status: OutboxStatus;

  @Column({ type: 'integer', default: 0 })
  attempts: number;

  @Column({ type: Date })
  nextAttemptAt: Date;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** The sender's round that claimed it last (see OutboxSender.round). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  claimToken: string | null;

  @Column({ type: Date, nullable: true })
  sentAt: Date | null;
}
