import { DateTime } from 'luxon';

/** What a badge says of its holder's consent, in French (the web app says it in the reader's language). */
export function scanConsentNotice(consent: boolean): string {
  return consent
    ? 'Les exposants peuvent scanner ce badge pour garder vos coordonnées.'
    : 'Ce badge ne transmet pas vos coordonnées aux exposants.';
}

/** How far ahead of the server's clock a phone's may be: a scan's time is the phone's. */
export const SCAN_CLOCK_TOLERANCE_MS = 5 * 60_000;

export type ScanTimeProblem = 'in_future' | 'before_edition';

/**
 * Whether a scan's own time can be believed: not later than now (give or take the phones' clocks),
 * not before the day before the edition's first day, in its zone (stands set up the day before).
 * An edition with no days yet has no lower bound.
 */
export function scanTimeProblem(
  scannedAt: Date,
  now: Date,
  edition: { days: { date: string }[]; timezone: string },
): ScanTimeProblem | null {
  if (scannedAt.getTime() > now.getTime() + SCAN_CLOCK_TOLERANCE_MS) return 'in_future';
  const earliest = firstScanDay(edition);
  if (earliest && scannedAt.getTime() < earliest.getTime()) return 'before_edition';
  return null;
}

/** Midnight of the day before the edition's first day, in the edition's zone. */
export function firstScanDay(edition: { days: { date: string }[]; timezone: string }): Date | null {
  const first = edition.days.map((d) => d.date).sort()[0];
  if (!first) return null;
  return DateTime.fromISO(first, { zone: edition.timezone }).minus({ days: 1 }).toJSDate();
}
