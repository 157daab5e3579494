/** French text folding for search and keys: no accents, no case, ligatures spelled out. */
const LIGATURES: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss' };

export function foldFrench(text: string): string {
  return text
    .replace(/[œŒæÆß]/g, (c) => LIGATURES[c])
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase();
}

/** Words of a text, folded, for a full-text query; apostrophes and punctuation split words. */
export function searchTerms(text: string): string[] {
  return foldFrench(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter((term) => term.length > 0)
    .slice(0, 12);
}

/** A stable key for a name: folded, with runs of non-alphanumerics collapsed to one space. */
export function nameKey(name: string): string {
  return searchTerms(name).join(' ');
}
