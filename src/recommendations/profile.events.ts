/**
 * Profiles that matchmaking reads changed: a registration, a visitor's profile, an exhibitor onboarded,
 * an organization's offers and needs. The recommendations index updates just these entries.
 */
export class ProfilesChanged {
  static readonly EVENT = 'profiles.changed';

  constructor(
    readonly editionId: string | null,
    readonly participantIds: string[] = [],
    /** Every participant of this organization, in every edition. */
    readonly organizationId: string | null = null,
    /** Someone left the edition (a stand's member removed): its index is rebuilt on next use. */
    readonly rebuild = false,
  ) {}
}
