import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { SqlParams } from '../common/db/bulk.js';
import { isUniqueViolation } from '../common/db/db-errors.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';
import { badRequest } from '../common/errors.js';
import type { MeetingStatus } from '../contract/vocabularies.js';
import type { Match } from '../matching/engine.js';
import { ParticipantsLookup } from '../meetings/participants.lookup.js';
import { EditionsService } from '../editions/editions.service.js';
import type { ProfileMeta } from './edition-profiles.js';
import { Dismissal } from './dismissal.entity.js';
import { RecommendationIndex, stateFor, type EditionIndex } from './recommendation-index.js';
import type { CoverageDto, RecommendationDto, RecommendationsDto } from './recommendations.dto.js';

/** A pair in these states is not suggested again: an open request or meeting, a held one, a refusal. */
export const SETTLED_PAIR_STATUSES: MeetingStatus[] = [
  'requested',
  'scheduled',
  'held',
  'no_show',
  'declined',
];

/** Reasons that come from the words of both profiles, not only a shared sector or place. */
const TEXT_REASONS = new Set(['need_offer', 'offer_need', 'interest']);

export const isGoodMatch = (match: Match) => match.reasons.some((r) => TEXT_REASONS.has(r.kind));

/** A first message for a meeting request, in the requester's voice, from the suggestion's reasons. */
export function requestMessage(match: Match): string {
  const texts = match.reasons.map((r) => r.text);
  return texts.length > 0
    ? `Bonjour, Coventis nous suggère de nous rencontrer : ${texts.join(' ; ')}. Pouvons-nous en parler ?`
    : 'Bonjour, Coventis nous suggère de nous rencontrer. Pouvons-nous en parler ?';
}

/** Who may be suggested to whom: visitors meet exhibitors; exhibitors meet exhibitors and professionals. */
export function mayMeet(me: ProfileMeta, other: ProfileMeta): boolean {
  if (other.kind === 'exhibitor') return true;
  return me.kind === 'exhibitor' && other.category === 'professional';
}

/** "Who should I meet, and why": reciprocal suggestions from offers and needs, and the organizer's view. */
@Injectable()
export class RecommendationsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly index: RecommendationIndex,
    private readonly lookup: ParticipantsLookup,
    private readonly editions: EditionsService,
    private readonly uow: UnitOfWork,
  ) {}

  async recommend(user: AuthUser, editionId: string, limit = 10): Promise<RecommendationsDto> {
    const me = await this.lookup.mine(user, editionId);
    const edition = await this.index.of(editionId);
    const self = edition.carrier.get(me.id) ?? me.id;
    const mine = edition.meta.get(self);
    if (!mine || mine.empty) {
      return {
        items: [],
        hint: {
          code: 'recommendation/empty_profile',
          message:
            mine?.kind === 'exhibitor'
              ? 'Add offers and needs to your organization profile to get suggestions'
              : 'Add your interests, offers or needs to your profile to get suggestions',
        },
      };
    }
    const team = teamOf(edition, self);
    const { settled, dismissed } = await this.history(edition, team);
    const matches = this.matchesFor(
      edition,
      mine,
      limit,
      new Set([...team, ...settled]),
      dismissed,
      'recent',
    );
    return {
      items: matches.flatMap((m) => toRecommendation(edition, m) ?? []),
      hint:
        matches.length > 0
          ? null
          : {
              code: 'recommendation/none_left',
              message: 'Nobody new matches your profile for now',
            },
    };
  }

  async dismiss(user: AuthUser, editionId: string, participantId: string): Promise<void> {
    const { me, target } = await this.pair(user, editionId, participantId);
    try {
      await this.uow.write((manager) =>
        manager.insert(
          Dismissal,
          manager.create(Dismissal, { editionId, participantId: me, dismissedId: target }),
        ),
      );
    } catch (error) {
      // Dismissed already: the same answer as the first time.
      if (!isUniqueViolation(error)) throw error;
    }
  }

  async undismiss(user: AuthUser, editionId: string, participantId: string): Promise<void> {
    const { me, target } = await this.pair(user, editionId, participantId);
    await this.uow.write((manager) =>
      manager.delete(Dismissal, { participantId: me, dismissedId: target }),
    );
  }

  /** Organizers: who has no good match, or no meeting yet, so that staff can help them. */
  async coverage(editionId: string, limit = 200): Promise<CoverageDto> {
    await this.editions.require(editionId);
    const edition = await this.index.of(editionId);
    const meetings = await this.meetingCounts(editionId, edition);
    const items = [...edition.meta.values()]
      .filter((p) => p.kind === 'exhibitor' || p.category === 'professional')
      .map((p) => {
        const matches = p.empty
          ? []
          : this.matchesFor(edition, p, 5, new Set(teamOf(edition, p.participantId)), []);
        const best = matches[0];
        return {
          participantId: p.participantId,
          kind: p.kind,
          name: p.name,
          goodMatches: matches.filter(isGoodMatch).length,
          bestScore: best ? round(best.score) : 0,
          meetings: meetings.get(p.participantId) ?? 0,
        };
      })
      .filter((c) => c.goodMatches === 0 || c.meetings === 0)
      .sort(
        (a, b) =>
          Number(a.goodMatches > 0) - Number(b.goodMatches > 0) ||
          Number(a.kind !== 'exhibitor') - Number(b.kind !== 'exhibitor') ||
          a.meetings - b.meetings ||
          a.name.localeCompare(b.name, 'fr'),
      );
    return { items: items.slice(0, limit), total: items.length };
  }

  /** The best candidates for one profile, among those it may meet. */
  matchesFor(
    edition: EditionIndex,
    me: ProfileMeta,
    limit: number,
    exclude: ReadonlySet<string>,
    dismissed: readonly string[],
    /** `recent`: a list ranked before other people's profiles changed will do (ranked-lists.ts). */
    freshness: 'exact' | 'recent' = 'exact',
  ): Match[] {
    const key = [me.participantId, limit, [...exclude].sort(), [...dismissed].sort()].join('|');
    return edition.ranked.get(
      key,
      () => stateFor(edition, me.participantId),
      () =>
        edition.index.recommend(me.participantId, {
          limit,
          exclude,
          dismissed,
          accept: (candidate) => {
            const other = edition.meta.get(candidate.id);
            return !!other && mayMeet(me, other);
          },
        }),
      freshness,
    );
  }

  /**
   * In one statement: the carriers of everyone the team has a settled pair with (see
   * SETTLED_PAIR_STATUSES), and those it dismissed.
   */
  async history(
    edition: EditionIndex,
    team: string[],
  ): Promise<{ settled: string[]; dismissed: string[] }> {
    const params = new SqlParams(this.dataSource.manager);
    // SQLite's `?` takes one value per occurrence: each list gets its own placeholders.
    const ids = () => team.map((id) => params.add(id)).join(', ');
    const statuses = SETTLED_PAIR_STATUSES.map((st) => params.add(st)).join(', ');
    const rows = await this.dataSource.query<{ kind: string; a: string; b: string }[]>(
      `SELECT 'met' AS "kind", "requesterId" AS "a", "inviteeId" AS "b" FROM "meetings"
        WHERE "status" IN (${statuses}) AND ("requesterId" IN (${ids()}) OR "inviteeId" IN (${ids()}))
       UNION ALL
       SELECT 'dismissed', "participantId", "dismissedId" FROM "recommendation_dismissals"
        WHERE "participantId" IN (${ids()})`,
      params.values,
    );
    const mine = new Set(team);
    const settled: string[] = [];
    const dismissed: string[] = [];
    for (const r of rows) {
      if (r.kind === 'dismissed') {
        dismissed.push(r.b);
        continue;
      }
      const other = mine.has(r.a) ? r.b : r.a;
      settled.push(edition.carrier.get(other) ?? other);
    }
    return { settled, dismissed };
  }

  /** Requests, meetings and held meetings of each carrier, sent or received by anyone of its team. */
  private async meetingCounts(
    editionId: string,
    edition: EditionIndex,
  ): Promise<Map<string, number>> {
    const params = new SqlParams(this.dataSource.manager);
    const rows = await this.dataSource.query<{ participantId: string; n: number | string }[]>(
      `SELECT x."participantId", COUNT(*) AS "n" FROM (
         SELECT "requesterId" AS "participantId" FROM "meetings"
           WHERE "editionId" = ${params.add(editionId)} AND "status" IN ('requested', 'scheduled', 'held')
         UNION ALL
         SELECT "inviteeId" FROM "meetings"
           WHERE "editionId" = ${params.add(editionId)} AND "status" IN ('requested', 'scheduled', 'held')
       ) x GROUP BY x."participantId"`,
      params.values,
    );
    const counts = new Map<string, number>();
    for (const r of rows) {
      const carrier = edition.carrier.get(r.participantId) ?? r.participantId;
      counts.set(carrier, (counts.get(carrier) ?? 0) + Number(r.n));
    }
    return counts;
  }

  private async pair(
    user: AuthUser,
    editionId: string,
    participantId: string,
  ): Promise<{ me: string; target: string }> {
    const me = await this.lookup.mine(user, editionId);
    const target = await this.lookup.inEdition(editionId, participantId, 'participantId');
    const edition = await this.index.of(editionId);
    const carrier = (id: string) => edition.carrier.get(id) ?? id;
    if (carrier(target.id) === carrier(me.id)) {
      throw badRequest('recommendation/self', 'You cannot dismiss yourself or your own team');
    }
    return { me: me.id, target: carrier(target.id) };
  }
}

/** Everyone who shares a profile with `carrier`: an exhibitor's staff, or a visitor alone. */
export function teamOf(edition: EditionIndex, carrier: string): string[] {
  return edition.teams.get(carrier) ?? [carrier];
}

const round = (score: number) => Math.round(score * 1000) / 1000;

// Null for someone no longer in the index (a list ranked before they left).
function toRecommendation(edition: EditionIndex, match: Match): RecommendationDto | null {
  const meta = edition.meta.get(match.id);
  if (!meta) return null;
  return {
    participantId: match.id,
    kind: meta.kind,
    exhibitorId: meta.exhibitorId,
    organizationId: meta.organizationId,
    name: meta.name,
    score: round(match.score),
    mutual: match.mutual,
    reasons: match.reasons,
    requestMessage: requestMessage(match),
  };
}
