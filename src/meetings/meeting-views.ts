import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { toSlotDto } from '../editions/editions.dto.js';
import { Edition } from '../editions/edition.entity.js';
import { Slot } from '../editions/slot.entity.js';
import type { ParticipantKind } from '../contract/vocabularies.js';
import type { MeetingDto, PartyDto } from './meetings.dto.js';
import type { Meeting } from './meeting.entity.js';

interface PartyRow {
  participantId: string;
  kind: ParticipantKind;
  firstName: string;
  lastName: string;
  visitorOrganization: string | null;
  exhibitorId: string | null;
  stand: string | null;
  exhibitorOrganization: string | null;
}

/** The same meeting seen by one of its parties: which way the request went, and who the other is. */
export function forViewer(meeting: MeetingDto, viewer: string | null): MeetingDto {
  const { requester, invitee } = meeting;
  const direction =
    viewer === requester.participantId
      ? 'outgoing'
      : viewer === invitee.participantId
        ? 'incoming'
        : null;
  const partner = direction === 'outgoing' ? invitee : direction === 'incoming' ? requester : null;
  return { ...meeting, direction, partner };
}

/**
 * The meeting seen by a person who may not hold it: a member of a stand sees the stand's side as
 * theirs (direction and partner as its holder sees them).
 */
export function forMember(
  meeting: MeetingDto,
  me: { id: string; exhibitorId: string | null },
): MeetingDto {
  const { requester, invitee } = meeting;
  const ours = (p: PartyDto) => !!me.exhibitorId && p.exhibitorId === me.exhibitorId;
  const viewer =
    requester.participantId === me.id || invitee.participantId === me.id
      ? me.id
      : ours(invitee)
        ? invitee.participantId
        : ours(requester)
          ? requester.participantId
          : null;
  return forViewer(meeting, viewer);
}

/** Turns meetings into what the API returns: both parties by name, slot times in the edition's zone. */
@Injectable()
export class MeetingViews {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async parties(participantIds: string[]): Promise<Map<string, PartyDto>> {
    if (participantIds.length === 0) return new Map();
    const rows = await this.dataSource
      .createQueryBuilder()
      .select('p.id', 'participantId')
      .addSelect('p.kind', 'kind')
      .addSelect('u.firstName', 'firstName')
      .addSelect('u.lastName', 'lastName')
      .addSelect('p.organizationName', 'visitorOrganization')
      .addSelect('p.exhibitorId', 'exhibitorId')
      .addSelect('e.stand', 'stand')
      .addSelect('o.name', 'exhibitorOrganization')
      .from('participants', 'p')
      .innerJoin('users', 'u', 'u.id = p.userId')
      .leftJoin('exhibitors', 'e', 'e.id = p.exhibitorId')
      .leftJoin('organizations', 'o', 'o.id = e.organizationId')
      .where({ id: In([...new Set(participantIds)]) })
      .getRawMany<PartyRow>();
    return new Map(
      rows.map((r) => [
        r.participantId,
        {
          participantId: r.participantId,
          kind: r.kind,
          firstName: r.firstName,
          lastName: r.lastName,
          organizationName: r.exhibitorOrganization ?? r.visitorOrganization,
          exhibitorId: r.exhibitorId,
          stand: r.stand,
        },
      ]),
    );
  }

  /** `viewer` is the participant asking (for direction and partner), or null for an organizer. */
  async toDtos(meetings: Meeting[], viewer: string | null): Promise<MeetingDto[]> {
    if (meetings.length === 0) return [];
    const parties = await this.parties(meetings.flatMap((m) => [m.requesterId, m.inviteeId]));
    const slotIds = meetings
      .flatMap((m) => [m.slotId, m.wishedSlotId])
      .filter((id): id is string => id !== null);
    const slots = new Map(
      (slotIds.length
        ? await this.dataSource.getRepository(Slot).findBy({ id: In([...new Set(slotIds)]) })
        : []
      ).map((s) => [s.id, s]),
    );
    const editions = new Map(
      (
        await this.dataSource
          .getRepository(Edition)
          .findBy({ id: In([...new Set(meetings.map((m) => m.editionId))]) })
      ).map((e) => [e.id, e]),
    );
    return meetings.map((m) => {
      const zone = editions.get(m.editionId)!.timezone;
      const slot = m.slotId ? slots.get(m.slotId) : undefined;
      const wished = m.wishedSlotId ? slots.get(m.wishedSlotId) : undefined;
      const neutral: MeetingDto = {
        id: m.id,
        editionId: m.editionId,
        status: m.status,
        direction: null,
        requester: parties.get(m.requesterId)!,
        invitee: parties.get(m.inviteeId)!,
        partner: null,
        message: m.message,
        wishedSlot: wished ? toSlotDto(wished, zone) : null,
        priority: m.priority,
        window: m.timeWindow,
        slot: slot ? toSlotDto(slot, zone) : null,
        table: m.tableNumber,
        place: m.place,
        expiresAt: m.expiresAt ? m.expiresAt.toISOString() : null,
        outcome: m.outcome,
        createdAt: m.createdAt.toISOString(),
        updatedAt: m.updatedAt.toISOString(),
      };
      return forViewer(neutral, viewer);
    });
  }
}
