import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { In, IsNull, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { ActivityLogService, type ActivityAction } from '../common/activity-log.service.js';
import { badRequest, conflict, forbidden, invalidField, notFound } from '../common/errors.js';
import { stripUndefined } from '../common/objects.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';
import { EditionsService } from '../editions/editions.service.js';
import { Exhibitor } from '../exhibitors/exhibitor.entity.js';
import { Organization } from '../exhibitors/organization.entity.js';
import { OrganizationsService } from '../exhibitors/organizations.service.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { Participant } from '../participants/participant.entity.js';
import { ConventionChanged } from './convention.events.js';
import { ConventionViews } from './convention-views.js';
import {
  Convention,
  CONVENTION_TRANSITIONS,
  ConventionMeeting,
  ConventionParty,
  SIGNED_STATUSES,
} from './convention.entity.js';
import type {
  ChangeStatusDto,
  ConfirmDto,
  ConventionDetailDto,
  CreateConventionDto,
  FollowUpDto,
  UpdateConventionDto,
} from './conventions.dto.js';

/**
 * Conventions from declaration to follow-up. A party's exhibitor declares and proposes changes,
 * the other parties confirm; organizers record and correct anything. Every change is logged.
 */
@Injectable()
export class ConventionsService {
  constructor(
    private readonly editions: EditionsService,
    private readonly views: ConventionViews,
    private readonly uow: UnitOfWork,
    private readonly log: ActivityLogService,
    private readonly events: EventEmitter2,
    private readonly organizations: OrganizationsService,
  ) {}

  async create(user: AuthUser, dto: CreateConventionDto): Promise<ConventionDetailDto> {
    assertJobFigures(dto.jobsCreated ?? null, dto.insertionJobs ?? null);
    await this.editions.require(dto.editionId);
    dto.parties.forEach((p, i) => {
      if (!p.organizationId === !p.participantId) {
        throw invalidField(
          `parties.${i}`,
          'convention/party_ambiguous',
          `parties.${i} must name either an organizationId or a participantId`,
        );
      }
    });
    const id = await this.uow.write(async (manager) => {
      const parties = await this.resolveParties(manager, user, dto);
      const organizationIds = parties.map((p) => p.organizationId);
      if (new Set(organizationIds).size !== organizationIds.length) {
        throw invalidField(
          'parties',
          'convention/party_twice',
          'parties must name each organization once',
        );
      }
      if (user.role !== 'organizer' && !organizationIds.includes(user.organizationId ?? '')) {
        throw forbidden(
          'convention/not_a_party',
          'You can only declare a convention your organization is a party to',
        );
      }
      const now = new Date();
      const convention = manager.create(Convention, {
        editionId: dto.editionId,
        title: dto.title,
        kind: dto.kind,
        description: dto.description ?? '',
        status: 'envisaged',
        estimatedAnnualValueEur: dto.estimatedAnnualValueEur ?? null,
        jobsCreated: dto.jobsCreated ?? null,
        insertionJobs: dto.insertionJobs ?? null,
        localSupplyShare: dto.localSupplyShare ?? null,
        signedAt: null,
        createdById: user.id,
        // A convention recorded after the fact (organizers) was declared when it was envisaged.
        ...(dto.envisagedAt ? { createdAt: new Date(dto.envisagedAt) } : {}),
      });
      await manager.insert(Convention, convention);
      await manager.insert(
        ConventionParty,
        parties.map((p) =>
          manager.create(ConventionParty, {
            conventionId: convention.id,
            organizationId: p.organizationId,
            role: p.role,
            public: false,
            // Organizers record what the parties agreed; an exhibitor speaks for its own side only.
            confirmedAt:
              user.role === 'organizer' || p.organizationId === user.organizationId ? now : null,
          }),
        ),
      );
      await this.linkMeetings(manager, convention, organizationIds, dto.meetingIds ?? []);
      await this.record(manager, user, convention, 'convention.declared', {
        status: 'envisaged',
        at: (dto.envisagedAt ? new Date(dto.envisagedAt) : now).toISOString(),
      });
      return convention.id;
    });
    return this.publish(user, id, false);
  }

  async update(
    user: AuthUser,
    conventionId: string,
    dto: UpdateConventionDto,
  ): Promise<ConventionDetailDto> {
    const { convention, parties } = await this.asPartyOrOrganizer(user, conventionId);
    const { meetingIds, ...fields } = dto;
    const changes = stripUndefined(fields);
    // The figure not sent is the stored one.
    assertJobFigures(
      changes.jobsCreated === undefined ? convention.jobsCreated : changes.jobsCreated,
      changes.insertionJobs === undefined ? convention.insertionJobs : changes.insertionJobs,
    );
    await this.uow.write(async (manager) => {
      await manager.update(Convention, { id: conventionId }, { ...changes, updatedAt: new Date() });
      if (meetingIds) {
        await manager.delete(ConventionMeeting, { conventionId });
        await this.linkMeetings(
          manager,
          convention,
          parties.map((p) => p.organizationId),
          meetingIds,
        );
      }
      if (user.role !== 'organizer') {
        // A change proposed by one party needs the others to confirm it again.
        await manager.update(ConventionParty, { conventionId }, { confirmedAt: null });
        await manager.update(
          ConventionParty,
          { conventionId, organizationId: user.organizationId! },
          { confirmedAt: new Date() },
        );
      }
      await this.record(manager, user, convention, 'convention.updated', {
        fields: [...Object.keys(changes), ...(meetingIds ? ['meetingIds'] : [])],
      });
    });
    return this.publish(user, conventionId, false);
  }

  async changeStatus(
    user: AuthUser,
    conventionId: string,
    dto: ChangeStatusDto,
  ): Promise<ConventionDetailDto> {
    const { convention, parties } = await this.asPartyOrOrganizer(user, conventionId);
    if (dto.correction && user.role !== 'organizer') {
      throw forbidden('convention/organizers_only', 'Only organizers record corrections');
    }
    const from = convention.status;
    if (!dto.correction && !CONVENTION_TRANSITIONS[from].includes(dto.status)) {
      throw conflict(
        'convention/illegal_transition',
        `A ${from} convention cannot become ${dto.status}`,
      );
    }
    // Organizers too, corrections too: they record a party's confirmation first (confirm with its
    // organizationId).
    const unconfirmed = parties.filter((p) => p.confirmedAt === null);
    const signing = SIGNED_STATUSES.includes(dto.status) && !SIGNED_STATUSES.includes(from);
    if (signing && unconfirmed.length > 0) {
      throw conflict(
        'convention/unconfirmed_parties',
        `Every party must confirm the convention before it is signed (${unconfirmed.length} of ${parties.length} not yet)`,
      );
    }
    const at = dto.at ? new Date(dto.at) : new Date();
    await this.uow.write(async (manager) => {
      // Checked again as the transaction reads them: a party's change meanwhile resets its
      // confirmation, and another status change may have gone first.
      await this.assertUnchanged(manager, conventionId, from, signing);
      await manager.update(
        Convention,
        { id: conventionId },
        {
          status: dto.status,
          updatedAt: new Date(),
          ...(dto.status === 'signed' ? { signedAt: at } : {}),
        },
      );
      await this.record(manager, user, convention, 'convention.status_changed', {
        from,
        status: dto.status,
        at: at.toISOString(),
        note: dto.note ?? null,
        correction: !!dto.correction,
      });
    });
    return this.publish(user, conventionId, dto.status === 'signed');
  }

  async confirm(
    user: AuthUser,
    conventionId: string,
    dto: ConfirmDto,
  ): Promise<ConventionDetailDto> {
    const { convention, parties } = await this.views.load(conventionId);
    let organizationId: string;
    if (user.role === 'organizer') {
      // Nobody logs in for a visitor's organization: an organizer records what it agreed to.
      if (!dto.organizationId) {
        throw invalidField(
          'organizationId',
          'validation/required',
          'organizationId must name the party whose confirmation you record',
        );
      }
      organizationId = dto.organizationId;
    } else {
      if (!this.views.isParty(user, parties)) {
        throw forbidden('convention/not_a_party', 'Only a party to the convention can confirm it');
      }
      if (dto.organizationId && dto.organizationId !== user.organizationId) {
        throw forbidden(
          'convention/not_your_party',
          'You can only confirm for your own organization',
        );
      }
      organizationId = user.organizationId!;
    }
    if (!parties.some((p) => p.organizationId === organizationId)) {
      throw notFound(
        'convention/unknown_party',
        'organizationId is not a party to this convention',
      );
    }
    await this.uow.write(async (manager) => {
      await manager.update(
        ConventionParty,
        { conventionId, organizationId },
        { confirmedAt: new Date(), ...(dto.public === undefined ? {} : { public: dto.public }) },
      );
      await this.record(manager, user, convention, 'convention.confirmed', {
        organizationId,
        public: dto.public ?? null,
      });
    });
    return this.publish(user, conventionId, false);
  }

  /** A party agrees, or no longer agrees, to the convention being public. */
  async setConsent(
    user: AuthUser,
    conventionId: string,
    organizationId: string,
    isPublic: boolean,
  ): Promise<ConventionDetailDto> {
    const { convention, parties } = await this.asPartyOrOrganizer(user, conventionId);
    if (!parties.some((p) => p.organizationId === organizationId)) {
      throw notFound(
        'convention/unknown_party',
        'organizationId is not a party to this convention',
      );
    }
    if (user.role !== 'organizer' && user.organizationId !== organizationId) {
      throw forbidden(
        'convention/not_your_party',
        'You can only give or withdraw your own organization’s consent',
      );
    }
    await this.uow.write(async (manager) => {
      await manager.update(ConventionParty, { conventionId, organizationId }, { public: isPublic });
      await this.record(manager, user, convention, 'convention.consent_changed', {
        organizationId,
        public: isPublic,
      });
    });
    return this.publish(user, conventionId, false);
  }

  /** Inside a write: the convention is still `status` and, when `signing`, every party confirmed. */
  private async assertUnchanged(
    manager: EntityManager,
    conventionId: string,
    status: Convention['status'],
    signing: boolean,
  ): Promise<void> {
    const now = await manager.findOneByOrFail(Convention, { id: conventionId });
    if (now.status !== status) {
      throw conflict('conflict', `The convention became ${now.status} a moment ago`);
    }
    if (
      signing &&
      (await manager.countBy(ConventionParty, { conventionId, confirmedAt: IsNull() }))
    ) {
      throw conflict(
        'convention/unconfirmed_parties',
        'Every party must confirm the convention before it is signed (a party changed it a moment ago)',
      );
    }
  }

  async followUp(
    user: AuthUser,
    conventionId: string,
    dto: FollowUpDto,
  ): Promise<ConventionDetailDto> {
    const { convention } = await this.asPartyOrOrganizer(user, conventionId);
    if (!SIGNED_STATUSES.includes(convention.status)) {
      throw conflict('convention/not_signed', 'Follow-up notes are for signed conventions');
    }
    await this.uow.write(async (manager) => {
      await this.assertUnchanged(manager, conventionId, convention.status, false);
      await this.record(manager, user, convention, 'convention.follow_up', {
        note: dto.note,
        at: (dto.at ? new Date(dto.at) : new Date()).toISOString(),
      });
    });
    return this.publish(user, conventionId, false);
  }

  /**
   * Each party's organization: given, or the one a participant of the edition stands for (an
   * exhibitor's, or the one a visitor named at registration, found by name or recorded).
   */
  private async resolveParties(
    manager: EntityManager,
    user: AuthUser,
    dto: CreateConventionDto,
  ): Promise<{ organizationId: string; role: string }[]> {
    const participantIds = dto.parties.flatMap((p) => (p.participantId ? [p.participantId] : []));
    const participants = await manager.findBy(Participant, {
      id: In(participantIds),
      editionId: dto.editionId,
    });
    const exhibitors = await manager.findBy(Exhibitor, {
      id: In(participants.flatMap((p) => (p.exhibitorId ? [p.exhibitorId] : []))),
    });
    const resolved: { organizationId: string; role: string }[] = [];
    for (const [i, party] of dto.parties.entries()) {
      if (party.organizationId) {
        resolved.push({ organizationId: party.organizationId, role: party.role });
        continue;
      }
      const participant = participants.find((p) => p.id === party.participantId);
      if (!participant) {
        throw notFound(
          'convention/unknown_participant',
          `parties.${i}.participantId is not a participant of this edition`,
        );
      }
      const exhibitor = exhibitors.find((e) => e.id === participant.exhibitorId);
      let organizationId = exhibitor?.organizationId;
      if (!organizationId) {
        // A visitor's registration is theirs: an exhibitor names them only after meeting them.
        if (user.role !== 'organizer' && !(await this.haveMet(manager, user, participant))) {
          throw forbidden(
            'convention/not_met',
            `parties.${i}.participantId: you can name a visitor only after a meeting with them`,
          );
        }
        const name = participant.organizationName?.trim();
        if (!name) {
          throw badRequest(
            'convention/no_organization',
            `parties.${i}.participantId: this visitor named no organization when registering`,
          );
        }
        organizationId = (await this.organizations.findOrRecordByName(manager, name)).id;
      }
      resolved.push({ organizationId, role: party.role });
    }
    const known = await manager.findBy(Organization, {
      id: In(resolved.map((p) => p.organizationId)),
    });
    resolved.forEach((p, i) => {
      if (!known.some((o) => o.id === p.organizationId)) {
        throw notFound(
          'convention/unknown_organization',
          `parties.${i}.organizationId is not a known organization`,
        );
      }
    });
    return resolved;
  }

  /** Whether the user's organization has a scheduled or held meeting with this participant. */
  private async haveMet(
    manager: EntityManager,
    user: AuthUser,
    participant: Participant,
  ): Promise<boolean> {
    if (!user.organizationId) return false;
    const meetings = await manager.find(Meeting, {
      where: [
        { editionId: participant.editionId, requesterId: participant.id },
        { editionId: participant.editionId, inviteeId: participant.id },
      ],
    });
    const others = meetings
      .filter((m) => m.status === 'scheduled' || m.status === 'held')
      .map((m) => (m.requesterId === participant.id ? m.inviteeId : m.requesterId));
    const sides = await manager.findBy(Participant, { id: In(others) });
    const exhibitorIds = sides.flatMap((p) => (p.exhibitorId ? [p.exhibitorId] : []));
    return (
      (await manager.countBy(Exhibitor, {
        id: In(exhibitorIds),
        organizationId: user.organizationId,
      })) > 0
    );
  }

  private async asPartyOrOrganizer(user: AuthUser, conventionId: string) {
    const loaded = await this.views.visible(user, conventionId);
    if (user.role !== 'organizer' && !this.views.isParty(user, loaded.parties)) {
      throw forbidden(
        'convention/not_a_party',
        'Only the parties and organizers can change a convention',
      );
    }
    return loaded;
  }

  /** Links held meetings of the edition in which one of the parties took part. */
  private async linkMeetings(
    manager: EntityManager,
    convention: Convention,
    organizationIds: string[],
    meetingIds: string[],
  ): Promise<void> {
    const wanted = [...new Set(meetingIds)];
    if (wanted.length === 0) return;
    const meetings = await manager.findBy(Meeting, {
      id: In(wanted),
      editionId: convention.editionId,
    });
    const participants = await manager.findBy(Participant, {
      id: In(meetings.flatMap((m) => [m.requesterId, m.inviteeId])),
    });
    const exhibitors = await manager.findBy(Exhibitor, {
      id: In(participants.map((p) => p.exhibitorId).filter((id): id is string => !!id)),
    });
    const organizationOf = (participantId: string) => {
      const exhibitorId = participants.find((p) => p.id === participantId)?.exhibitorId;
      return exhibitors.find((e) => e.id === exhibitorId)?.organizationId;
    };
    for (const id of wanted) {
      const meeting = meetings.find((m) => m.id === id);
      if (!meeting)
        throw notFound(
          'convention/unknown_meeting',
          `meetingIds: ${id} is not a meeting of this edition`,
        );
      if (meeting.status !== 'held') {
        throw conflict(
          'convention/meeting_not_held',
          `meetingIds: ${id} is ${meeting.status}, not held`,
        );
      }
      const sides = [organizationOf(meeting.requesterId), organizationOf(meeting.inviteeId)];
      if (!sides.some((org) => org && organizationIds.includes(org))) {
        throw forbidden(
          'convention/foreign_meeting',
          `meetingIds: none of the parties took part in meeting ${id}`,
        );
      }
    }
    await manager.insert(
      ConventionMeeting,
      wanted.map((meetingId) =>
        manager.create(ConventionMeeting, { conventionId: convention.id, meetingId }),
      ),
    );
  }

  private record(
    manager: EntityManager,
    user: AuthUser,
    convention: Convention,
    action: ActivityAction,
    data: Record<string, unknown>,
  ) {
    return this.log.record(manager, {
      action,
      subjectType: 'convention',
      subjectId: convention.id,
      editionId: convention.editionId,
      actorId: user.id,
      data,
    });
  }

  private async publish(
    user: AuthUser,
    conventionId: string,
    signed: boolean,
  ): Promise<ConventionDetailDto> {
    const detail = await this.views.detail(user, conventionId);
    // Listeners get the convention without its history, as the list endpoint shows it.
    const { history, followUps, ...convention } = detail;
    this.events.emit(ConventionChanged.EVENT, new ConventionChanged(convention, signed));
    return detail;
  }
}

/** Of the jobs created, those in insertion: never more than the jobs created, when both are known. */
function assertJobFigures(jobsCreated: number | null, insertionJobs: number | null): void {
  if (jobsCreated !== null && insertionJobs !== null && insertionJobs > jobsCreated) {
    throw invalidField(
      'insertionJobs',
      'convention/insertion_over_jobs',
      `insertionJobs (${insertionJobs}) cannot be more than jobsCreated (${jobsCreated})`,
    );
  }
}
