import type { DataSource } from 'typeorm';
import { SqlParams } from '../common/db/bulk.js';
import type { ParticipantKind, VisitorCategory } from '../contract/vocabularies.js';
import type { MatchProfile } from '../matching/engine.js';

/** Who a profile of the index is, beyond what the engine needs to score it. */
export interface ProfileMeta {
  participantId: string;
  editionId: string;
  kind: ParticipantKind;
  category: VisitorCategory | null;
  exhibitorId: string | null;
  organizationId: string | null;
  name: string;
  /** Nothing to match on: no offers, needs, interests nor sectors. */
  empty: boolean;
}

export interface LoadedProfile {
  profile: MatchProfile;
  meta: ProfileMeta;
}

interface ProfileRow {
  participantId: string;
  kind: ParticipantKind;
  category: VisitorCategory | null;
  exhibitorId: string | null;
  organizationId: string | null;
  firstName: string;
  lastName: string;
  visitorOrganization: string | null;
  interests: string;
  visitorOffers: string;
  visitorNeeds: string;
  organizationName: string | null;
  sectors: string | null;
  department: string | null;
  offers: string | null;
  needs: string | null;
}

const list = (json: string | null): string[] => {
  if (!json) return [];
  const value: unknown = JSON.parse(json);
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
};

/**
 * Reads matchmaking profiles in one statement: an exhibitor's stand is one profile, carried by its
 * first staff member (the contact), with the organization's offers and needs; a visitor is a profile
 * of their own. `where` narrows the read to a few participants or one organization.
 */
export async function loadProfiles(
  dataSource: DataSource,
  where: { editionId?: string; participantIds?: string[]; organizationId?: string },
): Promise<{ profiles: LoadedProfile[]; staff: Map<string, string> }> {
  const params = new SqlParams(dataSource.manager);
  const filters: string[] = [];
  if (where.editionId) filters.push(`p."editionId" = ${params.add(where.editionId)}`);
  if (where.organizationId)
    filters.push(`e."organizationId" = ${params.add(where.organizationId)}`);
  if (where.participantIds) {
    if (where.participantIds.length === 0) return { profiles: [], staff: new Map() };
    filters.push(`p."id" IN (${where.participantIds.map((id) => params.add(id)).join(', ')})`);
  }
  const rows = await dataSource.query<(ProfileRow & { editionId: string })[]>(
    `SELECT p."id" AS "participantId", p."editionId" AS "editionId", p."kind" AS "kind",
       p."category" AS "category", p."exhibitorId" AS "exhibitorId", e."organizationId" AS "organizationId",
       u."firstName" AS "firstName", u."lastName" AS "lastName", p."organizationName" AS "visitorOrganization",
       p."interests" AS "interests", p."offers" AS "visitorOffers", p."needs" AS "visitorNeeds",
       o."name" AS "organizationName", o."sectors" AS "sectors", o."department" AS "department",
       o."offers" AS "offers", o."needs" AS "needs"
     FROM "participants" p
     JOIN "users" u ON u."id" = p."userId"
     LEFT JOIN "exhibitors" e ON e."id" = p."exhibitorId"
     LEFT JOIN "organizations" o ON o."id" = e."organizationId"
     WHERE ${filters.length > 0 ? filters.join(' AND ') : '1 = 1'}
     ORDER BY p."createdAt", p."id"`,
    params.values,
  );
  // Staff member → the participant that carries the stand's profile (the first one read).
  const staff = new Map<string, string>();
  const carrier = new Map<string, string>();
  const profiles: LoadedProfile[] = [];
  for (const r of rows) {
    if (r.exhibitorId) {
      const first = carrier.get(r.exhibitorId);
      if (first) {
        staff.set(r.participantId, first);
        continue;
      }
      carrier.set(r.exhibitorId, r.participantId);
    }
    staff.set(r.participantId, r.participantId);
    const exhibitor = r.kind === 'exhibitor';
    const person = `${r.firstName} ${r.lastName}`;
    const name = exhibitor
      ? (r.organizationName ?? person)
      : r.visitorOrganization
        ? `${person} (${r.visitorOrganization})`
        : person;
    const profile: MatchProfile = {
      id: r.participantId,
      kind: r.kind,
      organizationId: r.organizationId,
      name,
      offers: exhibitor ? list(r.offers) : list(r.visitorOffers),
      needs: exhibitor ? list(r.needs) : list(r.visitorNeeds),
      sectors: list(r.sectors),
      department: r.department,
      interests: exhibitor ? [] : list(r.interests),
    };
    profiles.push({
      profile,
      meta: {
        participantId: r.participantId,
        editionId: r.editionId,
        kind: r.kind,
        category: r.category,
        exhibitorId: r.exhibitorId,
        organizationId: r.organizationId,
        name,
        empty: [profile.offers, profile.needs, profile.interests, profile.sectors].every(
          (l) => l.length === 0,
        ),
      },
    });
  }
  return { profiles, staff };
}
