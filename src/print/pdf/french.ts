import { DateTime } from 'luxon';
import type { PrintedPerson } from './model.js';

/** U+202F, the narrow no-break space French typography puts before « : ; ! ? » and inside « ». */
export const NNBSP = '\u202f';

const local = (at: Date, zone: string) => DateTime.fromJSDate(at, { zone }).setLocale('fr');

/** "mardi 16 mars 2027", "lundi 1er mars 2027": the first of the month is an ordinal in French. */
export function frenchDay(at: Date, zone: string): string {
  const d = local(at, zone);
  return `${d.toFormat('cccc')} ${d.day === 1 ? '1er' : d.day} ${d.toFormat('LLLL yyyy')}`;
}

/** "09:30–10:00", with an en dash as French typography joins a range. */
export function frenchSpan(start: Date, end: Date, zone: string): string {
  return `${local(start, zone).toFormat('HH:mm')}–${local(end, zone).toFormat('HH:mm')}`;
}

/** "09:30", a clock time where the convention takes place. */
export function localClock(at: Date, zone: string): string {
  return local(at, zone).toFormat('HH:mm');
}

/** "4 décembre 2026 à 18:57", when a document was printed. */
export function frenchMoment(at: Date, zone: string): string {
  const d = local(at, zone);
  return `${d.day === 1 ? '1er' : d.day} ${d.toFormat('LLLL yyyy')} à ${d.toFormat('HH:mm')}`;
}

/** The calendar date of a moment where the convention takes place, such as 2027-05-19. */
export function localDate(at: Date, zone: string): string {
  return local(at, zone).toISODate()!;
}

/** What a badge says a person is at the convention. */
export function categoryLabel(person: Pick<PrintedPerson, 'kind' | 'category'>): string {
  if (person.kind === 'exhibitor') return 'Exposant';
  if (person.category === 'professional') return 'Visiteur professionnel';
  if (person.category === 'public') return 'Grand public';
  return 'Visiteur';
}

export const fullName = (p: Pick<PrintedPerson, 'firstName' | 'lastName'>) =>
  `${p.firstName} ${p.lastName}`;

/** Names in the order of a French list: by last name, then first name, accents and case aside. */
const collator = new Intl.Collator('fr', { sensitivity: 'base' });
export function byName(a: PrintedPerson, b: PrintedPerson): number {
  return (
    collator.compare(a.lastName, b.lastName) ||
    collator.compare(a.firstName, b.firstName) ||
    a.participantId.localeCompare(b.participantId)
  );
}
