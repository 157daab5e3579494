import type { ScheduleInput, Window } from './types.js';

// Reader for the MiniZinc data files of the B2B benchmark (see shared/bench/b2b/README.md).
// Businesses, meetings and slots are 1-based there and 0-based in the engine.
export interface DznInstance {
  input: ScheduleInput;
  morningSlots: number;
}

function statements(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const clean = text.replace(/%[^\n]*/g, '');
  for (const stmt of clean.split(';')) {
    const eq = stmt.indexOf('=');
    if (eq < 0) continue;
    out.set(stmt.slice(0, eq).trim(), stmt.slice(eq + 1).trim());
  }
  return out;
}

const ints = (s: string): number[] => (s.match(/-?\d+/g) ?? []).map(Number);

// A set literal is {1,3,5} or a range 2..4; 0 is the benchmark's placeholder for "no slot".
function setLiteral(body: string): number[] {
  const range = /^\s*(\d+)\s*\.\.\s*(\d+)\s*$/.exec(body);
  if (range) {
    const out: number[] = [];
    for (let v = Number(range[1]); v <= Number(range[2]); v++) out.push(v);
    return out;
  }
  return ints(body);
}

export function parseDzn(text: string): DznInstance {
  const st = statements(text);
  const scalar = (name: string): number => {
    const v = st.get(name);
    if (v === undefined) throw new Error(`dzn: missing ${name}`);
    return Number(v);
  };
  const nBusiness = scalar('nBusiness');
  const nMeetings = scalar('nMeetings');
  const nTables = scalar('nTables');
  const nSlots = scalar('nTotalSlots');
  const nMorning = scalar('nMorningSlots');

  const req = ints(st.get('requested') ?? '');
  if (req.length !== 3 * nMeetings)
    throw new Error(`dzn: requested has ${req.length / 3} rows, expected ${nMeetings}`);
  const fixed = ints(st.get('fixed') ?? '');
  const windows: Record<number, Window> = { 1: 'morning', 2: 'afternoon', 3: 'any' };

  const forbidden: number[][] = [];
  const fb = st.get('forbidden');
  if (fb !== undefined)
    for (const m of fb.matchAll(/\{([^}]*)\}/g)) forbidden.push(setLiteral(m[1]));

  const participants = Array.from({ length: nBusiness }, (_, i) => ({
    unavailable: (forbidden[i] ?? []).filter((s) => s >= 1 && s <= nSlots).map((s) => s - 1),
  }));
  const meetings = Array.from({ length: nMeetings }, (_, i) => {
    const w = windows[req[3 * i + 2]];
    if (w === undefined) throw new Error(`dzn: bad session ${req[3 * i + 2]} in meeting ${i + 1}`);
    const f = fixed[i] ?? 0;
    return {
      a: req[3 * i] - 1,
      b: req[3 * i + 1] - 1,
      window: w,
      ...(f > 0 ? { fixedSlot: f - 1 } : {}),
    };
  });
  const slots = Array.from({ length: nSlots }, (_, s) => ({
    day: 0,
    period: s < nMorning ? ('morning' as const) : ('afternoon' as const),
  }));
  return { input: { participants, slots, tables: nTables, meetings }, morningSlots: nMorning };
}
