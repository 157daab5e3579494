import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ActivityLog } from './activity-log.entity.js';
import { insertMany } from './db/bulk.js';

/** Every action the log records, namespaced by what it is about (pretix's `log_action` names). */
export type ActivityAction =
  | 'user.created'
  | 'edition.created'
  | 'edition.updated'
  | 'slot.break'
  | 'slot.meeting'
  | 'exhibitor.onboarded'
  | 'organization.updated'
  | 'registration.created'
  | 'registration.profile_updated'
  | 'participant.checked_in'
  | 'agenda.availability_changed'
  | 'meeting.requested'
  | 'meeting.accepted'
  | 'meeting.declined'
  | 'meeting.cancelled'
  | 'meeting.rescheduled'
  | 'meeting.held'
  | 'meeting.no_show'
  | 'meeting.expired'
  | 'meeting.holder_changed'
  | 'meeting.feedback'
  | 'team.invited'
  | 'team.invitation_revoked'
  | 'team.joined'
  | 'team.member_added'
  | 'team.member_removed'
  | 'schedule.committed'
  | 'announcement.published'
  | 'convention.declared'
  | 'convention.updated'
  | 'convention.status_changed'
  | 'convention.confirmed'
  | 'convention.consent_changed'
  | 'convention.follow_up'
  | 'application.submitted'
  | 'application.approved'
  | 'application.refused'
  | 'sector.created'
  | 'sector.updated'
  | 'sector.merged'
  | 'sector.deleted'
  | 'lead.scanned'
  | 'lead.rescanned'
  | 'lead.updated';

export interface LogEntry {
  action: ActivityAction;
  subjectType: string;
  subjectId: string;
  editionId?: string | null;
  actorId?: string | null;
  data?: Record<string, unknown>;
}

/** Records who did what, inside the caller's transaction so the log never disagrees with the data. */
@Injectable()
export class ActivityLogService {
  async record(manager: EntityManager, entry: LogEntry): Promise<ActivityLog> {
    const row = manager.create(ActivityLog, {
      action: entry.action,
      subjectType: entry.subjectType,
      subjectId: entry.subjectId,
      editionId: entry.editionId ?? null,
      actorId: entry.actorId ?? null,
      data: entry.data ?? null,
    });
    // One prepared statement rather than TypeORM's insert builder: every write logs.
    await insertMany(manager, ActivityLog, [row]);
    return row;
  }
}
