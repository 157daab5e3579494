import { foldFrench, nameKey, searchTerms } from './french-text.js';

describe('French text folding', () => {
  it('removes accents and case', () => {
    expect(foldFrench('Économie Coopérative à Sète, Ça déménage')).toBe(
      'economie cooperative a sete, ca demenage',
    );
  });

  it('spells out ligatures so that "coeur" finds "cœur"', () => {
    expect(foldFrench('Cœur de ŒUVRE')).toBe('coeur de oeuvre');
  });

  it('splits words on apostrophes and punctuation', () => {
    expect(searchTerms("La Feuille d'Érable — l'ESS!")).toEqual([
      'la',
      'feuille',
      'd',
      'erable',
      'l',
      'ess',
    ]);
  });

  it('gives the same key to names written differently', () => {
    expect(nameKey("  La Feuille d'Érable ")).toBe(nameKey('LA FEUILLE D ERABLE'));
    expect(nameKey('Le Lazaret')).not.toBe(nameKey('Lazaret'));
  });
});
