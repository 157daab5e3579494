import type { MeetingStatus } from './meeting.entity.js';

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

/** A meeting changed; the realtime listener tells the two parties and the edition's organizers. */
export class MeetingChanged {
  static readonly EVENT = 'meeting.changed';

  constructor(
    readonly name: MeetingEventName,
    readonly meetingId: string,
    readonly editionId: string,
    readonly status: MeetingStatus,
    /** Participant ids of both parties. */
    readonly participantIds: [string, string],
  ) {}
}

/** Several agendas changed at once (batch scheduler, slot turned into a break). */
export class AgendasChanged {
  static readonly EVENT = 'agenda.updated';

  constructor(
    readonly editionId: string,
    readonly participantIds: string[],
  ) {}
}
