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
  MailFigures,
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
  Registration,
  Sector,
  Slot,
  SlotStats,
  VisitorProfile,
} from '../../src/contract/api';
import type {
  Agenda as ContractAgenda,
  ErrorBody,
  FieldError,
  Meeting as ContractMeeting,
  Party,
} from '../../src/contract/api';
import { errorSentence } from './errors';

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

/**
 * A refusal from the API, told in the reader's language from its stable codes: the server's
 * English `message` is kept for developers (`serverMessage`) and never shown.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    readonly fieldErrors: FieldError[] = [],
    readonly serverMessage = '',
  ) {
    super(serverMessage || `HTTP ${status}`);
  }

  /** What to say about one field (or the fields nested in it: `parties` covers `parties.1.role`). */
  about(field: string): string[] {
    return unique(
      this.fieldErrors
        .filter((e) => e.field === field || e.field.startsWith(`${field}.`))
        .map((e) => errorSentence(e.code, this.status, e.limit)),
    );
  }

  /** What to say beside the fields a form shows: the other fields' errors, or the refusal itself. */
  except(placed: readonly string[] = []): string[] {
    if (this.fieldErrors.length === 0) return [errorSentence(this.code, this.status)];
    return unique(
      this.fieldErrors
        .filter((e) => !placed.some((f) => e.field === f || e.field.startsWith(`${f}.`)))
        .map((e) => errorSentence(e.code, this.status, e.limit)),
    );
  }
}

const unique = (texts: string[]) => [...new Set(texts)];

let token: string | null = null;
export const setToken = (value: string | null) => {
  token = value;
};

export async function request(
  path: string,
  init: { method?: string; body?: unknown; slow?: boolean } = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  if (init.body !== undefined) headers['content-type'] = 'application/json';
  if (token) headers.authorization = `Bearer ${token}`;
  const method = init.method ?? 'GET';
  // On a venue's poor network a read can hang: give it 8 s, and try a read twice more. A document
  // the server builds (`slow`: the PDF of thousands of badges) gets two minutes and one try.
  const attempts = method === 'GET' && !init.slow ? 3 : 1;
  let res: Response;
  for (let attempt = 1; ; attempt++) {
    try {
      res = await fetch(`/api${path}`, {
        method,
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        signal: method === 'GET' ? AbortSignal.timeout(init.slow ? 120_000 : 8000) : undefined,
      });
      break;
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
  }
  if (!res.ok) {
    const body = (await res.json().catch(() => ({}))) as Partial<ErrorBody>;
    const message = Array.isArray(body.message) ? body.message.join('; ') : body.message;
    throw new ApiError(
      res.status,
      body.code,
      Array.isArray(body.errors) ? body.errors : [],
      message ?? res.statusText,
    );
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
  save(await (await request(path)).blob(), fileName);
}

/**
 * Saves a document the server builds and names (a PDF to print), which may take it a while: under
 * the name of its `content-disposition`, else `fileName`.
 */
export async function downloadDocument(path: string, fileName: string): Promise<void> {
  const res = await request(path, { slow: true });
  const named = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '');
  save(await res.blob(), named?.[1] ?? fileName);
}

function save(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
