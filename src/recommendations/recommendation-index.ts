import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { MatchIndex } from '../matching/engine.js';
import { loadProfiles, type LoadedProfile, type ProfileMeta } from './edition-profiles.js';
import { ProfilesChanged } from './profile.events.js';

/** One edition's matchmaking index, and who each indexed profile is. */
export interface EditionIndex {
  index: MatchIndex;
  meta: Map<string, ProfileMeta>;
  /** Any participant → the participant carrying their profile (an exhibitor's staff → its stand's). */
  carrier: Map<string, string>;
  /** The other way: each carrier → everyone who shares its profile, itself first. */
  teams: Map<string, string[]>;
}

/** Records that `member` shares `carrier`'s profile, keeping both maps in step. */
function join(edition: EditionIndex, member: string, carrier: string): void {
  if (edition.carrier.get(member) === carrier) return;
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

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

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
    };
    for (const loaded of profiles) this.put(edition, loaded);
    for (const [member, carrier] of staff) join(edition, member, carrier);
    return edition;
  }

  private put(edition: EditionIndex, { profile, meta }: LoadedProfile): void {
    edition.index.upsert(profile);
    edition.meta.set(meta.participantId, meta);
    join(edition, meta.participantId, meta.participantId);
  }
}
