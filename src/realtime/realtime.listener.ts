import { Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { AnnouncementPublished } from '../announcements/announcements.js';
import { User } from '../auth/user.entity.js';
import { ConventionChanged } from '../conventions/convention.events.js';
import { StatsChanged } from '../stats/stats.events.js';
import { AgendasChanged, MeetingChanged, ScheduleProgress } from '../meetings/meeting.events.js';
import { findWhere } from '../common/db/rows.js';
import { forMember } from '../meetings/meeting-views.js';
import { Participant } from '../participants/participant.entity.js';
import { StatsService } from '../stats/stats.service.js';
import { RealtimeGateway } from './realtime.gateway.js';

/** Organizers' figures are recomputed at most this often per edition, however busy the hall. */
const STATS_EVERY_MS = 500;

/** Turns domain events into socket events, sent only to the people they concern. */
@Injectable()
export class RealtimeListener implements OnApplicationShutdown {
  private readonly logger = new Logger(RealtimeListener.name);
  private readonly pendingStats = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly gateway: RealtimeGateway,
    private readonly stats: StatsService,
    @InjectRepository(Participant) private readonly participants: Repository<Participant>,
    @InjectRepository(User) private readonly users: Repository<User>,
  ) {}

  @OnEvent(MeetingChanged.EVENT, { async: true, promisify: true })
  async onMeeting(event: MeetingChanged): Promise<void> {
    const { meeting } = event;
    try {
      const stands = event.toStands
        ? [meeting.requester.exhibitorId, meeting.invitee.exhibitorId].filter(
            (id): id is string => !!id,
          )
        : [];
      const ids = [
        meeting.requester.participantId,
        meeting.invitee.participantId,
        ...event.alsoTell,
      ];
      const parties = await findWhere(this.participants.manager, Participant, [
        { id: ids },
        { exhibitorId: stands },
      ]);
      // Each party (and member of a stand concerned) gets the meeting as the HTTP API shows it to them.
      for (const party of parties) {
        this.gateway.toUsers([party.userId], event.name, forMember(meeting, party));
      }
      this.scheduleStats(meeting.editionId);
    } catch (error) {
      this.logger.error(error);
    }
  }

  @OnEvent(AgendasChanged.EVENT, { async: true, promisify: true })
  async onAgendas(event: AgendasChanged): Promise<void> {
    const parties = await this.participants.findBy({ id: In(event.participantIds) });
    this.gateway.toUsers(
      parties.map((p) => p.userId),
      'agenda.updated',
      { editionId: event.editionId },
    );
  }

  // Synchronous: the scheduler throttles these already, and organizers want them while it runs.
  @OnEvent(ScheduleProgress.EVENT)
  onScheduleProgress(event: ScheduleProgress): void {
    const { editionId, fraction, placed, holes } = event;
    this.gateway.toEdition(editionId, 'schedule.progress', { editionId, fraction, placed, holes });
  }

  @OnEvent(ConventionChanged.EVENT, { async: true, promisify: true })
  async onConvention(event: ConventionChanged): Promise<void> {
    const { convention } = event;
    try {
      const staff = await this.users.find({
        select: { id: true },
        where: { organizationId: In(convention.parties.map((p) => p.organizationId)) },
      });
      this.gateway.toUsers(
        staff.map((u) => u.id),
        'convention.updated',
        convention,
      );
      if (event.signed)
        this.gateway.toEdition(convention.editionId, 'convention.signed', convention);
      this.scheduleStats(convention.editionId);
    } catch (error) {
      this.logger.error(error);
    }
  }

  @OnEvent(StatsChanged.EVENT)
  onStats(event: StatsChanged): void {
    this.scheduleStats(event.editionId);
  }

  @OnEvent(AnnouncementPublished.EVENT)
  onAnnouncement(event: AnnouncementPublished): void {
    this.gateway.toEveryoneAt(event.announcement.editionId, 'announcement', event.announcement);
  }

  onApplicationShutdown(): void {
    for (const timer of this.pendingStats.values()) clearTimeout(timer);
  }

  private scheduleStats(editionId: string): void {
    // Nobody following the edition: the figures are read when an organizer opens the page.
    if (this.pendingStats.has(editionId) || !this.gateway.watched(editionId)) return;
    const timer = setTimeout(() => {
      this.pendingStats.delete(editionId);
      this.stats
        .stats(editionId)
        .then((stats) => this.gateway.toEdition(editionId, 'stats.updated', stats))
        .catch((error: unknown) => this.logger.error(error));
    }, STATS_EVERY_MS);
    this.pendingStats.set(editionId, timer);
  }
}
