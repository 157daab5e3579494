// The convention vocabulary and its legal status changes, free of any framework: the API enforces them and
// the web app (web/) imports this same file to offer only what the API will accept.

export const CONVENTION_KINDS = [
  'supply',
  'partnership',
  'subcontracting',
  'service',
  'financing',
  'other',
] as const;
export type ConventionKind = (typeof CONVENTION_KINDS)[number];

export const CONVENTION_STATUSES = [
  'envisaged',
  'negotiating',
  'signed',
  'in_force',
  'completed',
  'abandoned',
] as const;
export type ConventionStatus = (typeof CONVENTION_STATUSES)[number];

/** Legal status changes; `abandoned` is reachable from every open state. Anything else is a 409. */
export const CONVENTION_TRANSITIONS: Record<ConventionStatus, ConventionStatus[]> = {
  envisaged: ['negotiating', 'abandoned'],
  negotiating: ['signed', 'abandoned'],
  signed: ['in_force', 'abandoned'],
  in_force: ['completed', 'abandoned'],
  completed: [],
  abandoned: [],
};

/** Statuses of a convention that has been signed: what the public may see, and follow-ups apply to. */
export const SIGNED_STATUSES: ConventionStatus[] = ['signed', 'in_force', 'completed'];
