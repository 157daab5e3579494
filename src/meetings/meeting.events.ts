import type { MeetingEventName } from '../contract/vocabularies.js';
import type { MeetingDto } from './meetings.dto.js';

export { MEETING_EVENTS, type MeetingEventName } from '../contract/vocabularies.js';

/** A meeting changed; the realtime listener tells the two parties and the edition's organizers. */
export class MeetingChanged {
  static readonly EVENT = 'meeting.changed';

  constructor(
    readonly name: MeetingEventName,
    /** The meeting as the API returns it, seen by no one in particular (see `forViewer`). */
    readonly meeting: MeetingDto,
    /** Every member of the parties' stands hears it too: a request, its answer, a new holder. */
    readonly toStands = false,
    /** Participants to tell beside the parties: the holder a meeting was just taken from. */
    readonly alsoTell: string[] = [],
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

/** The batch scheduler moved on; organizers following the edition see how far it got. */
export class ScheduleProgress {
  static readonly EVENT = 'schedule.progress';

  constructor(
    readonly editionId: string,
    readonly fraction: number,
    readonly placed: number,
    readonly holes: number,
  ) {}
}
