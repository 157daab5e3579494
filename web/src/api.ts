/** The HTTP API as the pages use it: JSON in and out, the bearer token added, errors typed. */
export type {
  Badge,
  CheckInResult as CheckIn,
  Convention,
  Coverage,
  CoverageItem,
  Edition,
  EditionSummary,
  EditionStats as Stats,
  EditionSlotStats as SlotStatsReport,
  ErrorBody,
  FieldError,
  Me,
  Organization,
  Exhibitor,
  MatchRequestProposal,
  MatchRequests,
  Page,
  Participation,
  Party as Person,
  Recommendation,
  Recommendations,
  Slot,
  SlotStats,
  VisitorProfile,
} from '../../src/contract/api';
import type {
  Agenda as ContractAgenda,
  Meeting as ContractMeeting,
  Party,
} from '../../src/contract/api';

/**
 * A meeting as its own party sees it: the pages show only the asker's meetings (agenda, inbox, and
 * socket events sent to a party), where the server always sets `direction` and `partner`.
 */
export type Meeting = ContractMeeting & { direction: 'incoming' | 'outgoing'; partner: Party };
export type Agenda = Omit<ContractAgenda, 'meetings'> & { meetings: Meeting[] };

/** A visitor's matchmaking profile, as `GET …/registrations/:participantId/profile` answers it. */

export type { ServerEventName, ServerEvents } from '../../src/contract/socket';
export {
  LEGAL_FORMS,
  MEETING_EVENTS,
  type LegalForm,
  type MeetingStatus,
  type Role,
} from '../../src/contract/vocabularies';

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
