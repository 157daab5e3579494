import { FieldIndex, KeyIndex } from './field-index.js';
import { makeDoc, type Doc, type DocStats, type Field } from './profile.js';
import type { MatchProfile } from './types.js';
import { B, FULL_MATCH_RARE_WORDS, K1 } from './weights.js';

/** The profiles and their inverted indexes; each change touches only the changed profile's entries. */
export class ProfileStore {
  readonly docs: (Doc | undefined)[] = [];
  readonly byId = new Map<string, Doc>();
  readonly offers = new FieldIndex();
  readonly needs = new FieldIndex();
  readonly interests = new FieldIndex();
  // Sector key to profiles; interest phrase key to visitors (and which phrase).
  readonly sectors = new KeyIndex();
  readonly interestKeys = new KeyIndex();
  readonly departments = new KeyIndex();
  private readonly free: number[] = [];
  // Bumped by every change of the offers field (its documents, lengths and so idf): figures cached
  // under an older epoch are stale. A change of needs, interests or sectors leaves them valid.
  private epoch = 0;
  private scaleEpoch = -1;
  private scaleValue = 1;

  upsert(profile: MatchProfile): void {
    const previous = this.byId.get(profile.id);
    if (previous) this.unindex(previous);
    const offersBefore = previous?.offers;
    const slot = previous?.slot ?? this.free.pop() ?? this.docs.length;
    // A copy of one shape, so that the caller changing its arrays cannot desynchronise the index.
    const doc = makeDoc(slot, {
      id: profile.id,
      kind: profile.kind,
      organizationId: profile.organizationId,
      name: profile.name,
      offers: [...profile.offers],
      needs: [...profile.needs],
      sectors: [...profile.sectors],
      department: profile.department,
      interests: [...profile.interests],
    });
    this.docs[slot] = doc;
    this.byId.set(profile.id, doc);
    this.offers.add(slot, doc.offers);
    this.needs.add(slot, doc.needs);
    this.interests.add(slot, doc.interests);
    for (const key of doc.sectors.keys()) this.sectors.add(slot, key);
    doc.interests.phrases.forEach((p, i) => this.interestKeys.add(slot, p.key, i));
    if (doc.department !== null) this.departments.add(slot, doc.department);
    if (!sameTerms(offersBefore, doc.offers)) this.epoch++;
  }

  remove(id: string): void {
    const doc = this.byId.get(id);
    if (!doc) return;
    this.unindex(doc);
    this.byId.delete(id);
    this.docs[doc.slot] = undefined;
    this.free.push(doc.slot);
    if (doc.offers.phrases.length > 0) this.epoch++;
  }

  private unindex(doc: Doc): void {
    this.offers.remove(doc.slot, doc.offers);
    this.needs.remove(doc.slot, doc.needs);
    this.interests.remove(doc.slot, doc.interests);
    for (const key of doc.sectors.keys()) this.sectors.remove(doc.slot, key);
    for (const p of doc.interests.phrases) this.interestKeys.remove(doc.slot, p.key);
    if (doc.department !== null) this.departments.remove(doc.slot, doc.department);
  }

  // Every match is a word found in someone's offers, so rarity is counted among offers.
  readonly idf = (term: string): number => this.offers.idf(term);

  // Matched weight that makes a phrase fully matched; follows the index's size.
  get scale(): number {
    if (this.scaleEpoch !== this.epoch) {
      this.scaleValue = FULL_MATCH_RARE_WORDS * this.offers.idf('\u0000');
      this.scaleEpoch = this.epoch;
    }
    return this.scaleValue;
  }

  stats(doc: Doc): DocStats {
    if (doc.stats?.epoch === this.epoch) return doc.stats;
    let squares = 0;
    for (const [term, tf] of doc.offers.tf) squares += (tf * this.idf(term)) ** 2;
    doc.stats = {
      epoch: this.epoch,
      offerNorm: Math.sqrt(squares),
      offerLengthNorm: K1 * (1 - B + (B * doc.offers.length) / this.offers.averageLength),
    };
    return doc.stats;
  }
}

// Whether two offers fields weigh the same in the index: same terms, frequencies and length.
function sameTerms(before: Field | undefined, after: Field): boolean {
  if (!before) return after.phrases.length === 0;
  if (before.phrases.length === 0 || after.phrases.length === 0) {
    return before.phrases.length === after.phrases.length;
  }
  if (before.length !== after.length || before.tf.size !== after.tf.size) return false;
  for (const [term, tf] of after.tf) if (before.tf.get(term) !== tf) return false;
  return true;
}
