import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { useEffect, useState } from 'preact/hooks';
import { ApiError, type FieldError } from './api';

/**
 * Badge scans kept on the device until the server has them: a check-in at the door or a lead at a
 * stand, made with or without network. Each is written to IndexedDB first, then sent; one the
 * network did not carry stays `pending` and goes again when the browser is back online (and every
 * RETRY_MS meanwhile). The server makes sending twice harmless: a badge is checked in once, at the
 * earliest scan's time, and a lead is recognised by its `scanId`.
 */
export type ScanKind = 'check-in' | 'lead';

export interface Scan {
  scanId: string;
  kind: ScanKind;
  editionId: string;
  /** The account that scanned: only its own scans are sent with its token. */
  userId: string;
  badgeCode: string;
  /** When the badge was scanned, which the server keeps as the time of the check-in or lead. */
  scannedAt: string;
  status: 'pending' | 'sent' | 'refused';
  /** What the server answered: the person's name once sent, the refusal's code and status. */
  name?: string;
  alreadyDone?: boolean;
  error?: { status: number; code?: string; fields?: FieldError[] };
}

interface Schema extends DBSchema {
  scans: { key: string; value: Scan; indexes: { byKind: [ScanKind, string] } };
}

const RETRY_MS = 10_000;
/** Scans shown in a list: the newest of this kind and edition. */
const SHOWN = 50;

let opened: Promise<IDBPDatabase<Schema>> | null = null;
const db = () =>
  (opened ??= openDB<Schema>('coventis', 1, {
    upgrade(database) {
      const store = database.createObjectStore('scans', { keyPath: 'scanId' });
      store.createIndex('byKind', ['kind', 'editionId']);
    },
  }));

/**
 * Whether a failed send is worth sending again later: the network failed, or the server could not
 * answer then (5xx, 429, too many writes at once). A refusal (4xx) stays a refusal whenever it is sent.
 */
export function worthRetrying(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status >= 500 || error.status === 429 || error.code === 'conflict/concurrent';
}

/** A stored refusal as the pages show errors. */
export const refusal = (scan: Scan) =>
  new ApiError(scan.error?.status ?? 400, scan.error?.code, scan.error?.fields ?? []);

/** How a scan reaches the server; its answer names the person. */
export type Sender = (scan: Scan) => Promise<{ name: string; alreadyDone: boolean }>;

const senders = new Map<ScanKind, Sender>();
const listeners = new Set<() => void>();
const changed = () => listeners.forEach((listener) => listener());

/** Registers how scans of `kind` are sent (the check-in desk, the stand's lead scanner). */
export function sendScansWith(kind: ScanKind, sender: Sender): void {
  senders.set(kind, sender);
}

/** Keeps a scan on the device and tries to send it at once. */
export async function enqueue(
  scan: Omit<Scan, 'scanId' | 'scannedAt' | 'status'> & { scannedAt?: string },
): Promise<Scan> {
  const stored: Scan = {
    ...scan,
    scanId: crypto.randomUUID(),
    scannedAt: scan.scannedAt ?? new Date().toISOString(),
    status: 'pending',
  };
  await (await db()).put('scans', stored);
  changed();
  void flush(scan.userId);
  return stored;
}

let flushing: Promise<void> | null = null;

/**
 * Sends the pending scans of `userId`, oldest first, one at a time; stops at the first that the
 * network does not carry (the next ones would not go either).
 */
export function flush(userId: string): Promise<void> {
  flushing ??= (async () => {
    try {
      const database = await db();
      const pending = (await database.getAll('scans'))
        .filter((s) => s.status === 'pending' && s.userId === userId)
        .sort((a, b) => a.scannedAt.localeCompare(b.scannedAt));
      for (const scan of pending) {
        const sender = senders.get(scan.kind);
        if (!sender) continue;
        try {
          const answer = await sender(scan);
          await database.put('scans', { ...scan, status: 'sent', ...answer });
        } catch (error) {
          // A refusal is final (an unknown badge stays unknown); a busy or failing server is not.
          if (!(error instanceof ApiError) || worthRetrying(error)) break;
          await database.put('scans', {
            ...scan,
            status: 'refused',
            error: { status: error.status, code: error.code, fields: error.fieldErrors },
          });
        } finally {
          changed();
        }
      }
    } finally {
      flushing = null;
    }
  })();
  return flushing;
}

/** The newest scans of one kind and edition on this device, kept up to date. */
export function useScans(kind: ScanKind, editionId: string, userId: string | null): Scan[] {
  const [scans, setScans] = useState<Scan[]>([]);
  useEffect(() => {
    let live = true;
    const load = async () => {
      const all = await (await db()).getAllFromIndex('scans', 'byKind', [kind, editionId]);
      if (!live) return;
      setScans(
        all
          .filter((s) => s.userId === userId)
          .sort((a, b) => b.scannedAt.localeCompare(a.scannedAt))
          .slice(0, SHOWN),
      );
    };
    const reload = () => void load();
    listeners.add(reload);
    reload();
    // Back online, or every RETRY_MS while a scan waits: send what waits.
    const retry = () => {
      if (userId) void flush(userId);
    };
    window.addEventListener('online', retry);
    const timer = setInterval(retry, RETRY_MS);
    retry();
    return () => {
      live = false;
      listeners.delete(reload);
      window.removeEventListener('online', retry);
      clearInterval(timer);
    };
  }, [kind, editionId, userId]);
  return scans;
}
