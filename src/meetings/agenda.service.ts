import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { DataSource, In, IsNull } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { ActivityLogService } from '../common/activity-log.service.js';
import { badRequest, conflict, invalidField, notFound } from '../common/errors.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';
import { toSlotDto, type SlotDto } from '../editions/editions.dto.js';
import { Edition } from '../editions/edition.entity.js';
import { StatsChanged } from '../stats/stats.events.js';
import { Slot } from '../editions/slot.entity.js';
import { Participant } from '../participants/participant.entity.js';
import { Booking } from './booking.entity.js';
import { addMeetingEvent } from './calendar.js';
import { Meeting } from './meeting.entity.js';
import { AgendasChanged } from './meeting.events.js';
import { forMember, MeetingViews } from './meeting-views.js';
import type { AgendaDto, AvailabilityResultDto, MeetingDto } from './meetings.dto.js';
import { ParticipantsLookup } from './participants.lookup.js';
import { SlotBooker } from './slot-booker.js';

/** What a person sees of their convention: agenda, calendar feed, free slots, availability. */
@Injectable()
export class AgendaService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly log: ActivityLogService,
    private readonly events: EventEmitter2,
    private readonly views: MeetingViews,
    private readonly lookup: ParticipantsLookup,
    private readonly booker: SlotBooker,
  ) {}

  async agenda(user: AuthUser, editionId: string, baseUrl: string): Promise<AgendaDto> {
    const me = await this.lookup.mine(user, editionId);
    const token = await this.calendarToken(me);
    return {
      editionId,
      participantId: me.id,
      calendarUrl: `${baseUrl}/api/editions/${editionId}/agenda.ics?token=${token}`,
      meetings: await this.meetingsOf(me),
    };
  }

  /**
   * Scheduled meetings in time order, then requests (newest first), then closed ones: those I hold,
   * and for a stand's member the stand's open requests whoever of the team they are addressed to.
   */
  async meetingsOf(me: Participant): Promise<MeetingDto[]> {
    const team = me.exhibitorId
      ? (await this.lookup.team(me.exhibitorId)).map((p) => p.id)
      : [me.id];
    const meetings = (
      await this.dataSource.getRepository(Meeting).find({
        where: [{ requesterId: In(team) }, { inviteeId: In(team) }],
        order: { createdAt: 'DESC' },
      })
    ).filter((m) => m.requesterId === me.id || m.inviteeId === me.id || m.status === 'requested');
    const dtos = (await this.views.toDtos(meetings, null)).map((m) => forMember(m, me));
    const rank = (m: MeetingDto) => (m.slot ? 0 : m.status === 'requested' ? 1 : 2);
    return dtos.sort(
      (a, b) =>
        rank(a) - rank(b) ||
        (a.slot && b.slot ? a.slot.startsAt.localeCompare(b.slot.startsAt) : 0),
    );
  }

  /** The agenda as iCalendar, for a bearer token or for the secret token of the feed. */
  async calendar(editionId: string, who: { user?: AuthUser; token?: string }): Promise<string> {
    const me = who.user
      ? await this.lookup.mine(who.user, editionId)
      : await this.dataSource
          .getRepository(Participant)
          .findOneBy({ editionId, calendarToken: who.token ?? '' });
    if (!me || (!who.user && !who.token))
      throw notFound('agenda/unknown_calendar', 'No agenda for this token');
    const edition = await this.dataSource.getRepository(Edition).findOneByOrFail({ id: editionId });
    return this.calendarOf(edition, await this.meetingsOf(me));
  }

  /** Those of `meetings` that have a time, as iCalendar (the feed, and the published schedule's mail). */
  calendarOf(edition: Edition, meetings: MeetingDto[]): string {
    const calendar = ical({
      name: `${edition.name} — mes rendez-vous`,
      method: ICalCalendarMethod.PUBLISH,
    });
    for (const m of meetings) {
      if (m.slot && ['scheduled', 'held'].includes(m.status))
        addMeetingEvent(calendar, m, m.slot, edition);
    }
    return calendar.toString();
  }

  /** Free slots of mine, or of the colleague `holderId` would hold the meeting, with `withId`. */
  async freeSlots(
    user: AuthUser,
    editionId: string,
    withId: string,
    holderId?: string,
  ): Promise<SlotDto[]> {
    const me = await this.lookup.mine(user, editionId);
    const them = await this.lookup.inEdition(editionId, withId, 'with');
    let holder = me;
    if (holderId && holderId !== me.id) {
      if (!me.exhibitorId)
        throw invalidField('holder', 'team/not_member', 'holder: only a stand has a team');
      holder = await this.lookup.member(editionId, me.exhibitorId, holderId, 'holder');
    }
    const edition = await this.dataSource.getRepository(Edition).findOneByOrFail({ id: editionId });
    const slots = await this.booker.freeSlots(
      this.dataSource.manager,
      editionId,
      holder.id,
      them.id,
    );
    return slots.map((s) => toSlotDto(s, edition.timezone));
  }

  async availability(user: AuthUser, editionId: string): Promise<AvailabilityResultDto> {
    const me = await this.lookup.mine(user, editionId);
    const blocked = await this.dataSource
      .getRepository(Booking)
      .findBy({ participantId: me.id, kind: 'blocked' });
    return { blockedSlotIds: blocked.map((b) => b.slotId).sort() };
  }

  /** Replaces the slots I am unavailable for; a slot holding one of my meetings cannot be blocked. */
  async setAvailability(
    user: AuthUser,
    editionId: string,
    slotIds: string[],
  ): Promise<AvailabilityResultDto> {
    const me = await this.lookup.mine(user, editionId);
    const wanted = [...new Set(slotIds)];
    await this.uow.write(async (manager) => {
      const slots = wanted.length ? await manager.findBy(Slot, { id: In(wanted), editionId }) : [];
      if (slots.length !== wanted.length) {
        const known = new Set(slots.map((s) => s.id));
        const unknown = wanted.filter((id) => !known.has(id));
        throw badRequest(
          'agenda/unknown_slot',
          `blockedSlotIds: ${unknown.join(', ')} is not a slot of this edition`,
        );
      }
      const meetings = wanted.length
        ? await manager.findBy(Booking, {
            participantId: me.id,
            kind: 'meeting',
            slotId: In(wanted),
          })
        : [];
      if (meetings.length > 0) {
        throw conflict(
          'agenda/slot_has_meeting',
          'blockedSlotIds: you have a meeting at one of these slots; cancel or move it first',
        );
      }
      await manager.delete(Booking, { participantId: me.id, kind: 'blocked' });
      await manager.insert(
        Booking,
        wanted.map((slotId) =>
          manager.create(Booking, {
            editionId,
            slotId,
            participantId: me.id,
            meetingId: null,
            kind: 'blocked',
          }),
        ),
      );
      await this.log.record(manager, {
        action: 'agenda.availability_changed',
        subjectType: 'participant',
        subjectId: me.id,
        editionId,
        actorId: user.id,
        data: { blocked: wanted.length },
      });
    });
    this.events.emit(AgendasChanged.EVENT, new AgendasChanged(editionId, [me.id]));
    // The organizers' chart counts blocks per slot.
    this.events.emit(StatsChanged.EVENT, new StatsChanged(editionId));
    return { blockedSlotIds: wanted.sort() };
  }

  private async calendarToken(me: Participant): Promise<string> {
    if (me.calendarToken) return me.calendarToken;
    const token = randomBytes(24).toString('base64url');
    // Only the first of two concurrent requests sets it; both answer with the one that was kept.
    return this.uow.write(async (manager) => {
      await manager.update(
        Participant,
        { id: me.id, calendarToken: IsNull() },
        { calendarToken: token },
      );
      const kept = await manager.findOneByOrFail(Participant, { id: me.id });
      return kept.calendarToken!;
    });
  }
}
