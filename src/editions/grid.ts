import type { FieldError } from '../common/errors.js';
import { DateTime } from 'luxon';

/** The meeting grid of an edition as plain data: days cut into slots of local time. */
export interface GridDay {
  date: string;
  start: string;
  end: string;
}

export interface GridSpec {
  timezone: string;
  slotMinutes: number;
  breakMinutes: number;
  days: GridDay[];
}

export interface GridSlot {
  startsAt: Date;
  endsAt: Date;
  day: number;
  position: number;
}

export const MAX_SLOTS_PER_EDITION = 500;

export function isValidTimezone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

function localTime(day: GridDay, time: string, zone: string): DateTime {
  return DateTime.fromISO(`${day.date}T${time}`, { zone });
}

/** Problems with a grid, each naming its field; an empty list means the grid is valid. */
export function gridProblems(spec: GridSpec): FieldError[] {
  const problems: FieldError[] = [];
  const problem = (field: string, code: string, message: string) =>
    problems.push({ field, code, message: `${field} ${message}` });
  if (!isValidTimezone(spec.timezone)) {
    problem('timezone', 'edition/bad_timezone', 'must be an IANA time zone such as Europe/Paris');
    return problems;
  }
  const seen = new Set<string>();
  spec.days.forEach((day, i) => {
    const start = localTime(day, day.start, spec.timezone);
    const end = localTime(day, day.end, spec.timezone);
    if (!DateTime.fromISO(day.date).isValid)
      problem(`days.${i}.date`, 'edition/bad_date', 'must be a real date');
    else if (seen.has(day.date)) problem(`days.${i}.date`, 'edition/day_twice', 'appears twice');
    seen.add(day.date);
    if (!start.isValid) problem(`days.${i}.start`, 'edition/bad_time', 'must be a time HH:mm');
    if (!end.isValid) problem(`days.${i}.end`, 'edition/bad_time', 'must be a time HH:mm');
    if (start.isValid && end.isValid && end.diff(start, 'minutes').minutes < spec.slotMinutes) {
      problem(
        `days.${i}.end`,
        'edition/day_too_short',
        `must leave room for at least one slot after days.${i}.start`,
      );
    }
  });
  if (problems.length === 0 && generateSlots(spec).length > MAX_SLOTS_PER_EDITION) {
    problem(
      'days',
      'edition/too_many_slots',
      `make more than ${MAX_SLOTS_PER_EDITION} slots; use longer slots or fewer days`,
    );
  }
  return problems;
}

/** Cuts each day into slots of slotMinutes separated by breakMinutes, in the edition's zone. */
export function generateSlots(spec: GridSpec): GridSlot[] {
  const days = [...spec.days].sort((a, b) => a.date.localeCompare(b.date));
  const slots: GridSlot[] = [];
  days.forEach((day, dayIndex) => {
    const end = localTime(day, day.end, spec.timezone);
    let start = localTime(day, day.start, spec.timezone);
    while (start.plus({ minutes: spec.slotMinutes }) <= end) {
      const slotEnd = start.plus({ minutes: spec.slotMinutes });
      slots.push({
        startsAt: start.toJSDate(),
        endsAt: slotEnd.toJSDate(),
        day: dayIndex,
        position: slots.length,
      });
      start = slotEnd.plus({ minutes: spec.breakMinutes });
      if (slots.length > MAX_SLOTS_PER_EDITION) return;
    }
  });
  return slots;
}

/** An instant as ISO 8601 with the offset of the edition's zone: 2027-05-19T09:00:00+02:00. */
export function toZonedIso(date: Date, zone: string): string {
  return (
    DateTime.fromJSDate(date, { zone }).toISO({ suppressMilliseconds: true }) ?? date.toISOString()
  );
}
