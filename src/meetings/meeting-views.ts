import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { SqlParams } from '../common/db/bulk.js';
import { toSlotDto } from '../editions/editions.dto.js';
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
  timezone: string;
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

function toPartyDto(r: PartyRow): PartyDto {
  return {
    participantId: r.participantId,
    kind: r.kind,
    firstName: r.firstName,
    lastName: r.lastName,
    organizationName: r.exhibitorOrganization ?? r.visitorOrganization,
    exhibitorId: r.exhibitorId,
    stand: r.stand,
  };
}

/** Turns meetings into what the API returns: both parties by name, slot times in the edition's zone. */
@Injectable()
export class MeetingViews {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async parties(participantIds: string[]): Promise<Map<string, PartyDto>> {
    const rows = await this.partyRows(participantIds);
    return new Map([...rows].map(([id, row]) => [id, toPartyDto(row)]));
  }

  /** The parties by name, with their edition's time zone (a meeting's parties share its edition). */
  private async partyRows(participantIds: string[]): Promise<Map<string, PartyRow>> {
    if (participantIds.length === 0) return new Map();
    // Hand-written: every meeting the API returns or announces reads its parties (docs/benchmarks.md).
    const params = new SqlParams(this.dataSource.manager);
    const ids = [...new Set(participantIds)].map((id) => params.add(id));
    const rows = await this.dataSource.query<PartyRow[]>(
      `SELECT p."id" AS "participantId", p."kind" AS "kind", u."firstName" AS "firstName",
              u."lastName" AS "lastName", p."organizationName" AS "visitorOrganization",
              p."exhibitorId" AS "exhibitorId", e."stand" AS "stand",
              o."name" AS "exhibitorOrganization", ed."timezone" AS "timezone"
         FROM "participants" p
         JOIN "users" u ON u."id" = p."userId"
         JOIN "editions" ed ON ed."id" = p."editionId"
         LEFT JOIN "exhibitors" e ON e."id" = p."exhibitorId"
         LEFT JOIN "organizations" o ON o."id" = e."organizationId"
        WHERE p."id" IN (${ids.join(', ')})`,
      params.values,
    );
    return new Map(rows.map((r) => [r.participantId, r]));
  }

  /**
   * `viewer` is the participant asking (for direction and partner), or null for an organizer;
   * `knownSlots` are slots the caller has at hand (not read again).
   */
  async toDtos(
    meetings: Meeting[],
    viewer: string | null,
    knownSlots: Slot[] = [],
  ): Promise<MeetingDto[]> {
    if (meetings.length === 0) return [];
    const rows = await this.partyRows(meetings.flatMap((m) => [m.requesterId, m.inviteeId]));
    const slots = new Map(knownSlots.map((s) => [s.id, s]));
    const missing = [...new Set(meetings.flatMap((m) => [m.slotId, m.wishedSlotId]))].filter(
      (id): id is string => id !== null && !slots.has(id),
    );
    if (missing.length) {
      const found = await this.dataSource.getRepository(Slot).findBy({ id: In(missing) });
      for (const slot of found) slots.set(slot.id, slot);
    }
    const parties = new Map([...rows].map(([id, row]) => [id, toPartyDto(row)]));
    return meetings.map((m) => {
      const zone = rows.get(m.requesterId)!.timezone;
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
