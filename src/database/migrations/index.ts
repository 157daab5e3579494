import { Foundation1763900000000 } from './1763900000000-Foundation.js';
import { Meetings1763910000000 } from './1763910000000-Meetings.js';
import { Conventions1763920000000 } from './1763920000000-Conventions.js';
import { MeetingWishes1763930000000 } from './1763930000000-MeetingWishes.js';
import { Matchmaking1764000000000 } from './1764000000000-Matchmaking.js';
import { Applications1764100000000 } from './1764100000000-Applications.js';
import { Teams1764200000000 } from './1764200000000-Teams.js';
import { Sectors1764300000000 } from './1764300000000-Sectors.js';
import { Outbox1764400000000 } from './1764400000000-Outbox.js';
import { Feedback1764500000000 } from './1764500000000-Feedback.js';
import { Leads1764600000000 } from './1764600000000-Leads.js';

/** Every migration, in order; run at start-up. */
export const MIGRATIONS = [
  Foundation1763900000000,
  Meetings1763910000000,
  Conventions1763920000000,
  MeetingWishes1763930000000,
  Matchmaking1764000000000,
  Applications1764100000000,
  Teams1764200000000,
  Sectors1764300000000,
  Outbox1764400000000,
  Feedback1764500000000,
  Leads1764600000000,
];
