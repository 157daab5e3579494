import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ActivityLog } from './activity-log.entity.js';

export interface LogEntry {
  action: string;
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
    await manager.getRepository(ActivityLog).insert(row as never);
    return row;
  }
}
