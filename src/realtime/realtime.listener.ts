import { Injectable, Logger } from '@nestjs/common';
import { OnEvent } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import { Meeting } from '../meetings/meeting.entity.js';
import { AgendasChanged, MeetingChanged } from '../meetings/meeting.events.js';
import { MeetingViews } from '../meetings/meeting-views.js';
import { AgendaService } from '../meetings/agenda.service.js';
import { Participant } from '../participants/participant.entity.js';
import { RealtimeGateway } from './realtime.gateway.js';

/** Turns domain events into socket events, sent only to the people they concern. */
@Injectable()
export class RealtimeListener {
  private readonly logger = new Logger(RealtimeListener.name);

  constructor(
    private readonly gateway: RealtimeGateway,
    private readonly views: MeetingViews,
    private readonly agenda: AgendaService,
    @InjectRepository(Meeting) private readonly meetings: Repository<Meeting>,
    @InjectRepository(Participant) private readonly participants: Repository<Participant>,
  ) {}

  @OnEvent(MeetingChanged.EVENT, { async: true, promisify: true })
  async onMeeting(event: MeetingChanged): Promise<void> {
    try {
      const meeting = await this.meetings.findOneByOrFail({ id: event.meetingId });
      const parties = await this.participants.findBy({ id: In(event.participantIds) });
      for (const party of parties) {
        // Each party gets the meeting as the HTTP API shows it to them (direction, partner).
        const [dto] = await this.views.toDtos([meeting], party.id);
        this.gateway.toUsers([party.userId], event.name, dto);
      }
      this.gateway.toEdition(event.editionId, 'stats.updated', {
        editionId: event.editionId,
        meetings: await this.agenda.funnel(event.editionId),
      });
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
}
