import { foldFrench } from '../common/french-text.js';

/**
 * The platform's list of sectors (filières) and how free text folds onto it, free of any framework:
 * the services, the migration that introduced the list and the unit specs use the same functions.
 */
export interface SectorChoice {
  label: string;
  aliases: readonly string[];
}

/** A sector as people type it, trimmed, with runs of spaces made one and one kind of apostrophe. */
export function cleanSector(value: string): string {
  return value.trim().replace(/\s+/g, ' ').replace(/[’ʼ]/g, "'");
}

/** The key two spellings of one sector share: "  Agro-Alimentaire" and "agro-alimentaire". */
export function sectorKey(value: string): string {
  return foldFrench(cleanSector(value));
}

/** The keys an entry answers to: its label's, then its aliases'. */
export function keysOf(entry: SectorChoice): string[] {
  return [entry.label, ...entry.aliases].map(sectorKey);
}

export interface SectorResolution<T> {
  /** What the organization holds: each value's entry label, in the order given, once each. */
  labels: string[];
  /** The entries named, once each, in the order given. */
  entries: T[];
  /** Values no label or alias matches (kept in `labels` as written, trimmed). */
  unknown: string[];
}

/**
 * Free text onto the list, by the folded key of an entry's label or one of its aliases. An unknown
 * value is reported, and kept in `labels`: callers refuse it, or keep it when the list is empty.
 */
export function resolveSectors<T extends SectorChoice>(
  input: readonly string[],
  list: readonly T[],
): SectorResolution<T> {
  const byKey = new Map<string, T>();
  for (const entry of list) {
    for (const key of keysOf(entry)) if (!byKey.has(key)) byKey.set(key, entry);
  }
  const seen = new Set<string>();
  const result: SectorResolution<T> = { labels: [], entries: [], unknown: [] };
  for (const value of input) {
    const key = sectorKey(value);
    if (key === '') continue;
    const entry = byKey.get(key);
    const label = entry ? entry.label : cleanSector(value);
    const labelKey = entry ? sectorKey(entry.label) : key;
    if (seen.has(labelKey)) continue;
    seen.add(labelKey);
    result.labels.push(label);
    if (entry) result.entries.push(entry);
    else result.unknown.push(label);
  }
  return result;
}

/**
 * An entry's aliases as stored: cleaned, once each by key, none that is its own label's key, none
 * blank. Order is kept, so the organizer's first spelling wins.
 */
export function cleanAliases(label: string, aliases: readonly string[]): string[] {
  const seen = new Set([sectorKey(label)]);
  const kept: string[] = [];
  for (const alias of aliases) {
    const key = sectorKey(alias);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    kept.push(cleanSector(alias));
  }
  return kept;
}

/** The first key of `candidate` that another entry of the list already answers to, and which one. */
export function findClash<T extends SectorChoice & { id: string }>(
  candidate: SectorChoice & { id?: string },
  list: readonly T[],
): { key: string; inLabel: boolean; entry: T } | null {
  const own = sectorKey(candidate.label);
  for (const entry of list) {
    if (entry.id === candidate.id) continue;
    const theirs = new Set(keysOf(entry));
    for (const key of keysOf(candidate)) {
      if (theirs.has(key)) return { key, inLabel: key === own, entry };
    }
  }
  return null;
}

const collator = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** French alphabetical order: "Énergie" between "Éducation populaire" and "Environnement". */
export function byFrenchLabel(a: { label: string }, b: { label: string }): number {
  return collator.compare(a.label, b.label);
}
