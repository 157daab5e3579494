import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { EnvironmentVariables } from '../config/env.js';
import { MatchIndex } from '../matching/engine.js';
import { loadProfiles, type LoadedProfile, type ProfileMeta } from './edition-profiles.js';
import { ProfilesChanged } from './profile.events.js';
import { RankedLists, type IndexState } from './ranked-lists.js';

/** One edition's matchmaking index, and who each indexed profile is. */
export interface EditionIndex {
  index: MatchIndex;
  meta: Map<string, ProfileMeta>;
  /** Any participant → the participant carrying their profile (an exhibitor's staff → its stand's). */
  carrier: Map<string, string>;
  /** The other way: each carrier → everyone who shares its profile, itself first. */
  teams: Map<string, string[]>;
  /** Bumped by every change of a profile or a team. */
  version: number;
  /** The version at which each profile last changed. */
  changedAt: Map<string, number>;
  /** Lists already ranked, and in which state (ranked-lists.ts). */
  ranked: RankedLists;
}

/** The state of the index as `participantId`'s list depends on it. */
export function stateFor(edition: EditionIndex, participantId: string): IndexState {
  return { version: edition.version, own: edition.changedAt.get(participantId) ?? 0 };
}

/** Records that `member` shares `carrier`'s profile, keeping both maps in step. */
function join(edition: EditionIndex, member: string, carrier: string): void {
  if (edition.carrier.get(member) === carrier) return;
  edition.version++;
  edition.changedAt.set(carrier, edition.version);
  edition.carrier.set(member, carrier);
  const team = edition.teams.get(carrier);
  if (!team) edition.teams.set(carrier, [member]);
  else if (member === carrier) team.unshift(member);
  else team.push(member);
}

/**
 * Keeps each edition's index in memory, built on first use; a profile change updates only that
 * profile's entries (ProfilesChanged), so no request ever rebuilds an edition's index.
 */
@Injectable()
export class RecommendationIndex {
  private readonly logger = new Logger(RecommendationIndex.name);
  private readonly editions = new Map<string, Promise<EditionIndex>>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly env: EnvironmentVariables,
  ) {}

  of(editionId: string): Promise<EditionIndex> {
    let built = this.editions.get(editionId);
    if (!built) {
      built = this.build(editionId);
      this.editions.set(editionId, built);
      // A failed build is not kept: the next request tries again.
      built.catch(() => this.editions.delete(editionId));
    }
    return built;
  }

  @OnEvent(ProfilesChanged.EVENT, { async: true, promisify: true })
  async onProfilesChanged(event: ProfilesChanged): Promise<void> {
    if (event.rebuild && event.editionId) {
      this.editions.delete(event.editionId);
      return;
    }
    try {
      const { profiles, staff } = await loadProfiles(this.dataSource, {
        editionId: event.editionId ?? undefined,
        participantIds: event.organizationId ? undefined : event.participantIds,
        organizationId: event.organizationId ?? undefined,
      });
      for (const loaded of profiles) {
        const built = this.editions.get(loaded.meta.editionId);
        if (built) this.put(await built, loaded);
      }
      for (const [member, carrier] of staff) {
        for (const built of this.editions.values()) {
          const edition = await built;
          if (edition.meta.has(carrier)) join(edition, member, carrier);
        }
      }
    } catch (error) {
      this.logger.error(error);
    }
  }

  private async build(editionId: string): Promise<EditionIndex> {
    const { profiles, staff } = await loadProfiles(this.dataSource, { editionId });
    const edition: EditionIndex = {
      index: new MatchIndex(),
      meta: new Map(),
      carrier: new Map(),
      teams: new Map(),
      version: 0,
      changedAt: new Map(),
      ranked: new RankedLists({ refreshAfterMs: this.env.RECOMMENDATIONS_REFRESH_MS }),
    };
    for (const loaded of profiles) this.put(edition, loaded);
    for (const [member, carrier] of staff) join(edition, member, carrier);
    return edition;
  }

  private put(edition: EditionIndex, { profile, meta }: LoadedProfile): void {
    edition.index.upsert(profile);
    edition.version++;
    edition.changedAt.set(meta.participantId, edition.version);
    edition.meta.set(meta.participantId, meta);
    join(edition, meta.participantId, meta.participantId);
  }
}
