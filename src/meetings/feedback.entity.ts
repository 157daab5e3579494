import { Column, Entity, Index } from 'typeorm';
import { BaseEntity } from '../common/base.entity.js';
import type { FeedbackAnswer, FeedbackStage } from '../contract/vocabularies.js';

export {
  FEEDBACK_ANSWERS,
  FEEDBACK_STAGES,
  type FeedbackAnswer,
  type FeedbackStage,
} from '../contract/vocabularies.js';

/**
 * One party's answer about a meeting after the event, at one stage: a party answers each stage
 * once (answering again changes it), whichever member of a stand's team answers for it.
 */
@Entity('meeting_feedback')
@Index('UQ_feedback_party_stage', ['meetingId', 'participantId', 'stage'], { unique: true })
export class MeetingFeedback extends BaseEntity {
  @Column({ type: 'varchar', length: 36 })
  editionId: string;

  @Column({ type: 'varchar', length: 36 })
  meetingId: string;

  /** The side that answers: the meeting's requester or invitee. */
  @Column({ type: 'varchar', length: 36 })
  participantId: string;

  @Column({ type: 'varchar', length: 8 })
  stage: FeedbackStage;

  @Column({ type: 'varchar', length: 32 })
  answer: FeedbackAnswer;

  /** The account that answered (a member of the stand, or the person). */
  @Column({ type: 'varchar', length: 36 })
  answeredById: string;

  @Column({ type: Date })
  answeredAt: Date;
}
