import { Application } from '../applications/application.entity.js';
import { User } from '../auth/user.entity.js';
import { ActivityLog } from '../common/activity-log.entity.js';
import {
  Convention,
  ConventionMeeting,
  ConventionParty,
} from '../conventions/convention.entity.js';
import { Edition } from '../editions/edition.entity.js';
import { Slot } from '../editions/slot.entity.js';
import { Exhibitor } from '../exhibitors/exhibitor.entity.js';
import { OrganizationSector } from '../exhibitors/organization-sector.entity.js';
import { Organization } from '../exhibitors/organization.entity.js';
import { Lead } from '../leads/lead.entity.js';
import { Booking } from '../meetings/booking.entity.js';
import { OutboxMessage } from '../mail/outbox.entity.js';
import { MeetingFeedback } from '../meetings/feedback.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { Participant } from '../participants/participant.entity.js';
import { Dismissal } from '../recommendations/dismissal.entity.js';
import { Sector } from '../sectors/sector.entity.js';
import { TeamInvitation } from '../teams/team-invitation.entity.js';

export const ENTITIES = [
  User,
  ActivityLog,
  Edition,
  Slot,
  Organization,
  Sector,
  OrganizationSector,
  Exhibitor,
  Participant,
  Meeting,
  Booking,
  Convention,
  ConventionParty,
  ConventionMeeting,
  Dismissal,
  Application,
  TeamInvitation,
  OutboxMessage,
  MeetingFeedback,
  Lead,
];
