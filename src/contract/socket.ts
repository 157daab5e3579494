// The socket.io events the server sends, each with its payload: the gateway emits only these and the
// web app (web/src/live.ts) receives them typed, with no cast.
import type { Convention, EditionStats, Meeting } from './api.js';
import type { MeetingEventName } from './vocabularies.js';

export interface Announcement {
  id: string;
  editionId: string;
  message: string;
  sentAt: string;
}

export interface ScheduleProgressPayload {
  editionId: string;
  fraction: number;
  placed: number;
  holes: number;
}

export type ServerEvents = { [E in MeetingEventName]: Meeting } & {
  /** The server has put the socket in its rooms: nothing that concerns it is missed from now on. */
  ready: { userId: string; rooms: number };
  'agenda.updated': { editionId: string };
  'schedule.progress': ScheduleProgressPayload;
  'convention.updated': Convention;
  'convention.signed': Convention;
  'stats.updated': EditionStats;
  announcement: Announcement;
};

export type ServerEventName = keyof ServerEvents;
