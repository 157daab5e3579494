// What the HTTP API returns, as plain interfaces: the DTO classes implement them (so the server cannot
// drift from them) and the web app reads them (web/src/api.ts). No framework import here.
import type { ApplicationStatus } from '../applications/application-rules.js';
import type { ConventionKind, ConventionStatus } from '../conventions/convention-rules.js';
import type { MeetingWindow } from '../meetings/meeting-rules.js';
import type {
  LegalForm,
  MeetingOutcome,
  MeetingPlace,
  MeetingStatus,
  ParticipantKind,
  Role,
  SlotKind,
  VisitorCategory,
} from './vocabularies.js';

/** One refused field of a 400: where, a stable code to translate, and the English sentence. */
export interface FieldError {
  field: string;
  code: string;
  message: string;
  /** The bound broken, for too_short/too_long/too_few/too_many/too_small/too_large. */
  limit?: number;
}

/** The one error shape of the API. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string | string[];
  code?: string;
  errors?: FieldError[];
}

export interface EditionDay {
  date: string;
  start: string;
  end: string;
}

export interface Slot {
  id: string;
  startsAt: string;
  endsAt: string;
  day: number;
  kind: SlotKind;
}

export interface EditionSummary {
  id: string;
  name: string;
  city: string;
  venue: string;
  timezone: string;
  slotMinutes: number;
  breakMinutes: number;
  tables: number;
  meetingPlace: MeetingPlace;
  days: EditionDay[];
  startsAt: string | null;
  endsAt: string | null;
}

export interface Edition extends EditionSummary {
  slots: Slot[];
}

export interface Organization {
  id: string;
  name: string;
  legalForm: LegalForm;
  sectors: string[];
  department: string;
  city: string;
  description: string;
  offers: string[];
  needs: string[];
  website: string | null;
}

export interface Exhibitor {
  id: string;
  editionId: string;
  stand: string | null;
  participantId: string | null;
  organization: Organization;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  limit: number;
}

export interface Participation {
  editionId: string;
  participantId: string;
  kind: ParticipantKind;
  exhibitorId: string | null;
}

export interface User {
  id: string;
  email: string;
  role: Role;
  firstName: string;
  lastName: string;
  organizationId: string | null;
}

export interface Me extends User {
  participations: Participation[];
}

/** A person on either side of a meeting. */
export interface Party {
  participantId: string;
  kind: ParticipantKind;
  firstName: string;
  lastName: string;
  organizationName: string | null;
  exhibitorId: string | null;
  stand: string | null;
}

export interface Meeting {
  id: string;
  editionId: string;
  status: MeetingStatus;
  /** Seen from the person asking; null for an organizer, who is neither side. */
  direction: 'incoming' | 'outgoing' | null;
  requester: Party;
  invitee: Party;
  /** The other person, seen from the person asking; null for an organizer. */
  partner: Party | null;
  message: string | null;
  wishedSlot: Slot | null;
  priority: number;
  window: MeetingWindow;
  slot: Slot | null;
  table: number | null;
  place: string | null;
  expiresAt: string | null;
  outcome: MeetingOutcome | null;
  createdAt: string;
  updatedAt: string;
}

export interface Agenda {
  editionId: string;
  participantId: string;
  calendarUrl: string;
  meetings: Meeting[];
}

export interface Participant {
  id: string;
  editionId: string;
  kind: ParticipantKind;
  category: VisitorCategory | null;
  firstName: string;
  lastName: string;
  organizationName: string | null;
  badgeCode: string;
  checkedInAt: string | null;
}

/** A line of the organizer's registrations list. */
export interface Registration extends Participant {
  email: string;
}

/** What a visitor tells matchmaking about themselves, and what the stands that scan them may keep. */
export interface VisitorProfile {
  participantId: string;
  organizationName: string | null;
  interests: string[];
  offers: string[];
  needs: string[];
  /** Stands may scan the badge and keep the visitor's contacts (email, phone). */
  scanConsent: boolean;
  phone: string | null;
}

export interface Badge extends Participant {
  editionName: string;
  qrCode: string;
  /** Whether stands may scan the badge to keep the visitor's contacts; always false for exhibitors. */
  scanConsent: boolean;
  /** The same, said in French on the badge. */
  scanConsentNotice: string;
}

export interface CheckInResult extends Participant {
  alreadyCheckedIn: boolean;
}

export type Funnel = Record<MeetingStatus, number> & { total: number };

export interface EditionStats {
  editionId: string;
  exhibitors: number;
  registrations: { visitors: number; professional: number; public: number; exhibitorStaff: number };
  checkIns: number;
  meetings: Funnel;
  conventions: {
    total: number;
    signed: number;
    byStatus: Record<string, number>;
    byKind: Record<string, number>;
    estimatedAnnualValueEur: number;
    jobsCreated: number;
    insertionJobs: number;
  };
  conversion: { heldMeetings: number; heldMeetingsWithConvention: number; rate: number };
  /** The parties' answers after the event, by stage and answer (FEEDBACK_ANSWERS). */
  feedback: {
    meetingsAnswered: number;
    first: Record<string, number>;
    second: Record<string, number>;
  };
  /** Leads scanned at the stands: counts only, the contacts are the stands' own. */
  leads: { total: number; stands: number };
}

/** The visitor a stand scanned; email and phone only while the visitor consents. */
export interface LeadVisitor {
  participantId: string;
  firstName: string;
  lastName: string;
  organizationName: string | null;
  category: VisitorCategory | null;
  email: string | null;
  phone: string | null;
  scanConsent: boolean;
}

/** A visitor scanned at a stand, as the stand's members see it. */
export interface Lead {
  id: string;
  editionId: string;
  exhibitorId: string;
  scanId: string;
  scannedAt: string;
  /** The member who scanned (null once their account is gone). */
  scannedBy: { userId: string; firstName: string; lastName: string } | null;
  visitor: LeadVisitor;
  note: string;
  rating: number | null;
  createdAt: string;
  updatedAt: string;
}

/** The answer to a scan: the lead, and whether it was there already (the same scan or visitor). */
export interface ScanResult extends Lead {
  duplicate: boolean;
}

export interface Leads {
  exhibitorId: string;
  items: Lead[];
  total: number;
}

/** The messages of an edition by kind and how they went (GET /editions/:id/mail/figures). */
export interface MailFigures {
  kinds: { kind: string; pending: number; sent: number; failed: number; skipped: number }[];
}

/** One slot of the grid on the organizer's chart: the meetings in it against its tables. */
export interface SlotStats extends Slot {
  position: number;
  capacity: number | null;
  meetings: { scheduled: number; held: number; no_show: number; total: number };
  requested: number;
  blocked: number;
}

export interface EditionSlotStats {
  editionId: string;
  timezone: string;
  meetingPlace: MeetingPlace;
  tables: number;
  slots: SlotStats[];
}

export interface ConventionParty {
  organizationId: string;
  name: string;
  role: string;
  public: boolean;
  confirmed: boolean;
}

export interface Convention {
  id: string;
  editionId: string;
  title: string;
  kind: ConventionKind;
  description: string;
  status: ConventionStatus;
  parties: ConventionParty[];
  meetingIds: string[];
  estimatedAnnualValueEur: number | null;
  jobsCreated: number | null;
  insertionJobs: number | null;
  localSupplyShare: number | null;
  signedAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export type RecommendationReasonKind =
  'need_offer' | 'offer_need' | 'sector' | 'department' | 'neighbour' | 'interest';

export interface RecommendationReason {
  kind: RecommendationReasonKind;
  /** A sentence in French naming the matched words. */
  text: string;
}

export interface Recommendation {
  participantId: string;
  kind: ParticipantKind;
  exhibitorId: string | null;
  organizationId: string | null;
  name: string;
  score: number;
  /** Both sides' needs meet the other's offers. */
  mutual: boolean;
  reasons: RecommendationReason[];
  /** A first message for a meeting request, built from the reasons. */
  requestMessage: string;
}

export interface Recommendations {
  items: Recommendation[];
  /** Why the list is empty, when it is: a code to translate and an English sentence. */
  hint: { code: string; message: string } | null;
}

export interface CoverageItem {
  participantId: string;
  kind: ParticipantKind;
  name: string;
  /** Suggestions whose words match (not only a shared sector or department). */
  goodMatches: number;
  bestScore: number;
  /** Meetings requested, scheduled or held, sent or received. */
  meetings: number;
}

export interface Coverage {
  items: CoverageItem[];
  total: number;
}

export interface MatchRequestProposal {
  requesterId: string;
  requesterName: string;
  inviteeId: string;
  inviteeName: string;
  score: number;
  message: string;
}

export interface MatchRequests {
  committed: boolean;
  proposals: MatchRequestProposal[];
  /** Meetings created by a commit (0 for a preview). */
  created: number;
}

// Applications

/** The structure's profile as its applicant wrote it: an organization without its id. */
export type ApplicationOrganization = Omit<Organization, 'id'>;

export interface ApplicationContact {
  firstName: string;
  lastName: string;
  email: string;
  phone: string | null;
}

/** A structure's request to exhibit at an edition, and the organizer's decision. */
export interface Application {
  id: string;
  editionId: string;
  editionName: string;
  status: ApplicationStatus;
  organization: ApplicationOrganization;
  /** The organization applying: set at once for a returning exhibitor, at approval for a newcomer. */
  organizationId: string | null;
  standWishes: string | null;
  contact: ApplicationContact;
  /** The organizer's word on the decision (required for a refusal). */
  note: string | null;
  /** The stand given at approval. */
  stand: string | null;
  /** The catalogue entry made at approval. */
  exhibitorId: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface SubmittedApplication extends Application {
  /** A token for the account created with the application; null when the applicant was logged in. */
  accessToken: string | null;
}

// Teams

/** A staff member of a stand: their own account, participant and agenda. */
export interface TeamMember {
  participantId: string;
  userId: string;
  firstName: string;
  lastName: string;
  email: string;
  /** The stand's first member, who carries its catalogue entry and matchmaking profile. */
  contact: boolean;
  /** Scheduled meetings this member holds: they must be handed over before the member leaves. */
  scheduledMeetings: number;
  joinedAt: string;
}

/** A colleague invited to join a stand, not yet joined. */
export interface TeamInvitation {
  id: string;
  email: string;
  firstName: string | null;
  lastName: string | null;
  expiresAt: string;
  createdAt: string;
}

/** An invitation as its creator gets it, once: the only time the link is shown. */
export interface CreatedTeamInvitation extends TeamInvitation {
  /** The path of the web app's join page (`/join/<token>`), to copy and send. */
  joinPath: string;
  /** The same, as a full address on this server. */
  joinUrl: string;
}

export interface Team {
  editionId: string;
  exhibitorId: string;
  organizationId: string;
  organizationName: string;
  stand: string | null;
  members: TeamMember[];
  invitations: TeamInvitation[];
}

/** What the join page shows before the colleague accepts (public, from the token). */
export interface TeamInvitationPreview {
  editionId: string;
  editionName: string;
  exhibitorId: string;
  organizationName: string;
  stand: string | null;
  email: string;
  firstName: string | null;
  lastName: string | null;
  expiresAt: string;
  /** The email already has an exhibitor account of this organization: join by logging in with it. */
  existingAccount: boolean;
}

/** The colleague joined: logged in, with their participant at the edition. */
export interface TeamJoined {
  accessToken: string;
  user: User;
  editionId: string;
  exhibitorId: string;
  participantId: string;
}

// Sectors

/** An entry of the platform's list of sectors (filières), which organizers keep. */
export interface Sector {
  id: string;
  label: string;
  /** Other spellings folded onto this entry ("agro-alimentaire" for "Alimentation"). */
  aliases: string[];
  /** Organizations that have this sector. */
  organizations: number;
  /** Of them, exhibitors at the edition asked about (`?editionId=`); absent otherwise. */
  exhibitors?: number;
}
