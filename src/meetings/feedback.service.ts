import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { ActivityLogService } from '../common/activity-log.service.js';
import { SqlParams } from '../common/db/bulk.js';
import { columnValue, findOneWhere } from '../common/db/rows.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';
import { conflict, invalidField, notFound } from '../common/errors.js';
import { EnvironmentVariables } from '../config/env.js';
import { Slot } from '../editions/slot.entity.js';
import { MailOutbox } from '../mail/outbox.js';
import type { MailKind } from '../mail/outbox.entity.js';
import {
  FEEDBACK_ANSWERS,
  MeetingFeedback,
  type FeedbackAnswer,
  type FeedbackStage,
} from './feedback.entity.js';
import { Meeting, MEETING_OUTCOMES, type MeetingOutcome } from './meeting.entity.js';
import { MeetingChanged } from './meeting.events.js';
import { forMember, MeetingViews } from './meeting-views.js';
import type { MeetingDto } from './meetings.dto.js';
import { ParticipantsLookup } from './participants.lookup.js';
import { persistTransition } from './slot-booker.js';

/** What an answer says of the meeting's outcome; not_held says it was not held. */
const OUTCOME_OF: Record<FeedbackAnswer, MeetingOutcome | null> = {
  not_held: null,
  not_relevant: 'no_follow_up',
  informative: 'no_follow_up',
  cooperation_possible: 'follow_up',
  agreement_reached: 'convention_envisaged',
  in_discussion: 'follow_up',
  no_agreement: 'no_follow_up',
};

/** The meetings that may have taken place: their parties are asked, and may answer. */
const ASKABLE = ['scheduled', 'held', 'no_show'] as const;

/** An edition that ended longer ago than this is not asked about any more (a late deployment). */
const WINDOW_DAYS = 30;

interface MeetingToAsk {
  id: string;
  editionId: string;
  requesterId: string;
  inviteeId: string;
}

export interface FeedbackFigures {
  /** Meetings that at least one party answered about. */
  meetingsAnswered: number;
  first: Record<string, number>;
  second: Record<string, number>;
}

/**
 * After the event, each party of a meeting is asked how it went (FEEDBACK_AFTER_HOURS after the
 * edition's last slot), and, for a meeting where a cooperation seemed possible, whether an
 * agreement was reached (FEEDBACK_FOLLOW_UP_DAYS later). Answers come from the signed links of the
 * mail or from the agenda; each one moves the meeting on: held or not, and its outcome raised to
 * what the answer says (never lowered: the furthest either party says it went).
 */
@Injectable()
export class FeedbackService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly log: ActivityLogService,
    private readonly events: EventEmitter2,
    private readonly views: MeetingViews,
    private readonly lookup: ParticipantsLookup,
    private readonly outbox: MailOutbox,
    private readonly env: EnvironmentVariables,
  ) {}

  /** From the agenda: the side the person signed in acts for answers. */
  async answerAs(
    user: AuthUser,
    meetingId: string,
    stage: FeedbackStage,
    answer: FeedbackAnswer,
  ): Promise<MeetingDto> {
    const meeting = await this.require(this.dataSource.manager, meetingId);
    const me = await this.lookup.mineOrNull(user, meeting.editionId);
    const side = me ? await this.lookup.sideOf(me, meeting) : null;
    if (!me || !side) throw notFound('meeting/not_found', `Meeting ${meetingId} does not exist`);
    const party = side === 'requester' ? meeting.requesterId : meeting.inviteeId;
    const updated = await this.answer(meetingId, party, user.id, stage, answer);
    const [dto] = await this.views.toDtos([updated], null);
    return forMember(dto, me);
  }

  /** Records `party`'s answer (the account `userId` answering for it) and moves the meeting on. */
  async answer(
    meetingId: string,
    party: string,
    userId: string,
    stage: FeedbackStage,
    answer: FeedbackAnswer,
  ): Promise<Meeting> {
    if (!(FEEDBACK_ANSWERS[stage] as readonly string[]).includes(answer)) {
      throw invalidField(
        'answer',
        'feedback/bad_answer',
        `answer must be one of: ${FEEDBACK_ANSWERS[stage].join(', ')}`,
      );
    }
    const { meeting, changed } = await this.uow.write(async (manager) => {
      const current = await this.require(manager, meetingId);
      if (party !== current.requesterId && party !== current.inviteeId)
        throw notFound('meeting/not_found', `Meeting ${meetingId} does not exist`);
      if (!(ASKABLE as readonly string[]).includes(current.status)) {
        throw conflict(
          'feedback/not_held',
          `A ${current.status} meeting did not take place: there is nothing to say of it`,
        );
      }
      const slot = await manager.findOneByOrFail(Slot, { id: current.slotId! });
      if (slot.startsAt.getTime() > Date.now())
        throw conflict('meeting/not_started', 'This meeting’s slot has not begun yet');
      if (stage === 'second' && current.status !== 'held') {
        throw conflict(
          'feedback/not_held',
          'Whether an agreement was reached is asked of a meeting that was held',
        );
      }
      await this.upsert(manager, current, party, userId, stage, answer);
      const before = { status: current.status, outcome: current.outcome };
      this.moveOn(current, await manager.findBy(MeetingFeedback, { meetingId }));
      const moved = before.status !== current.status || before.outcome !== current.outcome;
      if (moved) await persistTransition(manager, current);
      await this.log.record(manager, {
        action: 'meeting.feedback',
        subjectType: 'meeting',
        subjectId: current.id,
        editionId: current.editionId,
        actorId: userId,
        data: { stage, answer, party, status: current.status, outcome: current.outcome },
      });
      return { meeting: current, changed: moved };
    });
    if (changed) {
      const [dto] = await this.views.toDtos([meeting], null);
      this.events.emit(MeetingChanged.EVENT, new MeetingChanged('meeting.updated', dto));
    }
    return meeting;
  }

  /** The answers of `party` about a meeting, stage by stage (for the page of a link). */
  async answersOf(
    meetingId: string,
    party: string,
  ): Promise<Partial<Record<FeedbackStage, FeedbackAnswer>>> {
    const rows = await this.dataSource.manager.findBy(MeetingFeedback, {
      meetingId,
      participantId: party,
    });
    return Object.fromEntries(rows.map((r) => [r.stage, r.answer]));
  }

  /** The organizer's figures: answers by stage. */
  async figures(editionId: string): Promise<FeedbackFigures> {
    const rows = await this.dataSource
      .getRepository(MeetingFeedback)
      .createQueryBuilder('f')
      .select('f.stage', 'stage')
      .addSelect('f.answer', 'answer')
      .addSelect('COUNT(*)', 'n')
      .where('f.editionId = :editionId', { editionId })
      .groupBy('f.stage')
      .addGroupBy('f.answer')
      .getRawMany<{ stage: FeedbackStage; answer: FeedbackAnswer; n: string | number }>();
    const stage = (s: FeedbackStage) =>
      Object.fromEntries(
        FEEDBACK_ANSWERS[s].map((a) => [
          a,
          Number(rows.find((r) => r.stage === s && r.answer === a)?.n ?? 0),
        ]),
      );
    const params = new SqlParams(this.dataSource.manager);
    const [answered] = await this.dataSource.query<{ n: string | number }[]>(
      `SELECT COUNT(DISTINCT "meetingId") AS n FROM "meeting_feedback" WHERE "editionId" = ${params.add(editionId)}`,
      params.values,
    );
    return { meetingsAnswered: Number(answered.n), first: stage('first'), second: stage('second') };
  }

  /**
   * Puts in the outbox the questions due: the first stage to both parties of each meeting that may
   * have taken place, once the edition is over by FEEDBACK_AFTER_HOURS; the second to both parties
   * of each held meeting with a follow-up foreseen and no convention yet, FEEDBACK_FOLLOW_UP_DAYS
   * after the end. One question per meeting, party and stage (the key); one instance at a time.
   */
  async sweep(now = new Date()): Promise<number> {
    const hour = 3_600_000;
    const day = 24 * hour;
    const stages: { kind: MailKind; endedBefore: Date; where: string }[] = [
      {
        kind: 'feedback.request',
        endedBefore: new Date(now.getTime() - this.env.FEEDBACK_AFTER_HOURS * hour),
        where: `m."status" IN ('scheduled', 'held')`,
      },
    ];
    if (this.env.FEEDBACK_FOLLOW_UP_DAYS > 0) {
      stages.push({
        kind: 'feedback.follow_up',
        endedBefore: new Date(now.getTime() - this.env.FEEDBACK_FOLLOW_UP_DAYS * day),
        where: `m."status" = 'held' AND m."outcome" = 'follow_up'
            AND NOT EXISTS (SELECT 1 FROM "convention_meetings" cm WHERE cm."meetingId" = m."id")`,
      });
    }
    return this.uow.write(async (manager) => {
      if (!(await this.uow.soleRunner(manager, 'mail.feedback'))) return 0;
      let written = 0;
      for (const { kind, endedBefore, where } of stages) {
        const params = new SqlParams(manager);
        const at = (date: Date) => params.add(columnValue(manager, Slot, 'endsAt', date));
        const due = await manager.query<MeetingToAsk[]>(
          `SELECT m."id", m."editionId", m."requesterId", m."inviteeId" FROM "meetings" m
            WHERE ${where}
              AND m."editionId" IN (SELECT s."editionId" FROM "slots" s GROUP BY s."editionId"
                    HAVING MAX(s."endsAt") <= ${at(endedBefore)}
                       AND MAX(s."endsAt") > ${at(new Date(endedBefore.getTime() - WINDOW_DAYS * day))})
              AND NOT EXISTS (SELECT 1 FROM "outbox_messages" o WHERE o."idempotencyKey" =
                    CAST(${params.add(kind)} AS varchar(40)) || ':' || m."id" || ':' || m."requesterId")`,
          params.values,
        );
        for (const meeting of due) {
          await this.outbox.toParticipants(manager, [meeting.requesterId, meeting.inviteeId], {
            kind,
            editionId: meeting.editionId,
            payload: { meetingId: meeting.id },
          });
        }
        written += due.length;
      }
      return written;
    });
  }

  private async require(manager: EntityManager, meetingId: string): Promise<Meeting> {
    const meeting = await findOneWhere(manager, Meeting, { id: meetingId });
    if (!meeting) throw notFound('meeting/not_found', `Meeting ${meetingId} does not exist`);
    return meeting;
  }

  private async upsert(
    manager: EntityManager,
    meeting: Meeting,
    party: string,
    userId: string,
    stage: FeedbackStage,
    answer: FeedbackAnswer,
  ): Promise<void> {
    const found = await manager.findOneBy(MeetingFeedback, {
      meetingId: meeting.id,
      participantId: party,
      stage,
    });
    const answeredAt = new Date();
    if (found) {
      await manager.update(
        MeetingFeedback,
        { id: found.id },
        { answer, answeredById: userId, answeredAt },
      );
      return;
    }
    await manager.insert(
      MeetingFeedback,
      manager.create(MeetingFeedback, {
        editionId: meeting.editionId,
        meetingId: meeting.id,
        participantId: party,
        stage,
        answer,
        answeredById: userId,
        answeredAt,
      }),
    );
  }

  /**
   * The meeting as all its answers say: held as soon as one party says anything but "did not take
   * place" (a no-show is corrected by the other side's word), not held when every answer says so;
   * its outcome the furthest any answer or the organizer's record says.
   */
  private moveOn(meeting: Meeting, answers: MeetingFeedback[]): void {
    const held = answers.some((a) => a.answer !== 'not_held');
    if (held && meeting.status !== 'held') meeting.status = 'held';
    if (!held && meeting.status === 'scheduled') meeting.status = 'no_show';
    if (meeting.status !== 'held') {
      meeting.outcome = null;
      return;
    }
    const rank = (o: MeetingOutcome | null) => (o === null ? -1 : MEETING_OUTCOMES.indexOf(o));
    for (const a of answers) {
      const said = OUTCOME_OF[a.answer];
      if (rank(said) > rank(meeting.outcome)) meeting.outcome = said;
    }
  }
}
