import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type Repository } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { findOneWhere, findWhere } from '../common/db/rows.js';
import { forbidden, invalidField, notFound } from '../common/errors.js';
import { EditionsService } from '../editions/editions.service.js';
import { Participant } from '../participants/participant.entity.js';

/** Which of a meeting's two columns a person stands for: their own, or their stand's. */
export type MeetingSide = 'requester' | 'invitee';

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

  /** Who I am at the edition and the participant I address, read together (a request's hot path). */
  async meAndThem(
    user: AuthUser,
    editionId: string,
    participantId: string,
    field: string,
  ): Promise<{ me: Participant; them: Participant }> {
    const both = await findWhere(this.participants.manager, Participant, [
      { userId: user.id, editionId },
      { id: participantId, editionId },
    ]);
    const me = both.find((p) => p.userId === user.id) ?? (await this.mine(user, editionId));
    const them =
      both.find((p) => p.id === participantId) ??
      (await this.inEdition(editionId, participantId, field));
    return { me, them };
  }

  mineOrNull(user: AuthUser, editionId: string): Promise<Participant | null> {
    return findOneWhere(this.participants.manager, Participant, { userId: user.id, editionId });
  }

  async inEdition(editionId: string, participantId: string, field: string): Promise<Participant> {
    const participant = await findOneWhere(this.participants.manager, Participant, {
      id: participantId,
      editionId,
    });
    if (!participant) {
      throw notFound(
        'meeting/unknown_participant',
        `${field} is not a participant of this edition`,
      );
    }
    return participant;
  }

  /**
   * The side of the meeting `me` acts for: the one they hold, or the one a colleague of their stand
   * holds (a stand's requests and meetings are the whole team's to answer); null when neither.
   */
  async sideOf(
    me: Participant,
    meeting: { requesterId: string; inviteeId: string },
  ): Promise<MeetingSide | null> {
    if (me.id === meeting.inviteeId) return 'invitee';
    if (me.id === meeting.requesterId) return 'requester';
    if (!me.exhibitorId) return null;
    const parties = await this.participants.find({
      select: { id: true, exhibitorId: true },
      where: { id: In([meeting.requesterId, meeting.inviteeId]) },
    });
    const stand = (id: string) => parties.find((p) => p.id === id)?.exhibitorId;
    if (stand(meeting.inviteeId) === me.exhibitorId) return 'invitee';
    if (stand(meeting.requesterId) === me.exhibitorId) return 'requester';
    return null;
  }

  /** A member of the stand `exhibitorId` at this edition, or a 400 on `field`. */
  async member(
    editionId: string,
    exhibitorId: string,
    participantId: string,
    field: string,
  ): Promise<Participant> {
    const member = await this.participants.findOneBy({ id: participantId, editionId, exhibitorId });
    if (!member) {
      throw invalidField(field, 'team/not_member', `${field} is not a member of this stand`);
    }
    return member;
  }

  /** Everyone of the stand, first member (its contact) first. */
  team(exhibitorId: string): Promise<Participant[]> {
    return this.participants.find({
      where: { exhibitorId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
  }
}
