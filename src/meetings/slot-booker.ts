import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { insertMany, SqlParams } from '../common/db/bulk.js';
import { isUniqueViolation } from '../common/db/db-errors.js';
import { columnValue, rowDate, updateById } from '../common/db/rows.js';

// Re-exported for the modules that book through this one.
import { badRequest, conflict } from '../common/errors.js';
import { Edition, type MeetingPlace } from '../editions/edition.entity.js';
import { Slot } from '../editions/slot.entity.js';
import { Exhibitor } from '../exhibitors/exhibitor.entity.js';
import { Participant } from '../participants/participant.entity.js';
import { Booking } from './booking.entity.js';
import { Meeting } from './meeting.entity.js';

/** The earliest slot two people can meet at, with the table they would get (null at stands). */
export interface FreeSlot {
  slot: Slot;
  table: number | null;
  meetingPlace: MeetingPlace;
}

interface FreeSlotRow {
  id: string;
  editionId: string;
  startsAt: string | Date;
  endsAt: string | Date;
  day: number;
  position: number;
  kind: 'meeting';
  meetingPlace: MeetingPlace;
  freeTable: number | string | null;
}

/**
 * Puts meetings on the grid. Every method runs inside the caller's write transaction; the unique
 * indexes on (slot, participant) and (slot, table) refuse whatever a check here might miss.
 */
@Injectable()
export class SlotBooker {
  async requireBookableSlot(
    manager: EntityManager,
    editionId: string,
    slotId: string,
    field: string,
  ): Promise<Slot> {
    const slot = await manager.findOneBy(Slot, { id: slotId, editionId });
    if (!slot) throw badRequest('meeting/unknown_slot', `${field} is not a slot of this edition`);
    if (slot.kind === 'break')
      throw badRequest('meeting/slot_break', `${field} is a break: nobody meets then`);
    if (slot.endsAt.getTime() <= Date.now())
      throw badRequest('meeting/slot_past', `${field} is a past slot`);
    return slot;
  }

  /**
   * Books both parties and a table (or the exhibitor's stand) at the slot, or throws a 409;
   * `also` are other changes of the meeting, written with its slot.
   */
  async book(
    manager: EntityManager,
    meeting: Meeting,
    slot: Slot,
    also: Partial<Meeting> = {},
  ): Promise<void> {
    const busy = await manager.find(Booking, {
      where: [
        { slotId: slot.id, participantId: meeting.requesterId },
        { slotId: slot.id, participantId: meeting.inviteeId },
      ],
    });
    for (const booking of busy) {
      const who = booking.participantId === meeting.inviteeId ? 'the invitee' : 'the requester';
      throw booking.kind === 'blocked'
        ? conflict(
            'meeting/participant_unavailable',
            `slotId: ${who} is not available at this slot`,
          )
        : conflict('meeting/slot_taken', `slotId: ${who} already has a meeting at this slot`);
    }
    const edition = await manager.findOneByOrFail(Edition, { id: meeting.editionId });
    if (edition.meetingPlace === 'stands') {
      meeting.tableNumber = null;
      meeting.place = await this.standOf(manager, meeting);
    } else {
      meeting.tableNumber = await this.freeTable(manager, slot.id, edition.tables);
      meeting.place = `Table ${meeting.tableNumber}`;
    }
    meeting.slotId = slot.id;
    await this.writeBooking(manager, meeting, also);
  }

  async release(manager: EntityManager, meeting: Meeting): Promise<void> {
    await manager.delete(Booking, { meetingId: meeting.id });
    meeting.slotId = null;
    meeting.tableNumber = null;
    meeting.place = null;
    await manager.update(
      Meeting,
      { id: meeting.id },
      { slotId: null, tableNumber: null, place: null },
    );
  }

  /** Meeting slots still to come where neither person is busy and a table is free, in time order. */
  async freeSlots(
    manager: EntityManager,
    editionId: string,
    a: string,
    b: string,
  ): Promise<Slot[]> {
    const rows = await this.freeSlotRows(manager, editionId, a, b, false);
    return rows.map((row) => this.slotOf(manager, row));
  }

  /**
   * The earliest slot to come where neither party is busy and a table is free, with the lowest free
   * table, in one indexed statement: an accept's hot path (see docs/benchmarks.md).
   */
  async earliestFree(manager: EntityManager, meeting: Meeting): Promise<FreeSlot | null> {
    const [row] = await this.freeSlotRows(
      manager,
      meeting.editionId,
      meeting.requesterId,
      meeting.inviteeId,
      true,
    );
    if (!row) return null;
    const table = row.freeTable === null ? null : Number(row.freeTable);
    return { slot: this.slotOf(manager, row), table, meetingPlace: row.meetingPlace };
  }

  /**
   * The slots to come where neither `a` nor `b` is busy and a table is free. Ordered by start time,
   * as the (edition, startsAt) unique index is, so the search for the `first` stops at the first
   * slot that fits instead of sorting the whole grid; that one also gets the smallest table number
   * not taken at the slot (1, or one past a taken one). The (slot, table) and (slot, participant)
   * unique indexes refuse whatever races past it.
   */
  private freeSlotRows(
    manager: EntityManager,
    editionId: string,
    a: string,
    b: string,
    first: boolean,
  ): Promise<FreeSlotRow[]> {
    const params = new SqlParams(manager);
    const p = (value: unknown) => params.add(value);
    const slotIs = `m."slotId" = s."id" AND m."tableNumber" IS NOT NULL`;
    const freeTable = first
      ? `CASE WHEN ed."meetingPlace" = 'tables' THEN (
                SELECT MIN(t."n") FROM (
                  SELECT 1 AS "n"
                  UNION ALL SELECT m."tableNumber" + 1 FROM "meetings" m WHERE ${slotIs}
                ) t
                WHERE NOT EXISTS (SELECT 1 FROM "meetings" m WHERE ${slotIs} AND m."tableNumber" = t."n")
              ) END`
      : 'NULL';
    return manager.query<FreeSlotRow[]>(
      `SELECT s."id", s."editionId", s."startsAt", s."endsAt", s."day", s."position", s."kind",
              ed."meetingPlace", ${freeTable} AS "freeTable"
         FROM "slots" s JOIN "editions" ed ON ed."id" = s."editionId"
        WHERE s."editionId" = ${p(editionId)} AND s."kind" = 'meeting'
          AND s."endsAt" > ${p(columnValue(manager, Slot, 'endsAt', new Date()))}
          AND NOT EXISTS (SELECT 1 FROM "bookings" b WHERE b."slotId" = s."id"
                           AND b."participantId" IN (${p(a)}, ${p(b)}))
          AND (ed."meetingPlace" = 'stands'
               OR (SELECT COUNT(*) FROM "meetings" m WHERE ${slotIs}) < ed."tables")
        ORDER BY s."startsAt" ASC${first ? ' LIMIT 1' : ''}`,
      params.values,
    );
  }

  private slotOf(manager: EntityManager, row: FreeSlotRow): Slot {
    return manager.create(Slot, {
      id: row.id,
      editionId: row.editionId,
      startsAt: rowDate(row.startsAt),
      endsAt: rowDate(row.endsAt),
      day: Number(row.day),
      position: Number(row.position),
      kind: row.kind,
    });
  }

  /**
   * Books both parties at a slot `earliestFree` found: its checks are done, so this only writes
   * (the bookings, then the meeting's slot, table, place and whatever else the caller changed).
   */
  async bookFree(
    manager: EntityManager,
    meeting: Meeting,
    free: FreeSlot,
    also: Partial<Meeting> = {},
  ): Promise<void> {
    meeting.slotId = free.slot.id;
    meeting.tableNumber = free.table;
    meeting.place =
      free.meetingPlace === 'stands' ? await this.standOf(manager, meeting) : `Table ${free.table}`;
    await this.writeBooking(manager, meeting, also);
  }

  /** Both parties' bookings, then the meeting's slot, table, place and `also`, in one update. */
  private async writeBooking(
    manager: EntityManager,
    meeting: Meeting,
    also: Partial<Meeting>,
  ): Promise<void> {
    try {
      await insertMany(manager, Booking, [
        this.bookingOf(manager, meeting, meeting.requesterId),
        this.bookingOf(manager, meeting, meeting.inviteeId),
      ]);
      await updateById(manager, Meeting, meeting.id, {
        slotId: meeting.slotId,
        tableNumber: meeting.tableNumber,
        place: meeting.place,
        ...also,
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict('meeting/slot_taken', 'slotId was taken a moment ago');
      throw error;
    }
  }

  private bookingOf(manager: EntityManager, meeting: Meeting, participantId: string): Booking {
    return manager.create(Booking, {
      editionId: meeting.editionId,
      slotId: meeting.slotId!,
      participantId,
      meetingId: meeting.id,
      kind: 'meeting',
    });
  }

  private async freeTable(manager: EntityManager, slotId: string, tables: number): Promise<number> {
    const rows = await manager
      .createQueryBuilder(Meeting, 'm')
      .select('m.tableNumber', 'tableNumber')
      .where('m.slotId = :slotId AND m.tableNumber IS NOT NULL', { slotId })
      .getRawMany<{ tableNumber: number }>();
    const taken = new Set(rows.map((r) => Number(r.tableNumber)));
    for (let table = 1; table <= tables; table++) if (!taken.has(table)) return table;
    throw conflict('meeting/no_table', 'slotId: every table is taken at this slot');
  }

  private async standOf(manager: EntityManager, meeting: Meeting): Promise<string | null> {
    const parties = await manager.findBy(Participant, [
      { id: meeting.inviteeId },
      { id: meeting.requesterId },
    ]);
    const host =
      parties.find((p) => p.id === meeting.inviteeId && p.exhibitorId) ??
      parties.find((p) => p.exhibitorId);
    const exhibitor = host?.exhibitorId
      ? await manager.findOneBy(Exhibitor, { id: host.exhibitorId })
      : null;
    return exhibitor?.stand ? `Stand ${exhibitor.stand}` : null;
  }
}

/**
 * Writes the fields a transition changes (status, outcome, updatedAt); the slot and table are
 * written by the booker.
 */
export async function persistTransition(manager: EntityManager, meeting: Meeting): Promise<void> {
  meeting.updatedAt = new Date();
  await manager.update(
    Meeting,
    { id: meeting.id },
    { status: meeting.status, outcome: meeting.outcome, updatedAt: meeting.updatedAt },
  );
}
