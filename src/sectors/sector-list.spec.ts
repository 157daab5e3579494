import {
  byFrenchLabel,
  cleanAliases,
  findClash,
  resolveSectors,
  sectorKey,
  type SectorChoice,
} from './sector-list.js';

const LIST: (SectorChoice & { id: string })[] = [
  { id: 'a', label: 'Alimentation', aliases: ['agroalimentaire', 'agro-alimentaire'] },
  { id: 'i', label: 'Insertion', aliases: ["insertion par l'activité économique", 'IAE'] },
  { id: 't', label: 'Tourisme', aliases: [] },
  { id: 'c', label: 'Circuits courts', aliases: ['circuit court'] },
];

describe('sector keys', () => {
  it('fold accents, case, spaces and apostrophes', () => {
    expect(sectorKey('  Agro-Alimentaire ')).toBe('agro-alimentaire');
    expect(sectorKey('Circuits   courts')).toBe(sectorKey('circuits courts'));
    expect(sectorKey('Insertion par l’Activité Économique')).toBe(
      "insertion par l'activite economique",
    );
    expect(sectorKey('Œuvres')).toBe('oeuvres');
  });
});

describe('resolveSectors', () => {
  it('gives each value its entry’s label, by label or alias, whatever the spelling', () => {
    expect(resolveSectors(['  alimentation', 'Tourisme'], LIST).labels).toEqual([
      'Alimentation',
      'Tourisme',
    ]);
    expect(resolveSectors(['Agro-alimentaire'], LIST).labels).toEqual(['Alimentation']);
    expect(resolveSectors(['iae', 'CIRCUIT COURT'], LIST).labels).toEqual([
      'Insertion',
      'Circuits courts',
    ]);
    expect(resolveSectors(['Insertion par l’activité économique'], LIST).labels).toEqual([
      'Insertion',
    ]);
  });

  it('names each entry once, in the order given', () => {
    const result = resolveSectors(
      ['agroalimentaire', 'tourisme', 'Alimentation', 'agro-alimentaire'],
      LIST,
    );
    expect(result.labels).toEqual(['Alimentation', 'Tourisme']);
    expect(result.entries.map((e) => e.id)).toEqual(['a', 't']);
    expect(result.unknown).toEqual([]);
  });

  it('reports unknown values, once each, and keeps them as written, trimmed', () => {
    const result = resolveSectors(['menuiserie', ' Menuiserie  ', 'tourisme', ''], LIST);
    expect(result.unknown).toEqual(['menuiserie']);
    expect(result.labels).toEqual(['menuiserie', 'Tourisme']);
    expect(result.entries.map((e) => e.id)).toEqual(['t']);
  });

  it('keeps free text, deduplicated, when the list is empty', () => {
    expect(resolveSectors(['tourisme ', 'Tourisme', 'x'], [])).toEqual({
      labels: ['tourisme', 'x'],
      entries: [],
      unknown: ['tourisme', 'x'],
    });
  });
});

describe('the list kept by organizers', () => {
  it('stores aliases once each, never the label itself', () => {
    expect(
      cleanAliases('Alimentation', ['alimentation', ' agro-alimentaire', 'Agro-Alimentaire', '']),
    ).toEqual(['agro-alimentaire']);
  });

  it('finds a label or an alias that another entry already answers to', () => {
    expect(findClash({ label: 'ALIMENTATION', aliases: [] }, LIST)).toMatchObject({
      key: 'alimentation',
      inLabel: true,
      entry: { id: 'a' },
    });
    expect(findClash({ label: 'Restauration', aliases: ['IAE'] }, LIST)).toMatchObject({
      key: 'iae',
      inLabel: false,
      entry: { id: 'i' },
    });
    expect(findClash({ label: 'Agroalimentaire', aliases: [] }, LIST)?.entry.id).toBe('a');
    // An entry does not clash with itself.
    expect(findClash({ id: 'a', label: 'Alimentation', aliases: ['agroalimentaire'] }, LIST)).toBe(
      null,
    );
    expect(findClash({ label: 'Restauration', aliases: ['traiteur'] }, LIST)).toBeNull();
  });

  it('sorts labels in French order, accents with their letter', () => {
    const labels = ['Environnement', 'Énergie', 'Éducation populaire', 'Emploi', 'économie']
      .map((label) => ({ label }))
      .sort(byFrenchLabel)
      .map((s) => s.label);
    expect(labels).toEqual([
      'économie',
      'Éducation populaire',
      'Emploi',
      'Énergie',
      'Environnement',
    ]);
  });
});
