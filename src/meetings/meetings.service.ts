import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import {
  LessThanOrEqual,
  type EntityManager,
  type FindOptionsWhere,
  type Repository,
} from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { ActivityLogService, type ActivityAction } from '../common/activity-log.service.js';
import { badRequest, conflict, forbidden, invalidField, notFound } from '../common/errors.js';
import { EnvironmentVariables } from '../config/env.js';
import { insertMany, SqlParams } from '../common/db/bulk.js';
import { isUniqueViolation } from '../common/db/db-errors.js';
import { MailOutbox } from '../mail/outbox.js';
import type { MailKind } from '../mail/outbox.entity.js';
import { columnValue, findOneWhere } from '../common/db/rows.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';
import { Slot } from '../editions/slot.entity.js';
import { Participant } from '../participants/participant.entity.js';
import { Booking } from './booking.entity.js';
import { MeetingChanged, type MeetingEventName } from './meeting.events.js';
import { forMember, forViewer, MeetingViews } from './meeting-views.js';
import {
  Meeting,
  OPEN_STATUSES,
  pairKey,
  sideKey,
  TRANSITIONS,
  type MeetingStatus,
} from './meeting.entity.js';
import type {
  AcceptMeetingDto,
  AttendanceDto,
  ChangeHolderDto,
  CreateMeetingRequestDto,
  MeetingDto,
  RescheduleMeetingDto,
} from './meetings.dto.js';
import { ParticipantsLookup, type MeetingSide } from './participants.lookup.js';
import { persistTransition, SlotBooker } from './slot-booker.js';

/** Meeting requests and their life: accept, decline, cancel, reschedule, attendance, expiry. */
@Injectable()
export class MeetingsService {
  constructor(
    @InjectRepository(Meeting) private readonly meetings: Repository<Meeting>,
    private readonly env: EnvironmentVariables,
    private readonly uow: UnitOfWork,
    private readonly log: ActivityLogService,
    private readonly events: EventEmitter2,
    private readonly views: MeetingViews,
    private readonly lookup: ParticipantsLookup,
    private readonly booker: SlotBooker,
    private readonly outbox: MailOutbox,
  ) {}

  async request(
    user: AuthUser,
    editionId: string,
    dto: CreateMeetingRequestDto,
  ): Promise<MeetingDto> {
    const { me, them } = await this.lookup.meAndThem(
      user,
      editionId,
      dto.toParticipantId,
      'toParticipantId',
    );
    if (them.id === me.id)
      throw badRequest('meeting/self', 'toParticipantId is yourself: you cannot meet yourself');
    if (me.kind === 'visitor' && them.kind === 'visitor') {
      throw forbidden(
        'meeting/visitor_to_visitor',
        'Visitors request meetings with exhibitors only',
      );
    }
    if (me.exhibitorId && me.exhibitorId === them.exhibitorId) {
      throw badRequest(
        'team/same_stand',
        'toParticipantId is a member of your own stand: you cannot meet your own team',
      );
    }
    let expired: Meeting[] = [];
    const meeting = await this.uow.write(async (manager) => {
      expired = []; // A retried attempt tells only of what it expired itself.
      if (dto.slotId)
        await this.booker.requireBookableSlot(manager, editionId, dto.slotId, 'slotId');
      let open = await this.openRequests(manager, me.id);
      if (open.due > 0) {
        // My overdue requests stop counting against the limits before they are checked.
        expired = await this.expireDueIn(manager, { requesterId: me.id });
        open = await this.openRequests(manager, me.id);
      }
      if (open.pending >= this.env.MAX_PENDING_REQUESTS) {
        throw conflict(
          'meeting/too_many_pending',
          `You already have ${open.pending} pending requests; wait for answers or cancel some (limit ${this.env.MAX_PENDING_REQUESTS})`,
        );
      }
      const priority = dto.priority ?? 0;
      if (priority > 0 && open.prioritized >= this.env.MAX_PRIORITY_REQUESTS) {
        throw conflict(
          'meeting/too_many_priorities',
          `priority: ${open.prioritized} of your pending requests already have a priority (limit ${this.env.MAX_PRIORITY_REQUESTS}); send this one at priority 0 or cancel one of them`,
        );
      }
      const created = manager.create(Meeting, {
        editionId,
        requesterId: me.id,
        inviteeId: them.id,
        // A stand is one side whoever of its team is asked: a visitor has one open request per stand.
        pairKey: pairKey(sideKey(me), sideKey(them)),
        status: 'requested',
        message: dto.message ?? null,
        wishedSlotId: dto.slotId ?? null,
        priority,
        timeWindow: dto.window ?? 'any',
        expiresAt: new Date(Date.now() + this.env.MEETING_REQUEST_TTL_SECONDS * 1000),
      });
      try {
        // The partial unique index on open pairs is the check: one statement, and no race.
        await insertMany(manager, Meeting, [created]);
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        throw conflict(
          'meeting/already_requested',
          'There is already an open request or meeting between you two',
        );
      }
      await this.record(manager, user, created, 'meeting.requested');
      return created;
    });
    for (const old of expired) await this.publish(old, 'meeting.expired', null, { toStands: true });
    return this.publish(meeting, 'meeting.requested', { me }, { toStands: true });
  }

  async get(user: AuthUser, meetingId: string): Promise<MeetingDto> {
    const meeting = await this.require(meetingId);
    await this.expireIfDue(meeting);
    const viewer = await this.partyOrOrganizer(user, meeting);
    const [dto] = await this.views.toDtos([meeting], null);
    return viewer ? forMember(dto, viewer.me) : dto;
  }

  /** Any member of the invited stand accepts, and chooses who of the team holds it (themselves by default). */
  async accept(user: AuthUser, meetingId: string, dto: AcceptMeetingDto): Promise<MeetingDto> {
    const { meeting, viewer } = await this.asParty(user, meetingId, 'invitee');
    const holder = await this.holderAtAccept(meeting, viewer!, dto.holderId ?? null);
    let chosen: Slot | undefined;
    const updated = await this.uow.write(async (manager) => {
      const current = await this.fresh(manager, meeting.id);
      this.assertTransition(current, 'scheduled', 'requested');
      if (holder) current.inviteeId = holder.id;
      current.status = 'scheduled';
      current.updatedAt = new Date();
      // What the accept changes besides the slot, written with it in one statement.
      const changes = {
        status: current.status,
        updatedAt: current.updatedAt,
        inviteeId: current.inviteeId,
      };
      const wanted = dto.slotId ?? current.wishedSlotId;
      if (wanted) {
        chosen = await this.booker.requireBookableSlot(
          manager,
          current.editionId,
          wanted,
          'slotId',
        );
        await this.booker.book(manager, current, chosen, changes);
      } else {
        const free = await this.booker.earliestFree(manager, current);
        if (!free)
          throw conflict(
            'meeting/no_free_slot',
            'You two have no free slot in common with a free table',
          );
        chosen = free.slot;
        await this.booker.bookFree(manager, current, free, changes);
      }
      await this.record(manager, user, current, 'meeting.accepted', {
        slotId: chosen.id,
        table: current.tableNumber,
        holderId: current.inviteeId,
      });
      return current;
    });
    const addressed = meeting.inviteeId !== updated.inviteeId ? [meeting.inviteeId] : [];
    return this.publish(
      updated,
      'meeting.scheduled',
      viewer,
      { toStands: true, alsoTell: addressed },
      chosen ? [chosen] : [],
    );
  }

  /**
   * Hands a request or a meeting of a stand to another member of it: any member of that stand (or an
   * organizer) may. The new holder's own bookings must be free at the meeting's slot; the unique
   * (slot, participant) index refuses whatever races past the check.
   */
  async changeHolder(user: AuthUser, meetingId: string, dto: ChangeHolderDto): Promise<MeetingDto> {
    const meeting = await this.require(meetingId);
    await this.expireIfDue(meeting);
    const viewer = await this.partyOrOrganizer(user, meeting);
    const holder = await this.lookup.inEdition(
      meeting.editionId,
      dto.participantId,
      'participantId',
    );
    const side = await this.standSide(meeting, holder);
    if (!side) {
      throw invalidField(
        'participantId',
        'team/not_member',
        'participantId is not a member of a stand of this meeting',
      );
    }
    if (viewer && viewer.me.exhibitorId !== holder.exhibitorId) {
      throw forbidden(
        viewer.me.exhibitorId ? 'team/other_stand' : 'team/members_only',
        'Only the members of the stand choose who of them holds its meetings',
      );
    }
    const column = side === 'invitee' ? 'inviteeId' : 'requesterId';
    let previous = meeting[column];
    const updated = await this.uow.write(async (manager) => {
      const current = await this.fresh(manager, meeting.id);
      if (!OPEN_STATUSES.includes(current.status)) {
        throw conflict(
          'team/meeting_closed',
          `A ${current.status} meeting keeps the holder it had`,
        );
      }
      previous = current[column];
      if (previous === holder.id) return current;
      if (current.slotId) {
        const busy = await manager.findOneBy(Booking, {
          slotId: current.slotId,
          participantId: holder.id,
        });
        if (busy) {
          throw busy.kind === 'blocked'
            ? conflict(
                'team/holder_unavailable',
                'participantId is not available at this meeting’s slot',
              )
            : conflict('team/holder_busy', 'participantId already has a meeting at this slot');
        }
        try {
          await manager.update(
            Booking,
            { meetingId: current.id, participantId: previous },
            { participantId: holder.id },
          );
        } catch (error) {
          if (isUniqueViolation(error))
            throw conflict('team/holder_busy', 'participantId already has a meeting at this slot');
          throw error;
        }
      }
      current[column] = holder.id;
      await manager.update(Meeting, { id: current.id }, { [column]: holder.id });
      await persistTransition(manager, current);
      await this.record(manager, user, current, 'meeting.holder_changed', {
        from: previous,
        to: holder.id,
      });
      return current;
    });
    if (previous === holder.id) {
      const [dto] = await this.views.toDtos([updated], null);
      return viewer ? forMember(dto, viewer.me) : dto;
    }
    return this.publish(updated, 'meeting.updated', viewer, {
      toStands: true,
      alsoTell: [previous],
    });
  }

  async decline(user: AuthUser, meetingId: string): Promise<MeetingDto> {
    const { meeting, viewer } = await this.asParty(user, meetingId, 'invitee');
    const updated = await this.uow.write(async (manager) => {
      const current = await this.fresh(manager, meeting.id);
      this.assertTransition(current, 'declined', 'requested');
      current.status = 'declined';
      await persistTransition(manager, current);
      await this.record(manager, user, current, 'meeting.declined');
      return current;
    });
    return this.publish(updated, 'meeting.declined', viewer, { toStands: true });
  }

  async cancel(user: AuthUser, meetingId: string): Promise<MeetingDto> {
    const { meeting, viewer } = await this.asParty(user, meetingId, 'either');
    let wasRequest = false;
    const updated = await this.uow.write(async (manager) => {
      const current = await this.fresh(manager, meeting.id);
      this.assertTransition(current, 'cancelled');
      wasRequest = current.status === 'requested';
      const previous = { slotId: current.slotId, table: current.tableNumber };
      await this.booker.release(manager, current);
      current.status = 'cancelled';
      await persistTransition(manager, current);
      await this.record(manager, user, current, 'meeting.cancelled', previous);
      return current;
    });
    return this.publish(updated, 'meeting.cancelled', viewer, { toStands: wasRequest });
  }

  async reschedule(
    user: AuthUser,
    meetingId: string,
    dto: RescheduleMeetingDto,
  ): Promise<MeetingDto> {
    const { meeting, viewer } = await this.asParty(user, meetingId, 'either');
    const updated = await this.uow.write(async (manager) => {
      const current = await this.fresh(manager, meeting.id);
      if (current.status !== 'scheduled') {
        throw conflict(
          'meeting/illegal_transition',
          `A ${current.status} meeting cannot be rescheduled`,
        );
      }
      if (current.slotId === dto.slotId)
        throw badRequest('meeting/same_slot', 'slotId is the meeting’s current slot');
      const slot = await this.booker.requireBookableSlot(
        manager,
        current.editionId,
        dto.slotId,
        'slotId',
      );
      const previous = { slotId: current.slotId, table: current.tableNumber };
      await this.booker.release(manager, current);
      await this.booker.book(manager, current, slot);
      await persistTransition(manager, current);
      await this.record(manager, user, current, 'meeting.rescheduled', {
        from: previous,
        slotId: slot.id,
      });
      return current;
    });
    return this.publish(updated, 'meeting.rescheduled', viewer);
  }

  /**
   * After the slot has begun, either party says whether it was held; an organizer may say so any
   * time, but before the slot begins only with `confirmFuture` (a date typed wrong is not a record).
   */
  async attendance(user: AuthUser, meetingId: string, dto: AttendanceDto): Promise<MeetingDto> {
    if (dto.outcome && dto.attendance !== 'held') {
      throw invalidField(
        'outcome',
        'meeting/outcome_not_held',
        'outcome can only be given for a held meeting',
      );
    }
    const { meeting, viewer } = await this.asParty(user, meetingId, 'either-or-organizer');
    const updated = await this.uow.write(async (manager) => {
      const current = await this.fresh(manager, meeting.id);
      this.assertTransition(current, dto.attendance);
      const slot = await manager.findOneByOrFail(Slot, { id: current.slotId! });
      const beforeSlot = slot.startsAt.getTime() > Date.now();
      if (beforeSlot) {
        if (user.role !== 'organizer') {
          throw conflict(
            'meeting/not_started',
            'Attendance can be recorded once the meeting’s slot has begun',
          );
        }
        if (dto.confirmFuture !== true) {
          throw conflict(
            'meeting/not_started',
            'This meeting’s slot has not begun yet: send confirmFuture: true to record its attendance anyway',
          );
        }
      }
      current.status = dto.attendance;
      current.outcome = dto.attendance === 'held' ? (dto.outcome ?? current.outcome) : null;
      await persistTransition(manager, current);
      await this.record(manager, user, current, `meeting.${dto.attendance}`, {
        outcome: current.outcome,
        ...(beforeSlot ? { beforeSlot: true } : {}),
      });
      return current;
    });
    return this.publish(updated, 'meeting.updated', viewer);
  }

  /** Marks overdue requests as expired and tells their parties; returns how many expired. */
  async expireDue(): Promise<number> {
    // One instance sweeps at a time; the others would only collide with it.
    const expired = await this.uow.write(async (manager) =>
      (await this.uow.soleRunner(manager, 'meetings.expire-due'))
        ? this.expireDueIn(manager, {})
        : [],
    );
    for (const meeting of expired)
      await this.publish(meeting, 'meeting.expired', null, { toStands: true });
    return expired.length;
  }

  private async expireDueIn(
    manager: EntityManager,
    where: FindOptionsWhere<Meeting>,
  ): Promise<Meeting[]> {
    const due = await manager.findBy(Meeting, {
      ...where,
      status: 'requested',
      expiresAt: LessThanOrEqual(new Date()),
    });
    for (const meeting of due) {
      meeting.status = 'expired';
      await persistTransition(manager, meeting);
      await this.record(manager, null, meeting, 'meeting.expired');
    }
    return due;
  }

  /** My pending requests, those overdue among them, and those with a priority: one statement. */
  private async openRequests(
    manager: EntityManager,
    requesterId: string,
  ): Promise<{ pending: number; due: number; prioritized: number }> {
    const params = new SqlParams(manager);
    const now = params.add(columnValue(manager, Meeting, 'expiresAt', new Date()));
    const me = params.add(requesterId);
    const [row] = await manager.query<Record<'pending' | 'due' | 'prioritized', unknown>[]>(
      `SELECT COUNT(*) AS "pending",
              COALESCE(SUM(CASE WHEN "expiresAt" <= ${now} THEN 1 ELSE 0 END), 0) AS "due",
              COALESCE(SUM(CASE WHEN "priority" > 0 THEN 1 ELSE 0 END), 0) AS "prioritized"
         FROM "meetings" WHERE "requesterId" = ${me} AND "status" = 'requested'`,
      params.values,
    );
    return {
      pending: Number(row.pending),
      due: Number(row.due),
      prioritized: Number(row.prioritized),
    };
  }

  private async require(meetingId: string): Promise<Meeting> {
    const meeting = await findOneWhere(this.meetings.manager, Meeting, { id: meetingId });
    if (!meeting) throw notFound('meeting/not_found', `Meeting ${meetingId} does not exist`);
    return meeting;
  }

  /** The meeting as the transaction sees it; a request whose time ran out in between is refused. */
  private async fresh(manager: EntityManager, meetingId: string): Promise<Meeting> {
    const meeting = await findOneWhere(manager, Meeting, { id: meetingId });
    if (!meeting) throw notFound('meeting/not_found', `Meeting ${meetingId} does not exist`);
    if (isDue(meeting)) throw conflict('meeting/expired', 'This request has expired');
    return meeting;
  }

  /** Expires an overdue request in a transaction of its own, so that the expiry is kept and told. */
  private async expireIfDue(meeting: Meeting): Promise<void> {
    if (!isDue(meeting)) return;
    const expired = await this.uow.write((manager) =>
      this.expireDueIn(manager, { id: meeting.id }),
    );
    for (const m of expired) {
      Object.assign(meeting, m);
      await this.publish(m, 'meeting.expired', null, { toStands: true });
    }
  }

  /** Who asks and which side they act for (their own, or their stand's); null for an organizer. */
  private async partyOrOrganizer(
    user: AuthUser,
    meeting: Meeting,
  ): Promise<{ me: Participant; side: MeetingSide } | null> {
    if (user.role === 'organizer') return null;
    const me = await this.lookup.mineOrNull(user, meeting.editionId);
    const side = me ? await this.lookup.sideOf(me, meeting) : null;
    if (!me || !side) {
      // Same answer as a missing meeting: nobody learns what is not theirs.
      throw notFound('meeting/not_found', `Meeting ${meeting.id} does not exist`);
    }
    return { me, side };
  }

  private async asParty(
    user: AuthUser,
    meetingId: string,
    who: 'invitee' | 'either' | 'either-or-organizer',
  ): Promise<{ meeting: Meeting; viewer: { me: Participant; side: MeetingSide } | null }> {
    const meeting = await this.require(meetingId);
    await this.expireIfDue(meeting);
    if (who === 'either-or-organizer' && user.role === 'organizer')
      return { meeting, viewer: null };
    const viewer = await this.partyOrOrganizer(user, meeting);
    if (viewer === null) {
      throw forbidden('meeting/parties_only', 'Only the two people of this meeting can do this');
    }
    if (who === 'invitee' && viewer.side !== 'invitee') {
      throw forbidden(
        'meeting/invitee_only',
        'Only the invited person can accept or decline a request',
      );
    }
    return { meeting, viewer };
  }

  private assertTransition(meeting: Meeting, to: MeetingStatus, from?: MeetingStatus): void {
    if (meeting.status === 'expired') throw conflict('meeting/expired', 'This request has expired');
    if ((from && meeting.status !== from) || !TRANSITIONS[meeting.status].includes(to)) {
      throw conflict(
        'meeting/illegal_transition',
        `A ${meeting.status} meeting cannot become ${to}`,
      );
    }
  }

  /** The activity log's line for a change, and the mail it sends, in the change's transaction. */
  private async record(
    manager: EntityManager,
    user: AuthUser | null,
    meeting: Meeting,
    action: ActivityAction,
    data: Record<string, unknown> = {},
  ): Promise<void> {
    await this.log.record(manager, {
      action,
      subjectType: 'meeting',
      subjectId: meeting.id,
      editionId: meeting.editionId,
      actorId: user?.id ?? null,
      data: { status: meeting.status, ...data },
    });
    const told = MAILED[action as keyof typeof MAILED];
    if (told) {
      await this.outbox.toParticipants(
        manager,
        told(meeting),
        {
          kind: action as MailKind,
          editionId: meeting.editionId,
          // A cancelled meeting has left its slot: the message names the one it had.
          payload: {
            meetingId: meeting.id,
            ...(typeof data.slotId === 'string' ? { slotId: data.slotId } : {}),
          },
        },
        user?.id ?? null,
      );
    }
  }

  /** Who holds an accepted request: the chosen member of the invited stand, else the one accepting. */
  private async holderAtAccept(
    meeting: Meeting,
    viewer: { me: Participant },
    holderId: string | null,
  ): Promise<Participant | null> {
    // Usually the one accepting is the one asked: no need to read them again.
    const invitee =
      viewer.me.id === meeting.inviteeId
        ? viewer.me
        : await this.lookup.inEdition(meeting.editionId, meeting.inviteeId, 'inviteeId');
    if (!invitee.exhibitorId) {
      if (holderId && holderId !== invitee.id) {
        throw invalidField('holderId', 'team/not_member', 'holderId: only a stand has a team');
      }
      return null;
    }
    if (!holderId) return viewer.me.exhibitorId === invitee.exhibitorId ? viewer.me : invitee;
    return this.lookup.member(meeting.editionId, invitee.exhibitorId, holderId, 'holderId');
  }

  /** The side of the meeting held by the stand of `member`, if one is. */
  private standSide(meeting: Meeting, member: Participant): Promise<MeetingSide | null> {
    return member.exhibitorId ? this.lookup.sideOf(member, meeting) : Promise.resolve(null);
  }

  /** Builds the meeting as the API shows it once, tells the listeners, and answers the caller. */
  private async publish(
    meeting: Meeting,
    event: MeetingEventName,
    viewer: { me: Participant } | null,
    options: { toStands?: boolean; alsoTell?: string[] } = {},
    knownSlots: Slot[] = [],
  ): Promise<MeetingDto> {
    this.outbox.poke();
    const [neutral] = await this.views.toDtos([meeting], null, knownSlots);
    this.events.emit(
      MeetingChanged.EVENT,
      new MeetingChanged(event, neutral, options.toStands ?? false, options.alsoTell ?? []),
    );
    return viewer ? forMember(neutral, viewer.me) : forViewer(neutral, null);
  }
}

/** Who hears of a change by mail (never the one who made it). */
const MAILED = {
  'meeting.requested': (m: Meeting) => [m.inviteeId],
  'meeting.accepted': (m: Meeting) => [m.requesterId],
  'meeting.declined': (m: Meeting) => [m.requesterId],
  'meeting.cancelled': (m: Meeting) => [m.requesterId, m.inviteeId],
  'meeting.rescheduled': (m: Meeting) => [m.requesterId, m.inviteeId],
} satisfies Partial<Record<MailKind, (m: Meeting) => string[]>>;

function isDue(meeting: Meeting): boolean {
  return meeting.status === 'requested' && !!meeting.expiresAt && meeting.expiresAt <= new Date();
}
