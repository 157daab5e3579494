import type { ConventionDto } from './conventions.dto.js';

/** A convention changed; parties hear `convention.updated`, organizers `convention.signed`. */
export class ConventionChanged {
  static readonly EVENT = 'convention.changed';

  constructor(
    readonly convention: ConventionDto,
    readonly signed: boolean,
  ) {}
}
