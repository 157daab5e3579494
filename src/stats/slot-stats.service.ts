import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { EditionsService } from '../editions/editions.service.js';
import { toZonedIso } from '../editions/grid.js';
import { Slot } from '../editions/slot.entity.js';
import { Booking } from '../meetings/booking.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import type { EditionSlotStatsDto, SlotMeetingsDto } from './stats.dto.js';

/** Statuses in which a meeting keeps its slot (and its table). */
const ON_THE_GRID = ['scheduled', 'held', 'no_show'] as const;

/** The organizer's chart of the grid: per slot, the meetings in it against what it can hold. */
@Injectable()
export class SlotStatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly editions: EditionsService,
  ) {}

  async slots(editionId: string): Promise<EditionSlotStatsDto> {
    const edition = await this.editions.require(editionId);
    const slots = await this.dataSource
      .getRepository(Slot)
      .find({ where: { editionId }, order: { position: 'ASC' } });
    const meetings = await this.dataSource
      .getRepository(Meeting)
      .createQueryBuilder('m')
      .select('m.slotId', 'slotId')
      .addSelect('m.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('m.editionId = :editionId', { editionId })
      .andWhere('m.slotId IS NOT NULL')
      .andWhere('m.status IN (:...statuses)', { statuses: [...ON_THE_GRID] })
      .groupBy('m.slotId')
      .addGroupBy('m.status')
      .getRawMany<{ slotId: string; status: (typeof ON_THE_GRID)[number]; n: string | number }>();
    const wished = await this.dataSource
      .getRepository(Meeting)
      .createQueryBuilder('m')
      .select('m.wishedSlotId', 'slotId')
      .addSelect('COUNT(*)', 'n')
      .where('m.editionId = :editionId', { editionId })
      .andWhere("m.status = 'requested'")
      .andWhere('m.wishedSlotId IS NOT NULL')
      .groupBy('m.wishedSlotId')
      .getRawMany<{ slotId: string; n: string | number }>();
    const blocked = await this.dataSource
      .getRepository(Booking)
      .createQueryBuilder('b')
      .select('b.slotId', 'slotId')
      .addSelect('COUNT(*)', 'n')
      .where('b.editionId = :editionId', { editionId })
      .andWhere("b.kind = 'blocked'")
      .groupBy('b.slotId')
      .getRawMany<{ slotId: string; n: string | number }>();

    const bySlot = new Map<string, SlotMeetingsDto>();
    for (const row of meetings) {
      const counts = bySlot.get(row.slotId) ?? { scheduled: 0, held: 0, no_show: 0, total: 0 };
      counts[row.status] += Number(row.n);
      counts.total += Number(row.n);
      bySlot.set(row.slotId, counts);
    }
    const countOf = (rows: { slotId: string; n: string | number }[]) =>
      new Map(rows.map((r) => [r.slotId, Number(r.n)]));
    const wishedBySlot = countOf(wished);
    const blockedBySlot = countOf(blocked);
    const tables = edition.meetingPlace === 'tables' ? edition.tables : null;
    return {
      editionId,
      timezone: edition.timezone,
      meetingPlace: edition.meetingPlace,
      tables: edition.tables,
      slots: slots.map((slot) => ({
        id: slot.id,
        startsAt: toZonedIso(slot.startsAt, edition.timezone),
        endsAt: toZonedIso(slot.endsAt, edition.timezone),
        day: slot.day,
        position: slot.position,
        kind: slot.kind,
        capacity: slot.kind === 'break' ? 0 : tables,
        meetings: bySlot.get(slot.id) ?? { scheduled: 0, held: 0, no_show: 0, total: 0 },
        requested: wishedBySlot.get(slot.id) ?? 0,
        blocked: blockedBySlot.get(slot.id) ?? 0,
      })),
    };
  }
}
