export interface MatchProfile {
  id: string;
  kind: 'exhibitor' | 'visitor';
  // Exhibitors' staff share it; visitors have none.
  organizationId: string | null;
  name: string;
  offers: string[];
  needs: string[];
  sectors: string[];
  department: string | null;
  // Visitors' registration interests; empty for exhibitors.
  interests: string[];
}

export type ReasonKind =
  'need_offer' | 'offer_need' | 'sector' | 'department' | 'neighbour' | 'interest';

export interface MatchReason {
  kind: ReasonKind;
  text: string;
}

export interface Match {
  id: string;
  score: number;
  mutual: boolean;
  reasons: MatchReason[];
}

export interface RecommendOptions {
  limit: number;
  // Say no to a candidate before it is scored (e.g. professional visitors only).
  accept?: (candidate: MatchProfile) => boolean;
  exclude?: ReadonlySet<string>;
  // Ids the person dismissed: left out, and candidates whose offers resemble theirs are lowered.
  dismissed?: readonly string[];
}
