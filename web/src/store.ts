import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, setToken, type Edition, type Me } from './api';

/** The app's shared state: who is logged in and which edition is shown. Pages read it through `useStore`. */
export interface State {
  token: string | null;
  me: Me | null;
  edition: Edition | null;
  /** Every edition, to switch between them (the 2025 one stays readable). */
  editions: Edition[];
  ready: boolean;
}

const TOKEN_KEY = 'coventis.token';
const EDITION_KEY = 'coventis.edition';
let state: State = { token: null, me: null, edition: null, editions: [], ready: false };
const listeners = new Set<() => void>();

function set(patch: Partial<State>): void {
  state = { ...state, ...patch };
  listeners.forEach((listener) => listener());
}

export function useStore(): State {
  const [, rerender] = useState(0);
  const rendered = state;
  useEffect(() => {
    const listener = () => rerender((n) => n + 1);
    listeners.add(listener);
    // Effects run after the browser paints, late in a background tab: the state may have changed since
    // this render (the boot's answers), and that change notified nobody.
    if (state !== rendered) listener();
    return () => void listeners.delete(listener);
  }, []);
  return state;
}

export const getState = (): State => state;

/** The edition in progress or the next one; otherwise the latest. */
function pickEdition(editions: Edition[]): Edition | null {
  const now = Date.now();
  // An edition with no days yet has no dates: it sorts last.
  const time = (iso: string | null) => (iso ? Date.parse(iso) : Number.NEGATIVE_INFINITY);
  const upcoming = editions
    .filter((e) => time(e.endsAt) >= now)
    .sort((a, b) => time(a.startsAt) - time(b.startsAt));
  return (
    upcoming[0] ?? [...editions].sort((a, b) => time(b.startsAt) - time(a.startsAt))[0] ?? null
  );
}

export async function boot(): Promise<void> {
  const saved = localStorage.getItem(TOKEN_KEY);
  const [editions] = await Promise.all([api<Edition[]>('/editions'), saved ? logIn(saved) : null]);
  // The edition chosen on this device, while it exists; else the one in progress or next.
  const chosen = editions.find((e) => e.id === localStorage.getItem(EDITION_KEY));
  set({ editions, edition: chosen ?? pickEdition(editions), ready: true });
}

/** Shows another edition, remembered on this device. */
export function chooseEdition(id: string): void {
  const edition = state.editions.find((e) => e.id === id);
  if (!edition) return;
  localStorage.setItem(EDITION_KEY, id);
  set({ edition });
}

/** Reloads the editions after an organizer created or changed one, and shows `showId`. */
export async function reloadEditions(showId?: string): Promise<void> {
  const editions = await api<Edition[]>('/editions');
  const id = showId ?? state.edition?.id;
  if (showId) localStorage.setItem(EDITION_KEY, showId);
  set({ editions, edition: editions.find((e) => e.id === id) ?? pickEdition(editions) });
}

/** Keeps a token (from the login or the registration) and loads who it belongs to. */
export async function logIn(token: string): Promise<Me | null> {
  setToken(token);
  try {
    const me = await api<Me>('/auth/me');
    localStorage.setItem(TOKEN_KEY, token);
    set({ token, me });
    return me;
  } catch (error) {
    if (!(error instanceof ApiError) || error.status !== 401) throw error;
    logOut();
    return null;
  }
}

export function logOut(): void {
  setToken(null);
  localStorage.removeItem(TOKEN_KEY);
  // The API's answers kept for offline reading are this person's: the next one on the device
  // must not read them.
  if ('caches' in window) void caches.delete('coventis-api').catch(() => undefined);
  set({ token: null, me: null });
}

/** My participant id at the shown edition, if I take part in it. */
export function myParticipantId(s: State = state): string | null {
  return s.me?.participations.find((p) => p.editionId === s.edition?.id)?.participantId ?? null;
}
