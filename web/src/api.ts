/** The HTTP API as the pages use it: JSON in and out, the bearer token added, errors typed. */
import type { ConventionKind, ConventionStatus } from '../../src/conventions/convention-rules';

export type Role = 'organizer' | 'exhibitor' | 'visitor';
export type LegalForm =
  | 'scop'
  | 'scic'
  | 'cooperative'
  | 'association'
  | 'mutuelle'
  | 'fondation'
  | 'entreprise_insertion'
  | 'other';
export const LEGAL_FORMS: LegalForm[] = [
  'scop',
  'scic',
  'cooperative',
  'association',
  'mutuelle',
  'fondation',
  'entreprise_insertion',
  'other',
];

export interface Edition {
  id: string;
  name: string;
  city: string;
  venue: string;
  timezone: string;
  startsAt: string;
  endsAt: string;
}

export interface Slot {
  id: string;
  startsAt: string;
  endsAt: string;
  day: number;
  kind: string;
}

export interface Organization {
  id: string;
  name: string;
  legalForm: LegalForm;
  sectors: string[];
  department: string;
  city: string;
  description: string;
  offers: string[];
  needs: string[];
  website: string | null;
}

export interface Exhibitor {
  id: string;
  editionId: string;
  stand: string;
  participantId: string;
  organization: Organization;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

export interface Participation {
  editionId: string;
  participantId: string;
  kind: string;
  exhibitorId: string | null;
}

export interface Me {
  id: string;
  email: string;
  role: Role;
  firstName: string;
  lastName: string;
  organizationId: string | null;
  participations: Participation[];
}

export interface Person {
  participantId: string;
  kind: string;
  firstName: string;
  lastName: string;
  organizationName: string | null;
  exhibitorId: string | null;
  stand: string | null;
}

export type MeetingStatus =
  'requested' | 'scheduled' | 'declined' | 'cancelled' | 'expired' | 'held' | 'no_show';

export interface Meeting {
  id: string;
  editionId: string;
  status: MeetingStatus;
  direction: 'incoming' | 'outgoing';
  partner: Person;
  message: string | null;
  wishedSlot: Slot | null;
  slot: Slot | null;
  table: number | null;
  place: string | null;
  createdAt: string;
}

export interface Agenda {
  editionId: string;
  participantId: string;
  calendarUrl: string;
  meetings: Meeting[];
}

export interface Badge {
  id: string;
  firstName: string;
  lastName: string;
  category: string | null;
  kind: string;
  organizationName: string | null;
  badgeCode: string;
  checkedInAt: string | null;
  editionName: string;
  qrCode: string;
}

export interface CheckIn {
  firstName: string;
  lastName: string;
  badgeCode: string;
  alreadyCheckedIn: boolean;
}

export interface Stats {
  editionId: string;
  exhibitors: number;
  registrations: { visitors: number; professional: number; public: number; exhibitorStaff: number };
  checkIns: number;
  meetings: Record<MeetingStatus, number> & { total: number };
  conventions: { total: number; signed: number; byStatus: Record<string, number> };
}

/** One slot of the grid on the organizer's chart: the meetings in it against its tables. */
export interface SlotStats extends Slot {
  position: number;
  capacity: number | null;
  meetings: { scheduled: number; held: number; no_show: number; total: number };
  requested: number;
  blocked: number;
}

export interface SlotStatsReport {
  editionId: string;
  timezone: string;
  meetingPlace: 'tables' | 'stands';
  tables: number;
  slots: SlotStats[];
}

export interface Convention {
  id: string;
  title: string;
  kind: ConventionKind;
  status: ConventionStatus;
  parties: { organizationId: string; name: string; role: string }[];
  signedAt: string | null;
}

/** A refusal from the API: `messages` are the API's sentences, each naming its field first. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly messages: string[],
    readonly code?: string,
  ) {
    super(messages.join('; '));
  }

  /**
   * The messages about one field, e.g. `email must be an email`, `each value in offers …`, or of
   * a nested one: `parties.1.role must be …`.
   */
  about(field: string): string[] {
    return this.messages.filter(
      (m) =>
        m.split(/[\s.]/)[0] === field ||
        m.startsWith(`${field} `) ||
        m.startsWith(`${field}: `) ||
        m.startsWith(`each value in ${field} `),
    );
  }
}

let token: string | null = null;
export const setToken = (value: string | null) => {
  token = value;
};

export async function request(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const method = init.method ?? 'GET';
  // On a venue's poor network a read can hang: give it 8 s, and try a read twice more.
  const attempts = method === 'GET' ? 3 : 1;
  let res: Response;
  for (let attempt = 1; ; attempt++) {
    try {
      res = await fetch(`/api${path}`, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: method === 'GET' ? AbortSignal.timeout(8000) : undefined,
      });
      break;
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as {
      message?: string | string[];
      code?: string;
    };
    const messages = Array.isArray(body.message) ? body.message : [body.message ?? res.statusText];
    throw new ApiError(res.status, messages, body.code);
  }
  return res;
}

export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown } = {},
): Promise<T> {
  const res = await request(path, init);
  return (res.status === 204 ? undefined : await res.json()) as T;
}

/** Saves an authenticated download (a CSV export) through a blob, since a link cannot carry the token. */
export async function download(path: string, fileName: string): Promise<void> {
  const blob = await (await request(path)).blob();
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
