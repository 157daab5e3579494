import { Injectable } from '@nestjs/common';
import { ApiProperty } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  Convention,
  CONVENTION_KINDS,
  CONVENTION_STATUSES,
  SIGNED_STATUSES,
} from '../conventions/convention.entity.js';
import { EditionsService } from '../editions/editions.service.js';
import { Exhibitor } from '../exhibitors/exhibitor.entity.js';
import { AgendaService } from '../meetings/agenda.service.js';
import { FunnelDto } from '../meetings/meetings.dto.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { Participant } from '../participants/participant.entity.js';

export class RegistrationFiguresDto {
  @ApiProperty({ description: 'Registered visitors' }) visitors: number;
  @ApiProperty() professional: number;
  @ApiProperty() public: number;
  @ApiProperty({ description: 'Exhibitors’ staff with a badge' }) exhibitorStaff: number;
}

export class ConventionFiguresDto {
  @ApiProperty() total: number;
  @ApiProperty({ description: 'Signed, in force or completed' }) signed: number;
  @ApiProperty({
    example: { envisaged: 1, negotiating: 0, signed: 1, in_force: 0, completed: 0, abandoned: 0 },
  })
  byStatus: Record<string, number>;
  @ApiProperty({ example: { supply: 1, partnership: 0 } }) byKind: Record<string, number>;
  @ApiProperty({ description: 'Sum over signed conventions' }) estimatedAnnualValueEur: number;
  @ApiProperty({ description: 'Sum over signed conventions' }) jobsCreated: number;
  @ApiProperty({ description: 'Sum over signed conventions' }) insertionJobs: number;
}

export class ConversionDto {
  @ApiProperty() heldMeetings: number;
  @ApiProperty({ description: 'Held meetings that a convention names as its origin' })
  heldMeetingsWithConvention: number;
  @ApiProperty({ description: 'heldMeetingsWithConvention / heldMeetings, 0 when none was held' })
  rate: number;
}

export class EditionStatsDto {
  @ApiProperty() editionId: string;
  @ApiProperty() exhibitors: number;
  @ApiProperty({ type: RegistrationFiguresDto }) registrations: RegistrationFiguresDto;
  @ApiProperty() checkIns: number;
  @ApiProperty({ type: FunnelDto }) meetings: FunnelDto;
  @ApiProperty({ type: ConventionFiguresDto }) conventions: ConventionFiguresDto;
  @ApiProperty({ type: ConversionDto }) conversion: ConversionDto;
}

/** The organizer's figures for an edition, from the data itself. */
@Injectable()
export class StatsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly editions: EditionsService,
    private readonly agenda: AgendaService,
  ) {}

  async stats(editionId: string): Promise<EditionStatsDto> {
    await this.editions.require(editionId);
    const count = async (sql: string, params: unknown[]) => {
      const [row] = await this.dataSource.query<{ n: number | string }[]>(sql, params);
      return Number(row.n);
    };
    const p = this.dataSource.options.type === 'postgres' ? (i: number) => `$${i}` : () => '?';
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
    const heldMeetingsWithConvention = await count(
      `SELECT COUNT(DISTINCT cm."meetingId") AS n FROM "convention_meetings" cm
         JOIN "meetings" m ON m."id" = cm."meetingId" WHERE m."editionId" = ${p(1)} AND m."status" = 'held'`,
      [editionId],
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
      meetings: await this.agenda.funnel(editionId),
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
    };
  }
}
