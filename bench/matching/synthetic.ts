import type { MatchProfile } from '../../src/matching/engine.js';
import { NEEDS, OFFERS, PLACES, prng, SECTORS } from '../../seeds/synthetic.js';

/**
 * The synthetic edition of seeds/synthetic.ts as plain match profiles, without a database: the
 * same vocabulary, seeded generator and proportions (1 to 3 sectors, 2 to 3 offers, 1 to 2 needs
 * per exhibitor; 2 interests and 75 % professionals among visitors), not the same draws. Some
 * professional visitors also get the new optional needs and offers, so that visitors weigh on
 * the index as they may in production.
 */
// The departments of the seed's places, with the same weights.
const DEPARTMENTS = PLACES.map(([, department]) => department);

export interface SyntheticProfiles {
  profiles: MatchProfile[];
  professional: ReadonlySet<string>;
}

export function syntheticProfiles(
  exhibitors = 140,
  visitors = 5000,
  seed = 2027,
): SyntheticProfiles {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const some = <T>(list: readonly T[], n: number): T[] => [
    ...new Set(Array.from({ length: n }, () => pick(list))),
  ];
  const profiles: MatchProfile[] = [];
  const professional = new Set<string>();
  for (let i = 0; i < exhibitors; i++) {
    const department = pick(DEPARTMENTS);
    profiles.push({
      id: `e${i + 1}`,
      kind: 'exhibitor',
      organizationId: `org${i + 1}`,
      name: `Exposant ${i + 1}`,
      department,
      sectors: some(SECTORS, 1 + Math.floor(random() * 3)),
      offers: some(OFFERS, 2 + Math.floor(random() * 2)),
      needs: some(NEEDS, 1 + Math.floor(random() * 2)),
      interests: [],
    });
  }
  for (let i = 0; i < visitors; i++) {
    const id = `v${i + 1}`;
    const pro = random() < 0.75;
    if (pro) professional.add(id);
    profiles.push({
      id,
      kind: 'visitor',
      organizationId: null,
      name: `Visiteur ${i + 1}`,
      department: random() < 0.8 ? pick(DEPARTMENTS) : null,
      sectors: [],
      interests: some(SECTORS, 2),
      // What a professional visitor looks for is what exhibitors offer, and the other way round.
      needs: pro && random() < 0.4 ? some(OFFERS, 1 + Math.floor(random() * 2)) : [],
      offers: pro && random() < 0.2 ? some(NEEDS, 1) : [],
    });
  }
  return { profiles, professional };
}
