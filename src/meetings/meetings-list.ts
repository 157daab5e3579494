import { Controller, Get, Injectable, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { User } from '../auth/user.entity.js';
import { Roles } from '../auth/decorators.js';
import { searchWords, whereEveryWord } from '../common/db/search.js';
import { IdParam, OneOf, QueryInt, Text } from '../common/validation.js';
import type { Page } from '../contract/api.js';
import { MEETING_STATUSES, type MeetingStatus } from '../contract/vocabularies.js';
import { EditionsService } from '../editions/editions.service.js';
import { Slot } from '../editions/slot.entity.js';
import { Exhibitor } from '../exhibitors/exhibitor.entity.js';
import { Organization } from '../exhibitors/organization.entity.js';
import { Participant } from '../participants/participant.entity.js';
import { MeetingViews } from './meeting-views.js';
import { Meeting } from './meeting.entity.js';
import { MeetingDto } from './meetings.dto.js';

export class ListMeetingsQueryDto {
  @Text({ max: 100, optional: true, description: "Words of either person's name or organization" })
  q?: string;

  @OneOf(MEETING_STATUSES, { optional: true })
  status?: MeetingStatus;

  @QueryInt({ min: 1, max: 10000, optional: true })
  page?: number;

  @QueryInt({ min: 1, max: 200, optional: true })
  limit?: number;
}

export class MeetingsPageDto implements Page<MeetingDto> {
  @ApiProperty({ type: [MeetingDto] }) items: MeetingDto[];
  @ApiProperty() total: number;
  @ApiProperty() page: number;
  @ApiProperty() limit: number;
}

/** The organizer's view of every meeting of an edition, to find one and record its attendance. */
@Injectable()
export class MeetingsListService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly editions: EditionsService,
    private readonly views: MeetingViews,
  ) {}

  async list(editionId: string, query: ListMeetingsQueryDto): Promise<MeetingsPageDto> {
    await this.editions.require(editionId);
    const page = query.page ?? 1;
    const limit = query.limit ?? 50;
    const qb = this.dataSource
      .getRepository(Meeting)
      .createQueryBuilder('m')
      .leftJoin(Slot, 's', 's.id = m.slotId')
      .where('m.editionId = :editionId', { editionId });
    if (query.status) qb.andWhere('m.status = :status', { status: query.status });
    if (searchWords(query.q).length > 0) {
      // Each side: the person's names, a visitor's organization, a stand's organization.
      const columns: string[] = [];
      for (const side of ['r', 'i'] as const) {
        const column = side === 'r' ? 'requesterId' : 'inviteeId';
        qb.leftJoin(Participant, `${side}p`, `${side}p.id = m.${column}`)
          .leftJoin(User, `${side}u`, `${side}u.id = ${side}p.userId`)
          .leftJoin(Exhibitor, `${side}e`, `${side}e.id = ${side}p.exhibitorId`)
          .leftJoin(Organization, `${side}o`, `${side}o.id = ${side}e.organizationId`);
        columns.push(
          `${side}u.firstName`,
          `${side}u.lastName`,
          `${side}p.organizationName`,
          `${side}o.name`,
        );
      }
      whereEveryWord(qb, query.q, columns);
    }
    const [meetings, total] = await qb
      .orderBy('s.startsAt', 'ASC')
      .addOrderBy('m.createdAt', 'ASC')
      .addOrderBy('m.id', 'ASC')
      // Every join is to one row at most (a slot, a person, a stand): plain OFFSET and LIMIT.
      .offset((page - 1) * limit)
      .limit(limit)
      .getManyAndCount();
    return { items: await this.views.toDtos(meetings, null), total, page, limit };
  }
}

@ApiTags('meetings')
@ApiBearerAuth()
@Controller('editions/:editionId/meetings')
export class MeetingsListController {
  constructor(private readonly meetings: MeetingsListService) {}

  @Roles('organizer')
  @Get()
  @ApiOperation({
    summary: 'Every meeting of the edition, by slot, searchable by name (organizers)',
  })
  list(
    @IdParam('editionId') editionId: string,
    @Query() query: ListMeetingsQueryDto,
  ): Promise<MeetingsPageDto> {
    return this.meetings.list(editionId, query);
  }
}
