import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, Not, IsNull } from 'typeorm';
import type { ParticipantKind, VisitorCategory } from '../contract/vocabularies.js';
import { Edition } from '../editions/edition.entity.js';
import { Slot } from '../editions/slot.entity.js';
import { Exhibitor } from '../exhibitors/exhibitor.entity.js';
import { Organization } from '../exhibitors/organization.entity.js';
import { Meeting, type MeetingStatus } from '../meetings/meeting.entity.js';
import { Participant } from '../participants/participant.entity.js';
import { byName } from './pdf/french.js';
import type { AgendaSheet, PrintedEdition, PrintedPerson, SlotPlan } from './pdf/model.js';

/** Meetings that happen, or did: what an agenda and a table plan show. */
export const PRINTED_STATUSES: MeetingStatus[] = ['scheduled', 'held'];

/** A person to print, with what the print service checks its reader against. */
export interface PersonRow extends PrintedPerson {
  userId: string;
  exhibitorId: string | null;
}

interface PersonRaw {
  participantId: string;
  userId: string;
  kind: ParticipantKind;
  category: VisitorCategory | null;
  firstName: string;
  lastName: string;
  visitorOrganization: string | null;
  exhibitorId: string | null;
  stand: string | null;
  exhibitorOrganization: string | null;
  badgeCode: string;
  /** A boolean on PostgreSQL, 0 or 1 on SQLite. */
  scanConsent: boolean | number;
}

export function toPrintedEdition(edition: Edition): PrintedEdition {
  return {
    name: edition.name,
    venue: edition.venue,
    city: edition.city,
    timezone: edition.timezone,
    meetingPlace: edition.meetingPlace,
    tables: edition.tables,
  };
}

/**
 * Reads what the documents print, in a few statements whatever their size (an edition's agendas
 * or badges are thousands of people): people with their names and structures, meetings, slots.
 */
@Injectable()
export class PrintData {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** People of the edition, all or those of `ids` (any order), by name. */
  async people(
    editionId: string,
    filter: { ids?: string[]; kind?: ParticipantKind } = {},
  ): Promise<PersonRow[]> {
    if (filter.ids && filter.ids.length === 0) return [];
    const qb = this.dataSource
      .getRepository(Participant)
      .createQueryBuilder('p')
      .innerJoin('p.user', 'u')
      .leftJoin(Exhibitor, 'e', 'e.id = p.exhibitorId')
      .leftJoin(Organization, 'o', 'o.id = e.organizationId')
      .select('p.id', 'participantId')
      .addSelect('p.userId', 'userId')
      .addSelect('p.kind', 'kind')
      .addSelect('p.category', 'category')
      .addSelect('u.firstName', 'firstName')
      .addSelect('u.lastName', 'lastName')
      .addSelect('p.organizationName', 'visitorOrganization')
      .addSelect('p.exhibitorId', 'exhibitorId')
      .addSelect('e.stand', 'stand')
      .addSelect('o.name', 'exhibitorOrganization')
      .addSelect('p.badgeCode', 'badgeCode')
      .addSelect('p.scanConsent', 'scanConsent')
      .where('p.editionId = :editionId', { editionId });
    if (filter.ids) qb.andWhere('p.id IN (:...ids)', { ids: filter.ids });
    if (filter.kind) qb.andWhere('p.kind = :kind', { kind: filter.kind });
    const rows = await qb.getRawMany<PersonRaw>();
    return rows
      .map((r) => ({
        participantId: r.participantId,
        userId: r.userId,
        kind: r.kind,
        category: r.category,
        firstName: r.firstName,
        lastName: r.lastName,
        organizationName: r.exhibitorOrganization ?? r.visitorOrganization,
        exhibitorId: r.exhibitorId,
        stand: r.stand,
        badgeCode: r.badgeCode,
        scanConsent: r.kind === 'visitor' && Boolean(r.scanConsent),
      }))
      .sort(byName);
  }

  /** The edition's meetings that take place, those of one participant, or those at some slots. */
  meetings(
    editionId: string,
    filter: { participantId?: string; slotIds?: string[] } = {},
  ): Promise<Meeting[]> {
    const base = {
      editionId,
      status: In(PRINTED_STATUSES),
      slotId: filter.slotIds ? In(filter.slotIds) : Not(IsNull()),
    };
    const where = filter.participantId
      ? [
          { ...base, requesterId: filter.participantId },
          { ...base, inviteeId: filter.participantId },
        ]
      : base;
    return this.dataSource.getRepository(Meeting).find({ where });
  }

  slots(editionId: string): Promise<Slot[]> {
    return this.dataSource
      .getRepository(Slot)
      .find({ where: { editionId }, order: { position: 'ASC' } });
  }

  /** The people of these meetings' parties, by participant id. */
  async parties(editionId: string, meetings: Meeting[]): Promise<Map<string, PersonRow>> {
    const ids = [...new Set(meetings.flatMap((m) => [m.requesterId, m.inviteeId]))];
    return byId(await this.people(editionId, { ids }));
  }
}

export const byId = (people: PersonRow[]) => new Map(people.map((p) => [p.participantId, p]));

/** Each person's meetings in time order, seen from their side (the partner is the other party). */
export function agendaSheets(
  people: PrintedPerson[],
  meetings: Meeting[],
  parties: Map<string, PrintedPerson>,
  slots: Map<string, Slot>,
): AgendaSheet[] {
  const mine = new Map<string, Meeting[]>(people.map((p) => [p.participantId, []]));
  for (const m of meetings) {
    mine.get(m.requesterId)?.push(m);
    mine.get(m.inviteeId)?.push(m);
  }
  return people.map((person) => ({
    person,
    meetings: mine
      .get(person.participantId)!
      .map((m) => {
        const slot = slots.get(m.slotId!)!;
        const partnerId = m.requesterId === person.participantId ? m.inviteeId : m.requesterId;
        return {
          startsAt: slot.startsAt,
          endsAt: slot.endsAt,
          status: m.status,
          place: m.place ?? (m.tableNumber === null ? null : `Table ${m.tableNumber}`),
          partner: parties.get(partnerId)!,
        };
      })
      .sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime()),
  }));
}

/** Who meets where at each of these slots, by table number (or by place at stands). */
export function slotPlans(
  slots: Slot[],
  meetings: Meeting[],
  parties: Map<string, PrintedPerson>,
): SlotPlan[] {
  return slots.map((slot) => ({
    startsAt: slot.startsAt,
    endsAt: slot.endsAt,
    kind: slot.kind,
    assignments: meetings
      .filter((m) => m.slotId === slot.id)
      .map((m) => ({
        table: m.tableNumber,
        place: m.place,
        parties: [parties.get(m.requesterId)!, parties.get(m.inviteeId)!] as [
          PrintedPerson,
          PrintedPerson,
        ],
      }))
      .sort(
        (a, b) =>
          (a.table ?? Infinity) - (b.table ?? Infinity) ||
          (a.place ?? '').localeCompare(b.place ?? '', 'fr', { numeric: true }),
      ),
  }));
}
