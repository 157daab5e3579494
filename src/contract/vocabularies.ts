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

/**
 * What a party answers after the event, per meeting (b2match's two stages): first whether it took
 * place and what came of it, then, months later for a cooperation seen as possible, whether an
 * agreement was reached. Each answer raises the meeting's outcome (see FEEDBACK_OUTCOME).
 */
export const FEEDBACK_STAGES = ['first', 'second'] as const;
export type FeedbackStage = (typeof FEEDBACK_STAGES)[number];
export const FEEDBACK_ANSWERS = {
  first: ['not_held', 'not_relevant', 'informative', 'cooperation_possible'],
  second: ['agreement_reached', 'in_discussion', 'no_agreement'],
} as const satisfies Record<FeedbackStage, readonly string[]>;
export type FeedbackAnswer = (typeof FEEDBACK_ANSWERS)[FeedbackStage][number];

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
