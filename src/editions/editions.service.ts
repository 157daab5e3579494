import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { isForeignKeyViolation } from '../common/db/db-errors.js';
import type { AuthUser } from '../auth/decorators.js';
import { ActivityLogService } from '../common/activity-log.service.js';
import { conflict, invalid, notFound } from '../common/errors.js';
import { parseDbDate } from '../common/db/dates.js';
import { stripUndefined } from '../common/objects.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';
import { Edition } from './edition.entity.js';
import {
  toEditionDto,
  toEditionSummaryDto,
  toSlotDto,
  type SlotDto,
  type CreateEditionDto,
  type EditionDto,
  type EditionSummaryDto,
  type UpdateEditionDto,
} from './editions.dto.js';
import { generateSlots, gridProblems, type GridSpec } from './grid.js';
import { Booking } from '../meetings/booking.entity.js';
import { StatsChanged } from '../stats/stats.events.js';
import { Slot } from './slot.entity.js';

@Injectable()
export class EditionsService {
  constructor(
    @InjectRepository(Edition) private readonly editions: Repository<Edition>,
    @InjectRepository(Slot) private readonly slots: Repository<Slot>,
    private readonly uow: UnitOfWork,
    private readonly log: ActivityLogService,
    private readonly events: EventEmitter2,
  ) {}

  async list(): Promise<EditionSummaryDto[]> {
    const editions = await this.editions.find({ order: { createdAt: 'DESC' } });
    const bounds = await this.slots
      .createQueryBuilder('s')
      .select('s.editionId', 'editionId')
      .addSelect('MIN(s.startsAt)', 'first')
      .addSelect('MAX(s.endsAt)', 'last')
      .groupBy('s.editionId')
      .getRawMany<{ editionId: string; first: string; last: string }>();
    const byEdition = new Map(bounds.map((b) => [b.editionId, b]));
    return editions.map((e) => {
      const b = byEdition.get(e.id);
      return toEditionSummaryDto(e, b && parseDbDate(b.first), b && parseDbDate(b.last));
    });
  }

  async get(editionId: string): Promise<EditionDto> {
    const edition = await this.require(editionId);
    const slots = await this.slots.find({ where: { editionId }, order: { position: 'ASC' } });
    return toEditionDto(edition, slots);
  }

  /** The edition or a 404; used by every module that takes an editionId. */
  async require(editionId: string): Promise<Edition> {
    const edition = await this.editions.findOneBy({ id: editionId });
    if (!edition) throw notFound('edition/not_found', `Edition ${editionId} does not exist`);
    return edition;
  }

  async create(user: AuthUser, dto: CreateEditionDto): Promise<EditionDto> {
    const spec: GridSpec = { ...dto, breakMinutes: dto.breakMinutes ?? 0 };
    assertGrid(spec);
    const id = await this.uow.write(async (manager) => {
      const edition = await manager.save(
        manager.create(Edition, { ...spec, meetingPlace: dto.meetingPlace ?? 'tables' }),
      );
      await this.replaceSlots(manager, edition);
      await this.log.record(manager, {
        action: 'edition.created',
        subjectType: 'edition',
        subjectId: edition.id,
        editionId: edition.id,
        actorId: user.id,
      });
      return edition.id;
    });
    return this.get(id);
  }

  async update(user: AuthUser, editionId: string, dto: UpdateEditionDto): Promise<EditionDto> {
    assertGrid({ ...(await this.require(editionId)), ...stripUndefined(dto) });
    await this.uow.write(async (manager) => {
      // Merged with the edition as the transaction reads it, so a concurrent change is not undone.
      const current = await manager.findOneByOrFail(Edition, { id: editionId });
      const next = { ...current, ...stripUndefined(dto) };
      assertGrid(next);
      await manager.save(Edition, { ...next, updatedAt: new Date() });
      await this.replaceSlots(manager, next);
      await this.log.record(manager, {
        action: 'edition.updated',
        subjectType: 'edition',
        subjectId: editionId,
        editionId,
        actorId: user.id,
        data: { fields: Object.keys(stripUndefined(dto)) },
      });
    });
    return this.get(editionId);
  }

  /** Brings the stored slots in line with the grid, keeping the ids of slots that did not move. */
  private async replaceSlots(manager: EntityManager, edition: Edition): Promise<void> {
    const wanted = generateSlots(edition);
    const existing = await manager.find(Slot, { where: { editionId: edition.id } });
    const key = (startsAt: Date, endsAt: Date) => `${startsAt.getTime()}-${endsAt.getTime()}`;
    const byKey = new Map(existing.map((s) => [key(s.startsAt, s.endsAt), s]));
    const kept = new Set<Slot>();
    const toSave: Slot[] = [];
    for (const w of wanted) {
      const slot = byKey.get(key(w.startsAt, w.endsAt));
      if (slot) {
        kept.add(slot);
        if (slot.day !== w.day || slot.position !== w.position) toSave.push(Object.assign(slot, w));
      } else {
        toSave.push(manager.create(Slot, { ...w, editionId: edition.id, kind: 'meeting' }));
      }
    }
    const removed = existing.filter((s) => !kept.has(s));
    try {
      if (removed.length > 0) await manager.remove(removed);
    } catch (error) {
      if (isForeignKeyViolation(error)) {
        throw conflict(
          'edition/slots_in_use',
          'This change would remove slots that already hold meetings',
        );
      }
      throw error;
    }
    await manager.save(toSave, { chunk: 200 });
  }

  /** Organizer: turn a slot into a break for everybody, or back; refused while it holds meetings. */
  async setSlotKind(
    user: AuthUser,
    editionId: string,
    slotId: string,
    kind: Slot['kind'],
  ): Promise<SlotDto> {
    const slot = await this.uow.write(async (manager) => {
      const found = await manager.findOneBy(Slot, { id: slotId, editionId });
      if (!found) throw notFound('slot/not_found', `Slot ${slotId} is not a slot of this edition`);
      if (kind === 'break' && (await manager.existsBy(Booking, { slotId, kind: 'meeting' }))) {
        throw conflict(
          'slot/has_meetings',
          'Meetings are scheduled at this slot: move them before making it a break',
        );
      }
      found.kind = kind;
      await manager.save(found);
      await this.log.record(manager, {
        action: `slot.${kind}`,
        subjectType: 'slot',
        subjectId: slotId,
        editionId,
        actorId: user.id,
      });
      return found;
    });
    this.events.emit(StatsChanged.EVENT, new StatsChanged(editionId));
    const edition = await this.editions.findOneByOrFail({ id: editionId });
    return toSlotDto(slot, edition.timezone);
  }
}

function assertGrid(spec: GridSpec): void {
  const problems = gridProblems(spec);
  if (problems.length > 0) throw invalid(problems);
}
