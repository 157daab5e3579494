// The figures of a batch-scheduler proposal, framework-free: the API's DTO implements them and the web app
// imports them, so both sides change together.

export interface RefinementFigures {
  // Holes of the same run without refineSeconds.
  holesBefore: number;
  holesAfter: number;
  // Longer annealing runs made before the exact search.
  restarts: number;
  // When the kept schedule's count of holes was first reached, in ms from the start: well before timeMs
  // means that more time would hardly have helped.
  reachedMs: number;
  timeMs: number;
}

export interface ScheduleFigures {
  committed: boolean;
  seed: number;
  requested: number;
  kept: number;
  placed: number;
  upperBound: number;
  holes: number;
  holesLowerBound: number;
  maxHolesPerParticipant: number;
  timeMs: number;
  refined: RefinementFigures | null;
}
