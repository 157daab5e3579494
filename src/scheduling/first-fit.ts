import { compile, type Problem } from './problem.js';
import { State } from './state.js';
import type { ScheduleInput } from './types.js';

// A poor schedule for the refinement tests: each request in order at the first slot where it fits, which
// leaves many holes (and may leave a few requests out).
export function firstFit(input: ScheduleInput): { pb: Problem; st: State } {
  const pb = compile(input);
  const st = new State(pb);
  for (let m = 0; m < pb.R; m++) {
    const s = [...Array(pb.S).keys()].find((x) => st.canPlace(m, x));
    if (s !== undefined) st.place(m, s);
  }
  return { pb, st };
}
