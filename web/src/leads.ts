/**
 * Sending a badge scanned at a stand. A scan is made once, on the phone, with its own id and time,
 * and may be sent as many times as needed (an offline queue retrying after a lost answer): the
 * server records it once and answers the same lead again with `duplicate: true`.
 */
import type { ScanResult } from '../../src/contract/api';
import { api } from './api';

export type { Lead, Leads, ScanResult } from '../../src/contract/api';

/** One scan as the phone made it: what was read, and when. */
export interface Scan {
  badgeCode: string;
  scanId: string;
  scannedAt: string;
}

/** A scan of `badgeCode` now, with a fresh id. */
export function newScan(badgeCode: string, now = new Date()): Scan {
  return {
    badgeCode: badgeCode.trim().toUpperCase(),
    scanId: crypto.randomUUID(),
    scannedAt: now.toISOString(),
  };
}

/**
 * Sends a scan; resolves with the lead (new, or `duplicate`). Rejects with an ApiError when the
 * server refused it (an unknown badge, no consent…), with anything else when it did not get there.
 */
export function sendScan(editionId: string, scan: Scan): Promise<ScanResult> {
  return api<ScanResult>(`/editions/${editionId}/leads`, { method: 'POST', body: scan });
}
