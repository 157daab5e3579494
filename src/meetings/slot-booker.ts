import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { isUniqueViolation } from '../common/db/db-errors.js';

// Re-exported for the modules that book through this one.
import { badRequest, conflict } from '../common/errors.js';
import { Edition } from '../editions/edition.entity.js';
import { Slot } from '../editions/slot.entity.js';
import { Exhibitor } from '../exhibitors/exhibitor.entity.js';
import { Participant } from '../participants/participant.entity.js';
import { Booking } from './booking.entity.js';
import { Meeting } from './meeting.entity.js';

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

  /** Books both parties and a table (or the exhibitor's stand) at the slot, or throws a 409. */
  async book(manager: EntityManager, meeting: Meeting, slot: Slot): Promise<void> {
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
    try {
      await manager.insert(Booking, [
        manager.create(Booking, {
          editionId: meeting.editionId,
          slotId: slot.id,
          participantId: meeting.requesterId,
          meetingId: meeting.id,
          kind: 'meeting',
        }),
        manager.create(Booking, {
          editionId: meeting.editionId,
          slotId: slot.id,
          participantId: meeting.inviteeId,
          meetingId: meeting.id,
          kind: 'meeting',
        }),
      ]);
      await manager.update(
        Meeting,
        { id: meeting.id },
        { slotId: slot.id, tableNumber: meeting.tableNumber, place: meeting.place },
      );
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict('meeting/slot_taken', 'slotId was taken a moment ago');
      throw error;
    }
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
    const edition = await manager.findOneByOrFail(Edition, { id: editionId });
    const query = manager
      .createQueryBuilder(Slot, 's')
      .where('s.editionId = :editionId', { editionId })
      .andWhere("s.kind = 'meeting'")
      .andWhere('s.endsAt > :now', { now: new Date() })
      .andWhere(
        'NOT EXISTS (SELECT 1 FROM bookings b WHERE b."slotId" = s.id AND b."participantId" IN (:a, :b))',
        { a, b },
      )
      .orderBy('s.position', 'ASC');
    if (edition.meetingPlace === 'tables') {
      query.andWhere(
        '(SELECT COUNT(*) FROM meetings m WHERE m."slotId" = s.id AND m."tableNumber" IS NOT NULL) < :tables',
        { tables: edition.tables },
      );
    }
    return query.getMany();
  }

  async earliestCommonSlot(manager: EntityManager, meeting: Meeting): Promise<string | null> {
    const [first] = await this.freeSlots(
      manager,
      meeting.editionId,
      meeting.requesterId,
      meeting.inviteeId,
    );
    return first?.id ?? null;
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
