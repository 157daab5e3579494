import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { In, type DataSource } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { ActivityLog } from '../common/activity-log.entity.js';
import { insertMany } from '../common/db/bulk.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';
import { EnvironmentVariables } from '../config/env.js';
import { EditionsService } from '../editions/editions.service.js';
import { Meeting, OPEN_STATUSES, pairKey } from '../meetings/meeting.entity.js';
import { AgendasChanged } from '../meetings/meeting.events.js';
import { StatsChanged } from '../stats/stats.events.js';
import { RecommendationIndex } from './recommendation-index.js';
import type {
  MatchRequestProposalDto,
  MatchRequestsDto,
  MatchRequestsResultDto,
} from './recommendations.dto.js';
import { RecommendationsService, requestMessage, teamOf } from './recommendations.service.js';

/**
 * Organizers turn the passive half of the room's best mutual matches into pending requests, so the
 * batch scheduler has something to place for people who sent none. A preview first, then a commit.
 */
@Injectable()
export class MatchRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly index: RecommendationIndex,
    private readonly recommendations: RecommendationsService,
    private readonly editions: EditionsService,
    private readonly uow: UnitOfWork,
    private readonly events: EventEmitter2,
    private readonly env: EnvironmentVariables,
  ) {}

  async run(
    user: AuthUser,
    editionId: string,
    dto: MatchRequestsDto,
  ): Promise<MatchRequestsResultDto> {
    await this.editions.require(editionId);
    const proposals = await this.propose(editionId, dto.perParticipant ?? 2);
    if (!dto.commit) return { committed: false, proposals, created: 0 };
    const created = await this.commit(user, editionId, proposals);
    return { committed: true, proposals: created, created: created.length };
  }

  private async propose(
    editionId: string,
    perParticipant: number,
  ): Promise<MatchRequestProposalDto[]> {
    const edition = await this.index.of(editionId);
    const requesters = new Set(
      (
        await this.dataSource
          .getRepository(Meeting)
          .createQueryBuilder('m')
          .select('DISTINCT m.requesterId', 'id')
          .where('m.editionId = :editionId', { editionId })
          .getRawMany<{ id: string }>()
      ).map((r) => edition.carrier.get(r.id) ?? r.id),
    );
    const taken = new Set<string>();
    const proposals: MatchRequestProposalDto[] = [];
    for (const me of edition.meta.values()) {
      if (me.empty || requesters.has(me.participantId)) continue;
      if (me.kind !== 'exhibitor' && me.category !== 'professional') continue;
      const team = teamOf(edition, me.participantId);
      const { settled, dismissed } = await this.recommendations.history(edition, team);
      const exclude = new Set([...team, ...settled]);
      const matches = this.recommendations
        .matchesFor(edition, me, perParticipant * 3, exclude, dismissed)
        .filter((m) => m.mutual);
      for (const match of matches) {
        const key = pairKey(me.participantId, match.id);
        if (taken.has(key)) continue;
        if (proposals.filter((p) => p.requesterId === me.participantId).length >= perParticipant)
          break;
        taken.add(key);
        proposals.push({
          requesterId: me.participantId,
          requesterName: me.name,
          inviteeId: match.id,
          inviteeName: edition.meta.get(match.id)?.name ?? '',
          score: Math.round(match.score * 1000) / 1000,
          message: requestMessage(match),
        });
      }
    }
    return proposals;
  }

  private async commit(
    user: AuthUser,
    editionId: string,
    proposals: MatchRequestProposalDto[],
  ): Promise<MatchRequestProposalDto[]> {
    const now = new Date();
    // A stand is one side of a pair, whoever of its team is named (see `sideKey`).
    const edition = await this.index.of(editionId);
    const side = (id: string) => edition.meta.get(id)?.exhibitorId ?? id;
    const keyOf = (p: MatchRequestProposalDto) => pairKey(side(p.requesterId), side(p.inviteeId));
    const created = await this.uow.write(async (manager) => {
      // A request made since the preview wins: its pair is left out rather than failing the commit.
      const keys = proposals.map(keyOf);
      const open = new Set<string>();
      for (let i = 0; i < keys.length; i += 500) {
        const rows = await manager.find(Meeting, {
          select: { pairKey: true },
          where: { pairKey: In(keys.slice(i, i + 500)), status: In(OPEN_STATUSES) },
        });
        rows.forEach((r) => open.add(r.pairKey));
      }
      const kept = proposals.filter((p) => !open.has(keyOf(p)));
      const meetings = kept.map((p) =>
        manager.create(Meeting, {
          editionId,
          requesterId: p.requesterId,
          inviteeId: p.inviteeId,
          pairKey: keyOf(p),
          status: 'requested',
          message: p.message,
          wishedSlotId: null,
          slotId: null,
          tableNumber: null,
          place: null,
          outcome: null,
          priority: 0,
          timeWindow: 'any',
          expiresAt: new Date(now.getTime() + this.env.MEETING_REQUEST_TTL_SECONDS * 1000),
          createdAt: now,
          updatedAt: now,
        }),
      );
      await insertMany(manager, Meeting, meetings);
      await insertMany(
        manager,
        ActivityLog,
        meetings.map((m) =>
          manager.create(ActivityLog, {
            action: 'meeting.requested',
            subjectType: 'meeting',
            subjectId: m.id,
            editionId,
            actorId: user.id,
            data: { status: 'requested', by: 'organizer', source: 'recommendation' },
          }),
        ),
      );
      return kept;
    });
    const people = [...new Set(created.flatMap((p) => [p.requesterId, p.inviteeId]))];
    if (people.length > 0)
      this.events.emit(AgendasChanged.EVENT, new AgendasChanged(editionId, people));
    this.events.emit(StatsChanged.EVENT, new StatsChanged(editionId));
    return created;
  }
}
