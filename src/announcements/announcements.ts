import { Body, Controller, Injectable, Module, Post } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles, type AuthUser } from '../auth/decorators.js';
import { ActivityLogService } from '../common/activity-log.service.js';
import { IdParam, Text } from '../common/validation.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';
import type { Announcement } from '../contract/socket.js';
import { EditionsModule } from '../editions/editions.module.js';
import { EditionsService } from '../editions/editions.service.js';

export class AnnouncementDto {
  @Text({ max: 500, example: 'La plénière commence dans 10 minutes en salle Berlioz.' })
  message: string;
}

export class AnnouncementSentDto implements Announcement {
  @ApiProperty() id: string;
  @ApiProperty() editionId: string;
  @ApiProperty() message: string;
  @ApiProperty() sentAt: string;
}

/** An organizer's message to everyone taking part in an edition, delivered live. */
export class AnnouncementPublished {
  static readonly EVENT = 'announcement.published';
  constructor(readonly announcement: AnnouncementSentDto) {}
}

@Injectable()
export class AnnouncementsService {
  constructor(
    private readonly editions: EditionsService,
    private readonly uow: UnitOfWork,
    private readonly log: ActivityLogService,
    private readonly events: EventEmitter2,
  ) {}

  async publish(user: AuthUser, editionId: string, message: string): Promise<AnnouncementSentDto> {
    await this.editions.require(editionId);
    const entry = await this.uow.write((manager) =>
      this.log.record(manager, {
        action: 'announcement.published',
        subjectType: 'edition',
        subjectId: editionId,
        editionId,
        actorId: user.id,
        data: { message },
      }),
    );
    const sent = { id: entry.id, editionId, message, sentAt: entry.createdAt.toISOString() };
    this.events.emit(AnnouncementPublished.EVENT, new AnnouncementPublished(sent));
    return sent;
  }
}

@ApiTags('announcements')
@ApiBearerAuth()
@Controller('editions/:editionId/announcements')
export class AnnouncementsController {
  constructor(private readonly announcements: AnnouncementsService) {}

  @Roles('organizer')
  @Post()
  @ApiOperation({
    summary:
      'Send a message live to every participant of the edition (socket event `announcement`)',
  })
  publish(
    @CurrentUser() user: AuthUser,
    @IdParam('editionId') editionId: string,
    @Body() dto: AnnouncementDto,
  ): Promise<AnnouncementSentDto> {
    return this.announcements.publish(user, editionId, dto.message);
  }
}

@Module({
  imports: [EditionsModule],
  controllers: [AnnouncementsController],
  providers: [AnnouncementsService],
})
export class AnnouncementsModule {}
