import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Convention,
  CONVENTION_KINDS,
  CONVENTION_STATUSES,
  SIGNED_STATUSES,
} from '../conventions/convention.entity.js';
import { SqlParams } from '../common/db/bulk.js';
import { EditionsService } from '../editions/editions.service.js';
import { Exhibitor } from '../exhibitors/exhibitor.entity.js';
import { FeedbackService } from '../meetings/feedback.service.js';
import { LeadsService } from '../leads/leads.service.js';
import { Meeting, MEETING_STATUSES } from '../meetings/meeting.entity.js';
import { Participant } from '../participants/participant.entity.js';
import type { EditionStatsDto, FunnelDto } from './stats.dto.js';

/** The organizer's figures for an edition, from the data itself. */
@Injectable()
export class StatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly editions: EditionsService,
    private readonly feedback: FeedbackService,
    private readonly leads: LeadsService,
  ) {}

  async stats(editionId: string): Promise<EditionStatsDto> {
    await this.editions.require(editionId);
    const count = async (sql: string, params: unknown[]) => {
      const [row] = await this.dataSource.query<{ n: number | string }[]>(sql, params);
      return Number(row.n);
    };
    const participants = await this.dataSource
      .getRepository(Participant)
      .createQueryBuilder('p')
      .select('p.kind', 'kind')
      .addSelect('p.category', 'category')
      .addSelect('COUNT(*)', 'n')
      .addSelect('COUNT(p.checkedInAt)', 'checkedIn')
      .where('p.editionId = :editionId', { editionId })
      .groupBy('p.kind')
      .addGroupBy('p.category')
      .getRawMany<{
        kind: string;
        category: string | null;
        n: string | number;
        checkedIn: string | number;
      }>();
    const sum = (
      pred: (r: (typeof participants)[number]) => boolean,
      field: 'n' | 'checkedIn' = 'n',
    ) => participants.filter(pred).reduce((total, r) => total + Number(r[field]), 0);

    const conventions = await this.dataSource.getRepository(Convention).findBy({ editionId });
    const signed = conventions.filter((c) => SIGNED_STATUSES.includes(c.status));
    const tally = (keys: readonly string[], of: (c: Convention) => string) =>
      Object.fromEntries(keys.map((k) => [k, conventions.filter((c) => of(c) === k).length]));
    const total = (field: 'estimatedAnnualValueEur' | 'jobsCreated' | 'insertionJobs') =>
      signed.reduce((acc, c) => acc + (c[field] ?? 0), 0);

    const heldMeetings = await this.dataSource
      .getRepository(Meeting)
      .countBy({ editionId, status: 'held' });
    const params = new SqlParams(this.dataSource.manager);
    const heldMeetingsWithConvention = await count(
      `SELECT COUNT(DISTINCT cm."meetingId") AS n FROM "convention_meetings" cm
         JOIN "meetings" m ON m."id" = cm."meetingId" WHERE m."editionId" = ${params.add(editionId)} AND m."status" = 'held'`,
      params.values,
    );
    return {
      editionId,
      exhibitors: await this.dataSource.getRepository(Exhibitor).countBy({ editionId }),
      registrations: {
        visitors: sum((r) => r.kind === 'visitor'),
        professional: sum((r) => r.kind === 'visitor' && r.category === 'professional'),
        public: sum((r) => r.kind === 'visitor' && r.category === 'public'),
        exhibitorStaff: sum((r) => r.kind === 'exhibitor'),
      },
      checkIns: sum(() => true, 'checkedIn'),
      meetings: await this.funnel(editionId),
      conventions: {
        total: conventions.length,
        signed: signed.length,
        byStatus: tally(CONVENTION_STATUSES, (c) => c.status),
        byKind: tally(CONVENTION_KINDS, (c) => c.kind),
        estimatedAnnualValueEur: total('estimatedAnnualValueEur'),
        jobsCreated: total('jobsCreated'),
        insertionJobs: total('insertionJobs'),
      },
      conversion: {
        heldMeetings,
        heldMeetingsWithConvention,
        rate:
          heldMeetings === 0
            ? 0
            : Math.round((heldMeetingsWithConvention / heldMeetings) * 1000) / 1000,
      },
      feedback: await this.feedback.figures(editionId),
      // Counts only: the contacts are the stands' own.
      leads: await this.leads.figures(editionId),
    };
  }

  /** Organizer: how many requests reached each status. */
  async funnel(editionId: string): Promise<FunnelDto> {
    const rows = await this.dataSource
      .getRepository(Meeting)
      .createQueryBuilder('m')
      .select('m.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .where('m.editionId = :editionId', { editionId })
      .groupBy('m.status')
      .getRawMany<{ status: string; n: string | number }>();
    const funnel = Object.fromEntries(MEETING_STATUSES.map((s) => [s, 0])) as Record<
      string,
      number
    >;
    for (const r of rows) funnel[r.status] = Number(r.n);
    return {
      ...(funnel as unknown as FunnelDto),
      total: Object.values(funnel).reduce((a, b) => a + b, 0),
    };
  }
}
