import { byName, categoryLabel, frenchDay, frenchMoment, frenchSpan, localDate } from './french.js';
import type { PrintedPerson } from './model.js';

describe('dates and names as printed, in French', () => {
  const paris = 'Europe/Paris';

  it('writes the day in the edition’s zone, the first of the month as an ordinal', () => {
    expect(frenchDay(new Date('2027-03-16T08:30:00Z'), paris)).toBe('mardi 16 mars 2027');
    expect(frenchDay(new Date('2027-03-01T08:30:00Z'), paris)).toBe('lundi 1er mars 2027');
    // 23:30 UTC on the 16th is already the 17th in Paris.
    expect(frenchDay(new Date('2027-03-16T23:30:00Z'), paris)).toBe('mercredi 17 mars 2027');
    expect(localDate(new Date('2027-03-16T23:30:00Z'), paris)).toBe('2027-03-17');
  });

  it('joins times with an en dash, summer time included', () => {
    const start = new Date('2027-05-19T07:30:00Z');
    const end = new Date('2027-05-19T08:00:00Z');
    expect(frenchSpan(start, end, paris)).toBe('09:30–10:00');
    expect(frenchMoment(start, paris)).toBe('19 mai 2027 à 09:30');
  });

  it('names categories and sorts names as a French list does', () => {
    expect(categoryLabel({ kind: 'exhibitor', category: null })).toBe('Exposant');
    expect(categoryLabel({ kind: 'visitor', category: 'professional' })).toBe(
      'Visiteur professionnel',
    );
    expect(categoryLabel({ kind: 'visitor', category: 'public' })).toBe('Grand public');
    const person = (lastName: string): PrintedPerson => ({
      participantId: lastName,
      kind: 'visitor',
      category: 'public',
      firstName: 'A',
      lastName,
      organizationName: null,
      stand: null,
      badgeCode: 'CVT-0000-0000',
      scanConsent: false,
    });
    const names = ['Zola', 'Œillet', 'Écrivain', 'martin', 'Ménard'].map(person).sort(byName);
    expect(names.map((p) => p.lastName)).toEqual([
      'Écrivain',
      'martin',
      'Ménard',
      'Œillet',
      'Zola',
    ]);
  });
});
