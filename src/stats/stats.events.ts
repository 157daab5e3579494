/** Something an organizer's figures depend on changed (registration, check-in, exhibitor). */
export class StatsChanged {
  static readonly EVENT = 'stats.changed';

  constructor(readonly editionId: string) {}
}
