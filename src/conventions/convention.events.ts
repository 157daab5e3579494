import type { ConventionDto } from './conventions.dto.js';

/** A convention changed; parties hear `convention.updated`, organizers `convention.signed`. */
export class ConventionChanged {
  static readonly EVENT = 'convention.changed';

  constructor(
    readonly convention: ConventionDto,
    readonly signed: boolean,
  ) {}
}

/** Something an organizer's figures depend on changed (registration, check-in, exhibitor). */
export class StatsChanged {
  static readonly EVENT = 'stats.changed';

  constructor(readonly editionId: string) {}
}
