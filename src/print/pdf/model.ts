// What the printed documents show, as plain data: the print service loads it, the layouts draw it.
import type {
  MeetingPlace,
  MeetingStatus,
  ParticipantKind,
  SlotKind,
  VisitorCategory,
} from '../../contract/vocabularies.js';

export interface PrintedEdition {
  name: string;
  venue: string;
  city: string;
  timezone: string;
  meetingPlace: MeetingPlace;
  tables: number;
}

export interface PrintedPerson {
  participantId: string;
  kind: ParticipantKind;
  category: VisitorCategory | null;
  firstName: string;
  lastName: string;
  organizationName: string | null;
  stand: string | null;
  badgeCode: string;
  /** A visitor who agreed that stands scan the badge and keep the contacts; the badge says it. */
  scanConsent: boolean;
}

export interface PrintedMeeting {
  startsAt: Date;
  endsAt: Date;
  status: MeetingStatus;
  /** "Table 3" or "Stand B10", as the booking wrote it. */
  place: string | null;
  partner: PrintedPerson;
}

/** One person's agenda: their meetings in time order. */
export interface AgendaSheet {
  person: PrintedPerson;
  meetings: PrintedMeeting[];
}

export interface TableAssignment {
  table: number | null;
  place: string | null;
  parties: [PrintedPerson, PrintedPerson];
}

/** Who sits where at one slot of the grid. */
export interface SlotPlan {
  startsAt: Date;
  endsAt: Date;
  kind: SlotKind;
  assignments: TableAssignment[];
}
