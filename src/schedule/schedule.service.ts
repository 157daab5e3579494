import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { ActivityLog } from '../common/activity-log.entity.js';
import { ActivityLogService } from '../common/activity-log.service.js';
import { conflict } from '../common/errors.js';
import { insertMany, ROWS_PER_STATEMENT, SqlParams } from '../common/db/bulk.js';
import { isUniqueViolation } from '../common/db/db-errors.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';
import { toSlotDto } from '../editions/editions.dto.js';
import { Edition } from '../editions/edition.entity.js';
import { EditionsService } from '../editions/editions.service.js';
import { Booking } from '../meetings/booking.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { AgendasChanged, MeetingChanged, ScheduleProgress } from '../meetings/meeting.events.js';
import { MeetingViews } from '../meetings/meeting-views.js';
import { MailOutbox } from '../mail/outbox.js';
import type { PartyDto } from '../meetings/meetings.dto.js';
import { runSchedule, type RunProgress, type RunResult } from './schedule-runner.js';
import { loadScheduleData, type ScheduleData } from './schedule-input.js';
import type { RunScheduleDto, ScheduleProposalDto } from './schedule.dto.js';
import type { ScheduleResult } from '../scheduling/types.js';

/** Organizers see progress at most this often (the engine itself reports every 100 ms). */
const PROGRESS_EVERY_MS = 200;

interface Placed {
  meeting: Meeting;
  slotId: string;
  table: number | null;
  place: string | null;
}

/** The batch scheduler, organizer side: dry run of the whole edition, then one-transaction commit. */
@Injectable()
export class ScheduleService {
  // One run per edition at a time: two commits computed from the same data would collide anyway.
  private readonly running = new Set<string>();
  // The last refined dry run per edition: a refinement depends on the clock, so the commit that follows
  // with the same body and data publishes it rather than a new run the organizer has not seen.
  private readonly refinedDryRuns = new Map<
    string,
    { key: string; fingerprint: string; result: RunResult }
  >();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly log: ActivityLogService,
    private readonly events: EventEmitter2,
    private readonly views: MeetingViews,
    private readonly editions: EditionsService,
    private readonly outbox: MailOutbox,
  ) {}

  async run(user: AuthUser, editionId: string, dto: RunScheduleDto): Promise<ScheduleProposalDto> {
    const edition = await this.editions.require(editionId);
    if (this.running.has(editionId))
      throw conflict('schedule/running', 'The scheduler is already running for this edition');
    this.running.add(editionId);
    try {
      return await this.runExclusive(
        user,
        edition,
        dto.seed ?? 1,
        (dto.refineSeconds ?? 0) * 1000,
        dto.commit ?? false,
      );
    } finally {
      this.running.delete(editionId);
    }
  }

  private async runExclusive(
    user: AuthUser,
    edition: Edition,
    seed: number,
    refineMs: number,
    commit: boolean,
  ): Promise<ScheduleProposalDto> {
    const now = new Date();
    const data = await loadScheduleData(this.dataSource.manager, edition, now);
    const key = `${seed}:${refineMs}`;
    const shown = this.refinedDryRuns.get(edition.id);
    const result =
      commit && refineMs > 0 && shown?.key === key && shown.fingerprint === data.fingerprint
        ? shown.result
        : await runSchedule(data.input, { seed, refineMs }, this.progress(edition.id));
    if (refineMs > 0 && !commit)
      this.refinedDryRuns.set(edition.id, { key, fingerprint: data.fingerprint, result });
    else this.refinedDryRuns.delete(edition.id);
    const parties = await this.views.parties(data.participantIds);
    const placed = this.placements(edition, data, result, parties);
    const proposal = this.toProposal(edition, data, result, placed, parties, seed, commit);
    if (!commit) return proposal;

    await this.uow.write(async (manager) => {
      // Same `now` as the computation: any difference is a change made while the engine ran.
      const current = await manager.findOneByOrFail(Edition, { id: edition.id });
      const again = await loadScheduleData(manager, current, now);
      if (again.fingerprint !== data.fingerprint) {
        throw conflict(
          'schedule/changed',
          'Requests, meetings or availability changed while the scheduler ran; run it again',
        );
      }
      await this.publishRows(manager, user, edition, placed);
      const entry = await this.log.record(manager, {
        action: 'schedule.committed',
        subjectType: 'edition',
        subjectId: edition.id,
        editionId: edition.id,
        actorId: user.id,
        data: {
          seed,
          requested: proposal.requested,
          kept: proposal.kept,
          placed: proposal.placed,
          unplaced: proposal.unplaced.length,
          upperBound: proposal.upperBound,
          holes: proposal.holes,
          timeMs: proposal.timeMs,
          refined: proposal.refined,
        },
      });
      // Everyone with a meeting placed gets their whole agenda, as it is when the mail goes.
      await this.outbox.toParticipants(
        manager,
        placed.flatMap((p) => [p.meeting.requesterId, p.meeting.inviteeId]),
        { kind: 'schedule.published', editionId: edition.id, payload: { schedule: entry.id } },
      );
    });
    this.outbox.poke();
    await this.announce(edition.id, placed);
    return proposal;
  }

  /** Forwards the engine's reports to the organizers, throttled; the last one always goes out. */
  private progress(editionId: string): (p: RunProgress) => void {
    let last = 0;
    return ({ fraction, placed, holes }) => {
      const now = Date.now();
      if (fraction < 1 && now - last < PROGRESS_EVERY_MS) return;
      last = now;
      this.events.emit(
        ScheduleProgress.EVENT,
        new ScheduleProgress(editionId, fraction, placed, holes),
      );
    };
  }

  private placements(
    edition: Edition,
    data: ScheduleData,
    result: ScheduleResult,
    parties: Map<string, PartyDto>,
  ): Placed[] {
    const placed: Placed[] = [];
    result.assignments.forEach((assignment, i) => {
      if (!assignment) return;
      const meeting = data.requests[i];
      const slotId = data.slots[assignment.slot].id;
      if (edition.meetingPlace === 'stands') {
        // As SlotBooker does: the invitee's stand when they exhibit, else the requester's.
        const invitee = parties.get(meeting.inviteeId);
        const host = invitee?.exhibitorId ? invitee : parties.get(meeting.requesterId);
        const stand = host?.exhibitorId ? host.stand : null;
        placed.push({ meeting, slotId, table: null, place: stand ? `Stand ${stand}` : null });
      } else {
        const table = assignment.table;
        placed.push({ meeting, slotId, table, place: `Table ${table}` });
      }
    });
    return placed;
  }

  private toProposal(
    edition: Edition,
    data: ScheduleData,
    result: RunResult,
    placed: Placed[],
    parties: Map<string, PartyDto>,
    seed: number,
    committed: boolean,
  ): ScheduleProposalDto {
    const slots = new Map(data.slots.map((s) => [s.id, toSlotDto(s, edition.timezone)]));
    const { stats } = result;
    return {
      editionId: edition.id,
      committed,
      seed,
      requested: data.requests.length,
      kept: data.existing.length,
      placed: stats.placed,
      upperBound: stats.upperBound,
      holes: stats.holes,
      holesLowerBound: stats.holesLowerBound,
      maxHolesPerParticipant: stats.maxHolesPerParticipant,
      timeMs: stats.timeMs,
      refined: result.refined
        ? {
            holesBefore: result.refined.holesBefore,
            holesAfter: result.refined.holesAfter,
            restarts: result.refined.restarts,
            reachedMs: result.refined.reachedMs,
            timeMs: result.refined.timeMs,
          }
        : null,
      assignments: placed.map((p) => ({
        meetingId: p.meeting.id,
        requesterId: p.meeting.requesterId,
        inviteeId: p.meeting.inviteeId,
        slot: slots.get(p.slotId)!,
        table: p.table,
        place: p.place,
      })),
      unplaced: result.unplaced.map((u) => {
        const meeting = data.requests[u.meeting];
        return {
          meetingId: meeting.id,
          requester: parties.get(meeting.requesterId)!,
          invitee: parties.get(meeting.inviteeId)!,
          reason: u.reason,
          ...(u.detail ? { detail: u.detail } : {}),
        };
      }),
    };
  }

  /** Writes meetings, bookings and log rows; a unique index refusing any of them undoes them all. */
  private async publishRows(
    manager: EntityManager,
    user: AuthUser,
    edition: Edition,
    placed: Placed[],
  ): Promise<void> {
    const now = new Date();
    const bookings: Booking[] = [];
    const entries: ActivityLog[] = [];
    try {
      for (let i = 0; i < placed.length; i += ROWS_PER_STATEMENT)
        await this.scheduleRequests(manager, placed.slice(i, i + ROWS_PER_STATEMENT), now);
      for (const p of placed) {
        Object.assign(p.meeting, {
          status: 'scheduled',
          slotId: p.slotId,
          tableNumber: p.table,
          place: p.place,
          updatedAt: now,
        });
        for (const participantId of [p.meeting.requesterId, p.meeting.inviteeId]) {
          bookings.push(
            manager.create(Booking, {
              editionId: edition.id,
              slotId: p.slotId,
              participantId,
              meetingId: p.meeting.id,
              kind: 'meeting',
            }),
          );
        }
        entries.push(
          manager.create(ActivityLog, {
            action: 'meeting.accepted',
            subjectType: 'meeting',
            subjectId: p.meeting.id,
            editionId: edition.id,
            actorId: user.id,
            data: { status: 'scheduled', by: 'scheduler', slotId: p.slotId, table: p.table },
          }),
        );
      }
      await insertMany(manager, Booking, bookings);
      await insertMany(manager, ActivityLog, entries);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw conflict(
          'schedule/conflict',
          'A person or a table would be double-booked: nothing was published; run the scheduler again',
        );
      }
      throw error;
    }
  }

  /**
   * One UPDATE … FROM (VALUES …) per chunk instead of one per meeting (SQLite ≥ 3.33 and PostgreSQL
   * both name a VALUES list's columns column1, column2…). Only requests still open are touched: a
   * chunk that moves fewer rows than it holds means one changed meanwhile, and the whole commit is undone.
   */
  private async scheduleRequests(
    manager: EntityManager,
    chunk: Placed[],
    now: Date,
  ): Promise<void> {
    const updatedAt = manager.connection
      .getMetadata(Meeting)
      .findColumnWithPropertyName('updatedAt')!;
    const params = new SqlParams(manager);
    const at = params.add(manager.connection.driver.preparePersistentValue(now, updatedAt));
    const rows = chunk.map(
      (p) =>
        `(${params.add(p.meeting.id)}, ${params.add(p.slotId)}, CAST(${params.add(p.table)} AS integer), ${params.add(p.place)})`,
    );
    const result = await manager.queryRunner!.query(
      `UPDATE meetings SET status = 'scheduled', "slotId" = v.column2, "tableNumber" = v.column3,
              place = v.column4, "updatedAt" = ${at}
         FROM (VALUES ${rows.join(', ')}) AS v
        WHERE meetings.id = v.column1 AND meetings.status = 'requested'`,
      params.values,
      true,
    );
    if (result.affected !== chunk.length)
      throw conflict('schedule/changed', 'A request changed while the scheduler ran; run it again');
  }

  /** Every affected agenda hears `agenda.updated`; each placed meeting's parties `meeting.scheduled`. */
  private async announce(editionId: string, placed: Placed[]): Promise<void> {
    if (placed.length === 0) return;
    const people = new Set(placed.flatMap((p) => [p.meeting.requesterId, p.meeting.inviteeId]));
    this.events.emit(AgendasChanged.EVENT, new AgendasChanged(editionId, [...people]));
    const dtos = await this.views.toDtos(
      placed.map((p) => p.meeting),
      null,
    );
    for (const dto of dtos)
      this.events.emit(MeetingChanged.EVENT, new MeetingChanged('meeting.scheduled', dto));
  }
}
