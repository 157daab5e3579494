import { firstScanDay, SCAN_CLOCK_TOLERANCE_MS, scanTimeProblem } from './lead-rules.js';

describe('a scan’s own time', () => {
  const edition = {
    timezone: 'Europe/Paris',
    days: [{ date: '2027-05-20' }, { date: '2027-05-19' }],
  };
  const now = new Date('2027-05-19T10:00:00Z');

  it('starts at midnight, in the edition’s zone, the day before its first day', () => {
    expect(firstScanDay(edition)?.toISOString()).toBe('2027-05-17T22:00:00.000Z');
    expect(firstScanDay({ timezone: 'Europe/Paris', days: [] })).toBeNull();
  });

  it('accepts a scan from the day before up to now, give or take the phones’ clocks', () => {
    expect(scanTimeProblem(new Date('2027-05-17T22:00:00Z'), now, edition)).toBeNull();
    expect(scanTimeProblem(now, now, edition)).toBeNull();
    const ahead = new Date(now.getTime() + SCAN_CLOCK_TOLERANCE_MS);
    expect(scanTimeProblem(ahead, now, edition)).toBeNull();
  });

  it('refuses a scan from the future or from before the edition', () => {
    const later = new Date(now.getTime() + SCAN_CLOCK_TOLERANCE_MS + 1);
    expect(scanTimeProblem(later, now, edition)).toBe('in_future');
    expect(scanTimeProblem(new Date('2027-05-17T21:59:59Z'), now, edition)).toBe('before_edition');
  });

  it('has no lower bound for an edition without days', () => {
    const undated = { timezone: 'Europe/Paris', days: [] };
    expect(scanTimeProblem(new Date('2001-01-01T00:00:00Z'), now, undated)).toBeNull();
  });
});
