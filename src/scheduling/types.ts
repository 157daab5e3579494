// Public input/output of the scheduling engine. All indices are 0-based; the CLI converts to 1-based.

export type Period = 'morning' | 'afternoon';
export type Window = 'morning' | 'afternoon' | 'any';

export interface SlotSpec {
  // Slots must be listed in time order, so `day` never decreases along the array.
  day: number;
  period: Period;
}

export interface ParticipantSpec {
  unavailable?: readonly number[];
}

export interface MeetingRequest {
  a: number;
  b: number;
  // Higher is more important; the weight of a meeting is 1 + max(0, priority).
  priority?: number;
  window?: Window;
  // An already agreed slot: the meeting is placed there or reported as 'fixed_conflict'.
  fixedSlot?: number;
}

export interface ExistingMeeting {
  a: number;
  b: number;
  slot: number;
  // 1-based table number, kept when given.
  table?: number;
}

export interface ScheduleInput {
  participants: readonly ParticipantSpec[];
  slots: readonly SlotSpec[];
  // Tables per slot: one number for every slot, or one per slot.
  tables: number | readonly number[];
  meetings: readonly MeetingRequest[];
  existing?: readonly ExistingMeeting[];
}

export interface ProgressStats {
  phase: 'construct' | 'repair' | 'improve' | 'refine' | 'done';
  placed: number;
  holes: number;
  elapsedMs: number;
}

export interface ScheduleOptions {
  seed?: number;
  // Wall-clock safety cap (default 60 s); hitting it makes the result depend on machine load.
  timeLimitMs?: number;
  // Work budget in search moves; the default scales with the instance, so results depend only on input and seed.
  maxIterations?: number;
  onProgress?: (fraction: number, stats: ProgressStats) => void;
  // A shared flag (an Int32Array over a SharedArrayBuffer, so that worker threads see it): once its first
  // cell is non-zero the run ends with its best schedule so far. The portfolio raises it during a refinement
  // when a member has proved its schedule optimal; without it, only the budget ends a run. A second cell, when
  // there is one, holds the most holes any member has proved unavoidable with every request placed (sat.ts).
  stop?: Int32Array;
}

export type UnplacedReason =
  | 'invalid_request'
  | 'participant_unavailable'
  | 'no_common_slot'
  | 'fixed_conflict'
  | 'participant_busy'
  | 'capacity';

export interface Placement {
  slot: number;
  // 1-based table number within the slot.
  table: number;
}

export interface Unplaced {
  meeting: number;
  reason: UnplacedReason;
  detail?: string;
}

export interface ScheduleStats {
  meetings: number;
  placed: number;
  placedWeight: number;
  totalWeight: number;
  upperBound: number;
  holes: number;
  maxHolesPerParticipant: number;
  maxUnplacedPerParticipant: number;
  // Lower bound on holes for the placed set; equal to holes means proven optimal for that set.
  holesLowerBound: number;
  iterations: number;
  // True when the wall-clock cap stopped the search before the work budget (result not reproducible).
  capHit: boolean;
  timeMs: number;
}

export interface ScheduleResult {
  // One entry per requested meeting, null when unplaced.
  assignments: (Placement | null)[];
  // One entry per existing meeting, null only when it conflicts with another fixed/existing one.
  existing: (Placement | null)[];
  unplaced: Unplaced[];
  unplacedExisting: Unplaced[];
  stats: ScheduleStats;
}
