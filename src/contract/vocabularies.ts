// The API's vocabularies, free of any framework: entities, DTOs, seeds and the web app (web/) import them
// from here, so a value added once is accepted by the API and offered by the pages.

export const ROLES = ['organizer', 'exhibitor', 'visitor'] as const;
export type Role = (typeof ROLES)[number];

export const LEGAL_FORMS = [
  'scop',
  'scic',
  'cooperative',
  'association',
  'mutuelle',
  'fondation',
  'entreprise_insertion',
  'other',
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

export const PARTICIPANT_KINDS = ['exhibitor', 'visitor'] as const;
export type ParticipantKind = (typeof PARTICIPANT_KINDS)[number];

export const VISITOR_CATEGORIES = ['professional', 'public'] as const;
export type VisitorCategory = (typeof VISITOR_CATEGORIES)[number];

export const MEETING_PLACES = ['tables', 'stands'] as const;
export type MeetingPlace = (typeof MEETING_PLACES)[number];

export const SLOT_KINDS = ['meeting', 'break'] as const;
export type SlotKind = (typeof SLOT_KINDS)[number];

export const MEETING_STATUSES = [
  'requested',
  'scheduled',
  'declined',
  'cancelled',
  'expired',
  'held',
  'no_show',
] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export const MEETING_OUTCOMES = ['no_follow_up', 'follow_up', 'convention_envisaged'] as const;
export type MeetingOutcome = (typeof MEETING_OUTCOMES)[number];

export const MEETING_EVENTS = [
  'meeting.requested',
  'meeting.scheduled',
  'meeting.declined',
  'meeting.cancelled',
  'meeting.rescheduled',
  'meeting.expired',
  'meeting.updated',
] as const;
export type MeetingEventName = (typeof MEETING_EVENTS)[number];
