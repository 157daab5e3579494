// Occitanie's 13 departments and their neighbours (outside the region too), by INSEE code.
const NEIGHBOURS: Record<string, readonly string[]> = {
  '09': ['11', '31', '66'],
  '11': ['09', '31', '34', '66', '81'],
  '12': ['15', '30', '34', '46', '48', '81', '82'],
  '30': ['07', '12', '13', '34', '48', '84'],
  '31': ['09', '11', '32', '65', '81', '82'],
  '32': ['31', '40', '47', '64', '65', '82'],
  '34': ['11', '12', '30', '81'],
  '46': ['12', '15', '19', '24', '47', '82'],
  '48': ['07', '12', '15', '30', '43'],
  '65': ['31', '32', '64'],
  '66': ['09', '11'],
  '81': ['11', '12', '31', '34', '82'],
  '82': ['12', '31', '32', '46', '47', '81'],
};

const NAMES: Record<string, string> = {
  '07': 'Ardèche',
  '09': 'Ariège',
  '11': 'Aude',
  '12': 'Aveyron',
  '13': 'Bouches-du-Rhône',
  '15': 'Cantal',
  '19': 'Corrèze',
  '24': 'Dordogne',
  '30': 'Gard',
  '31': 'Haute-Garonne',
  '32': 'Gers',
  '34': 'Hérault',
  '40': 'Landes',
  '43': 'Haute-Loire',
  '46': 'Lot',
  '47': 'Lot-et-Garonne',
  '48': 'Lozère',
  '64': 'Pyrénées-Atlantiques',
  '65': 'Hautes-Pyrénées',
  '66': 'Pyrénées-Orientales',
  '81': 'Tarn',
  '82': 'Tarn-et-Garonne',
  '84': 'Vaucluse',
};

// Neighbourhood is symmetric, so a department outside Occitanie gets its Occitan neighbours.
const ADJACENT = new Map<string, Set<string>>();
for (const [code, list] of Object.entries(NEIGHBOURS)) {
  for (const other of list) {
    for (const [a, b] of [
      [code, other],
      [other, code],
    ]) {
      const set = ADJACENT.get(a) ?? new Set<string>();
      set.add(b);
      ADJACENT.set(a, set);
    }
  }
}

/** "34", " 34 ", "2a" and 9 all give the code as INSEE writes it ("34", "2A", "09"). */
export function departmentCode(value: string | null | undefined): string | null {
  const code = (value ?? '').trim().toUpperCase();
  if (code.length === 0) return null;
  return /^\d$/u.test(code) ? `0${code}` : code;
}

export function departmentName(code: string): string {
  return NAMES[code] ?? code;
}

export function departmentNeighbours(code: string): ReadonlySet<string> {
  return ADJACENT.get(code) ?? new Set<string>();
}

export function areNeighbours(a: string, b: string): boolean {
  return ADJACENT.get(a)?.has(b) ?? false;
}
