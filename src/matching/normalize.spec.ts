import { areVariants, phraseKey, singular, stem, tokenize } from './normalize.js';

const terms = (text: string) => tokenize(text).map((t) => t.term);

describe('French normalisation for matching', () => {
  it('ignores case, accents and ligatures', () => {
    expect(terms('ÉCONOMIE Énergie réemploi')).toEqual(terms('economie energie reemploi'));
    expect(terms('cœur de métier')).toEqual(terms('coeur de metier'));
    expect(terms('Ex æquo')).toEqual(terms('ex aequo'));
  });

  it('drops elided articles with either apostrophe, keeping the word', () => {
    const straight = tokenize("l'économie d'insertion qu'il faut");
    const curly = tokenize('l’économie d’insertion qu’il faut');
    expect(straight.map((t) => t.surface)).toEqual(['économie', 'insertion', 'faut']);
    expect(curly.map((t) => t.term)).toEqual(straight.map((t) => t.term));
    expect(terms('jusqu’à lorsqu’on s’engage')).toEqual(terms('engage'));
    expect(terms("JUSQU'À L'ÉCONOMIE")).toEqual(terms('économie'));
  });

  it('reads singular and plural alike', () => {
    expect(phraseKey('produits laitiers')).toBe(phraseKey('produit laitier'));
    expect(phraseKey('coopératives')).toBe(phraseKey('coopérative'));
    expect(phraseKey('vélos-cargos')).toBe(phraseKey('vélo cargo'));
    expect(phraseKey('réseaux locaux')).toBe(phraseKey('réseau local'));
    expect(phraseKey('maraîchers')).toBe(phraseKey('maraîcher'));
    expect(singular('bus')).toBe('bus');
    expect(singular('stress')).toBe('stress');
  });

  it('stems derived forms with the Snowball French stemmer', () => {
    expect(stem('accompagnement')).toBe(stem('accompagner'));
    expect(stem('hébergements')).toBe(stem('héberger'));
    expect(stem('recyclées')).toBe(stem('recycler'));
    expect(stem('fromage')).not.toBe(stem('formation'));
  });

  it('drops stop words and one-letter words', () => {
    expect(tokenize('des fromages pour les écoles et à la crèche').map((t) => t.surface)).toEqual([
      'fromages',
      'écoles',
      'crèche',
    ]);
    expect(tokenize('de la et à y')).toEqual([]);
  });

  it('keeps the words as written, for reasons to quote', () => {
    expect(tokenize('Vélos-Cargos, à Sète !').map((t) => t.surface)).toEqual([
      'Vélos',
      'Cargos',
      'Sète',
    ]);
  });

  it('sees stems that extend one another as variants, not short ones', () => {
    expect(areVariants(stem('énergie'), stem('énergétique'))).toBe(true);
    expect(areVariants(stem('lait'), stem('laitier'))).toBe(true);
    expect(areVariants('art', 'artisan')).toBe(false);
    expect(areVariants(stem('fromage'), stem('fromage'))).toBe(false);
  });
});
