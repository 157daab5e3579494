import { MatchIndex, type Match, type MatchProfile } from './engine.js';

let counter = 0;
function exhibitor(over: Partial<MatchProfile> & { id: string }): MatchProfile {
  return {
    kind: 'exhibitor',
    organizationId: `org-${over.id}`,
    name: `Structure ${++counter}`,
    offers: [],
    needs: [],
    sectors: [],
    department: null,
    interests: [],
    ...over,
  };
}

function visitor(over: Partial<MatchProfile> & { id: string }): MatchProfile {
  return exhibitor({ kind: 'visitor', organizationId: null, ...over });
}

// Unrelated stands, so that word rarity is that of an edition rather than of three profiles.
const background = [
  'cours de danse',
  'conseil juridique',
  'graphisme et illustration',
  'location de salles de réunion',
  'traduction en occitan',
  'photographie de mariage',
  'ménage de bureaux',
  'imprimerie offset',
  'musique baroque',
  'jardinage au naturel',
].map((offer, i) => exhibitor({ id: `bg-${i}`, offers: [offer] }));
const edition = (...profiles: MatchProfile[]) => new MatchIndex([...background, ...profiles]);

const ids = (matches: Match[]) => matches.map((m) => m.id);
const texts = (match: Match | undefined) => match?.reasons.map((r) => r.text) ?? [];

describe('MatchIndex', () => {
  const cheese = exhibitor({
    id: 'cheese',
    offers: ['fromages fermiers et produits laitiers'],
    needs: ['transport frigorifique'],
    sectors: ['Alimentation'],
    department: '12',
  });
  const canteen = exhibitor({
    id: 'canteen',
    offers: ['repas pour la restauration scolaire'],
    needs: ['fromages et produits laitiers locaux'],
    sectors: ['alimentation'],
    department: '34',
  });

  it('gives nothing to an empty or unknown profile, and nothing about it to others', () => {
    const empty = exhibitor({ id: 'empty', department: '34' });
    const index = edition(cheese, canteen, empty);
    expect(index.recommend('empty', { limit: 5 })).toEqual([]);
    expect(index.recommend('nobody', { limit: 5 })).toEqual([]);
    expect(ids(index.recommend('canteen', { limit: 5 }))).not.toContain('empty');
  });

  it('matches a need with an offer whatever the accents, plurals and elisions', () => {
    const asker = exhibitor({ id: 'asker', needs: ["L'HEBERGEMENT des coopérateurs"] });
    const host = exhibitor({ id: 'host', offers: ['hébergements pour coopérative'] });
    const other = exhibitor({ id: 'other', offers: ['réparation de vélos'] });
    const index = edition(asker, host, other);
    expect(ids(index.recommend('asker', { limit: 5 }))).toEqual(['host']);
  });

  it('quotes both phrases as written, and names departments and sectors in French', () => {
    const index = edition(cheese, canteen);
    const [match] = index.recommend('canteen', { limit: 5 });
    expect(match.id).toBe('cheese');
    expect(match.reasons).toEqual([
      {
        kind: 'need_offer',
        text: '« fromages et produits laitiers locaux » ↔ propose « fromages fermiers et produits laitiers »',
      },
      { kind: 'sector', text: 'filière commune : alimentation' },
      { kind: 'neighbour', text: 'département voisin : Aveyron' },
    ]);
    const back = index.recommend('cheese', { limit: 5 })[0];
    expect(back.reasons[0]).toEqual({
      kind: 'offer_need',
      text: 'recherche « fromages et produits laitiers locaux » ↔ vous proposez « fromages fermiers et produits laitiers »',
    });
  });

  it('says same department, and an interest in a sector, in French', () => {
    const guide = exhibitor({
      id: 'guide',
      offers: ['randonnées accompagnées'],
      sectors: ['Tourisme'],
      department: '34',
    });
    const tourist = visitor({ id: 'tourist', interests: ['tourisme'], department: '34' });
    const index = edition(guide, tourist);
    expect(texts(index.recommend('tourist', { limit: 5 })[0])).toEqual([
      'intérêt commun : tourisme',
      'même département : Hérault',
    ]);
    expect(texts(index.recommend('guide', { limit: 5 })[0])).toEqual([
      'intéressé par votre filière : tourisme',
      'même département : Hérault',
    ]);
  });

  it('does not propose competitors who offer the same things as partners', () => {
    const rival = exhibitor({
      id: 'rival',
      offers: ['fromages fermiers et produits laitiers'],
      needs: ['transport frigorifique'],
      sectors: ['alimentation'],
      department: '12',
    });
    const carrier = exhibitor({
      id: 'carrier',
      offers: ['transport frigorifique mutualisé'],
      needs: ['producteurs de fromages à livrer'],
      department: '31',
    });
    const index = edition(cheese, rival, carrier, canteen);
    const matches = index.recommend('cheese', { limit: 5 });
    expect(ids(matches)).toEqual(['carrier', 'canteen']);
    expect(matches[0].mutual).toBe(true);
  });

  it('ranks a mutual fit above a one-way fit of the same strength', () => {
    const asker = exhibitor({
      id: 'asker',
      offers: ['livraison frigorifique'],
      needs: ['fromages fermiers'],
    });
    const oneWay = exhibitor({
      id: 'one-way',
      offers: ['fromages fermiers'],
      needs: ['logiciel de caisse'],
    });
    const mutual = exhibitor({
      id: 'mutual',
      offers: ['fromages fermiers'],
      needs: ['livraison frigorifique'],
    });
    for (const order of [
      [asker, oneWay, mutual],
      [asker, mutual, oneWay],
    ]) {
      const matches = edition(...order).recommend('asker', { limit: 5 });
      expect(ids(matches)).toEqual(['mutual', 'one-way']);
      expect(matches.map((m) => m.mutual)).toEqual([true, false]);
      expect(matches[0].score).toBeGreaterThan(matches[1].score);
    }
  });

  it('puts sector and department alone below every text match', () => {
    const asker = exhibitor({
      id: 'asker',
      needs: ['comptabilité associative'],
      sectors: ['tourisme'],
      department: '34',
    });
    const weak = exhibitor({ id: 'weak', offers: ['comptabilité et paie'], department: '75' });
    const neighbour = exhibitor({
      id: 'neighbour',
      offers: ['visites guidées'],
      sectors: ['Tourisme'],
      department: '34',
    });
    const matches = edition(asker, weak, neighbour).recommend('asker', { limit: 5 });
    expect(ids(matches)).toEqual(['weak', 'neighbour']);
    expect(matches[1].score).toBeLessThan(matches[0].score);
    expect(matches[1].reasons.map((r) => r.kind)).toEqual(['sector', 'department']);
  });

  it('changes results on upsert and remove exactly as a fresh index would', () => {
    const index = edition(cheese, canteen);
    const carrier = exhibitor({ id: 'carrier', offers: ['menuiserie'] });
    index.upsert(carrier);
    expect(ids(index.recommend('cheese', { limit: 5 }))).not.toContain('carrier');
    const better = { ...carrier, offers: ['transport frigorifique'] };
    index.upsert(better);
    expect(index.size).toBe(background.length + 3);
    expect(
      index.recommend('cheese', { limit: 5 }).find((m) => m.id === 'carrier')?.reasons[0],
    ).toEqual({
      kind: 'need_offer',
      text: '« transport frigorifique » ↔ propose « transport frigorifique »',
    });
    expect(index.recommend('cheese', { limit: 5 })).toEqual(
      edition(cheese, canteen, better).recommend('cheese', { limit: 5 }),
    );

    index.remove('carrier');
    expect(index.has('carrier')).toBe(false);
    expect(index.size).toBe(background.length + 2);
    expect(ids(index.recommend('cheese', { limit: 5 }))).toEqual(['canteen']);
    expect(index.recommend('carrier', { limit: 5 })).toEqual([]);
    expect(index.recommend('canteen', { limit: 5 })).toEqual(
      edition(cheese, canteen).recommend('canteen', { limit: 5 }),
    );
  });

  it('ranks as a fresh index would after any sequence of changes, queried between them', () => {
    // Figures cached between queries (word rarity, lengths) must follow every kind of change:
    // needs only, offers, a profile emptied, added or removed.
    const words = [
      'fromages fermiers',
      'transport frigorifique',
      'produits laitiers locaux',
      'hébergement de groupes',
      'recyclage du bois',
      'repas bio',
      'formation des salariés',
      'énergie solaire',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 16807) % 2147483647);
    const pick = (n: number) => Array.from({ length: n }, () => words[next() % words.length]);
    const live = new Map<string, MatchProfile>([cheese, canteen].map((p) => [p.id, p]));
    const index = edition(...live.values());
    for (let step = 0; step < 60; step++) {
      const id = `p${next() % 6}`;
      const known = live.get(id);
      const roll = next() % 4;
      if (roll === 0 && known) {
        index.remove(id);
        live.delete(id);
      } else {
        const changed =
          roll === 1 && known
            ? { ...known, needs: pick(next() % 3) }
            : exhibitor({ id, offers: pick(next() % 3), needs: pick(1 + (next() % 2)) });
        index.upsert(changed);
        live.set(id, changed);
      }
      const fresh = edition(...live.values());
      for (const asker of ['cheese', 'canteen', ...live.keys()]) {
        expect(index.recommend(asker, { limit: 5 })).toEqual(fresh.recommend(asker, { limit: 5 }));
      }
    }
  });

  it('lowers candidates similar to a dismissed one, and leaves the dismissed out', () => {
    const asker = exhibitor({
      id: 'asker',
      needs: ['livraison à vélo cargo', 'comptabilité associative'],
      department: '34',
    });
    const dismissed = exhibitor({ id: 'dismissed', offers: ['livraison urbaine à vélo cargo'] });
    const similar = exhibitor({
      id: 'similar',
      offers: ['livraisons en vélos cargos'],
      department: '34',
    });
    const unrelated = exhibitor({ id: 'unrelated', offers: ['comptabilité associative'] });
    const index = edition(asker, dismissed, similar, unrelated);
    const before = index.recommend('asker', { limit: 5 });
    const after = index.recommend('asker', { limit: 5, dismissed: ['dismissed'] });
    const score = (list: Match[], id: string) => list.find((m) => m.id === id)?.score ?? 0;
    expect(ids(after)).not.toContain('dismissed');
    expect(score(after, 'similar')).toBeLessThan(score(before, 'similar') * 0.75);
    expect(score(after, 'unrelated')).toBe(score(before, 'unrelated'));
    expect(ids(before).indexOf('similar')).toBeLessThan(ids(before).indexOf('unrelated'));
    expect(ids(after)).toEqual(['unrelated', 'similar']);
  });

  it('leaves out my colleagues, shows one person per stand, and honours accept and exclude', () => {
    const me = exhibitor({ id: 'me', organizationId: 'coop', needs: ['vélos cargos'] });
    const colleague = exhibitor({
      id: 'colleague',
      organizationId: 'coop',
      offers: ['vélos cargos'],
    });
    const seller1 = exhibitor({
      id: 'seller-1',
      organizationId: 'cycles',
      offers: ['vélos cargos'],
    });
    const seller2 = exhibitor({
      id: 'seller-2',
      organizationId: 'cycles',
      offers: ['vélos cargos'],
    });
    const fan = visitor({ id: 'fan', offers: ['vélos cargos d’occasion'] });
    const index = edition(me, colleague, seller1, seller2, fan);
    expect(ids(index.recommend('me', { limit: 5 }))).toEqual(['seller-1', 'fan']);
    const exhibitorsOnly = index.recommend('me', {
      limit: 5,
      accept: (c) => c.kind === 'exhibitor',
    });
    expect(ids(exhibitorsOnly)).toEqual(['seller-1']);
    expect(ids(index.recommend('me', { limit: 5, exclude: new Set(['seller-1']) }))).toEqual([
      'seller-2',
      'fan',
    ]);
    expect(index.recommend('me', { limit: 1 })).toHaveLength(1);
  });

  it('matches a visitor’s interests with offers, quoting both', () => {
    const cyclist = visitor({ id: 'cyclist', interests: ['vélo cargo'] });
    const shop = exhibitor({ id: 'shop', offers: ['location de vélos cargos'] });
    const [match] = edition(cyclist, shop).recommend('cyclist', { limit: 5 });
    expect(match.reasons).toEqual([
      { kind: 'interest', text: 'intérêt « vélo cargo » ↔ propose « location de vélos cargos »' },
    ]);
  });

  it('keeps its own copy of a profile', () => {
    const offers = ['transport frigorifique'];
    const carrier = exhibitor({ id: 'carrier', offers });
    const index = edition(cheese, carrier);
    offers[0] = 'menuiserie';
    expect(ids(index.recommend('cheese', { limit: 5 }))).toEqual(['carrier']);
  });
});
