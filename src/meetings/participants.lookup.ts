import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { forbidden, notFound } from '../common/errors.js';
import { EditionsService } from '../editions/editions.service.js';
import { Participant } from '../participants/participant.entity.js';

/** Who a user is at an edition, and whether a participant id belongs to it. */
@Injectable()
export class ParticipantsLookup {
  constructor(
    @InjectRepository(Participant) private readonly participants: Repository<Participant>,
    private readonly editions: EditionsService,
  ) {}

  async mine(user: AuthUser, editionId: string): Promise<Participant> {
    const me = await this.mineOrNull(user, editionId);
    if (me) return me;
    // Only a miss needs to tell an unknown edition (404) from one I do not take part in (403).
    await this.editions.require(editionId);
    throw forbidden('meeting/not_participant', 'You are not registered for this edition');
  }

  mineOrNull(user: AuthUser, editionId: string): Promise<Participant | null> {
    return this.participants.findOneBy({ userId: user.id, editionId });
  }

  async inEdition(editionId: string, participantId: string, field: string): Promise<Participant> {
    const participant = await this.participants.findOneBy({ id: participantId, editionId });
    if (!participant) {
      throw notFound(
        'meeting/unknown_participant',
        `${field} is not a participant of this edition`,
      );
    }
    return participant;
  }
}
