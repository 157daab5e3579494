import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';
import { AuthService } from '../auth/auth.service.js';
import { User } from '../auth/user.entity.js';
import type { AuthUser } from '../auth/decorators.js';
import { hashPassword } from '../auth/passwords.js';
import { ActivityLogService } from '../common/activity-log.service.js';
import { conflict, notFound } from '../common/errors.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';
import { ProfilesChanged } from '../recommendations/profile.events.js';
import { StatsChanged } from '../stats/stats.events.js';
import { EditionsService } from '../editions/editions.service.js';
import { newBadgeCode } from '../participants/badge-code.js';
import { Participant } from '../participants/participant.entity.js';
import { Exhibitor } from './exhibitor.entity.js';
import {
  toExhibitorDto,
  type ExhibitorDto,
  type OnboardedExhibitorDto,
  type OnboardExhibitorDto,
} from './exhibitors.dto.js';
import { Organization } from './organization.entity.js';
import { OrganizationsService } from './organizations.service.js';

async function assertNotExhibiting(
  manager: EntityManager,
  editionId: string,
  organization: Organization,
): Promise<void> {
  if (await manager.existsBy(Exhibitor, { editionId, organizationId: organization.id })) {
    throw conflict(
      'exhibitor/already_exhibiting',
      `${organization.name} already exhibits at this edition`,
    );
  }
}

@Injectable()
export class ExhibitorsService {
  constructor(
    @InjectRepository(Exhibitor) private readonly exhibitors: Repository<Exhibitor>,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    @InjectRepository(Participant) private readonly participants: Repository<Participant>,
    private readonly editions: EditionsService,
    private readonly organizationsService: OrganizationsService,
    private readonly auth: AuthService,
    private readonly uow: UnitOfWork,
    private readonly log: ActivityLogService,
    private readonly events: EventEmitter2,
  ) {}

  /** The organization (reused when one has this name), its stand, and a login for its contact. */
  async onboard(
    user: AuthUser,
    editionId: string,
    dto: OnboardExhibitorDto,
    passwordHash?: string,
  ): Promise<OnboardedExhibitorDto> {
    await this.editions.require(editionId);
    passwordHash ??= await hashPassword(dto.contact.password);
    const onboarded = await this.uow.write(async (manager) => {
      const organization = await this.organizationsService.findOrCreate(manager, dto.organization);
      // Said before anything about the contact's account.
      await assertNotExhibiting(manager, editionId, organization);
      // A returning exhibitor's contact keeps the account they had at an earlier edition.
      const returning = await manager.findOneBy(User, { email: dto.contact.email });
      const contact =
        returning?.role === 'exhibitor' && returning.organizationId === organization.id
          ? returning
          : await this.auth.createUser(manager, {
              email: dto.contact.email,
              passwordHash,
              role: 'exhibitor',
              firstName: dto.contact.firstName,
              lastName: dto.contact.lastName,
              organizationId: organization.id,
            });
      const { exhibitor, participant } = await this.openStand(manager, user, {
        editionId,
        organization,
        stand: dto.stand ?? null,
        contact,
      });
      return { id: exhibitor.id, participantId: participant.id, organizationId: organization.id };
    });
    this.events.emit(StatsChanged.EVENT, new StatsChanged(editionId));
    this.events.emit(
      ProfilesChanged.EVENT,
      new ProfilesChanged(editionId, [], onboarded.organizationId),
    );
    return onboarded;
  }

  /**
   * In the caller's transaction: the organization's stand at the edition, with `contact` as its
   * first staff member, logged as `exhibitor.onboarded` (`data` adds to the log's details). The
   * caller emits StatsChanged and ProfilesChanged once it has committed.
   */
  async openStand(
    manager: EntityManager,
    actor: AuthUser,
    input: {
      editionId: string;
      organization: Organization;
      stand: string | null;
      contact: User;
      data?: Record<string, unknown>;
    },
  ): Promise<{ exhibitor: Exhibitor; participant: Participant }> {
    const { editionId, organization, contact } = input;
    await assertNotExhibiting(manager, editionId, organization);
    const exhibitor = await manager.save(
      manager.create(Exhibitor, { editionId, organizationId: organization.id, stand: input.stand }),
    );
    const participant = await manager.save(
      manager.create(Participant, {
        editionId,
        userId: contact.id,
        kind: 'exhibitor',
        exhibitorId: exhibitor.id,
        interests: [],
        badgeCode: newBadgeCode(),
      }),
    );
    await this.log.record(manager, {
      action: 'exhibitor.onboarded',
      subjectType: 'exhibitor',
      subjectId: exhibitor.id,
      editionId,
      actorId: actor.id,
      data: { organizationId: organization.id, stand: exhibitor.stand, ...input.data },
    });
    return { exhibitor, participant };
  }

  async get(editionId: string, exhibitorId: string): Promise<ExhibitorDto> {
    const exhibitor = await this.exhibitors.findOneBy({ id: exhibitorId, editionId });
    if (!exhibitor) {
      throw notFound(
        'exhibitor/not_found',
        `Exhibitor ${exhibitorId} does not exist at this edition`,
      );
    }
    const [dto] = await this.toDtos([exhibitor]);
    return dto;
  }

  /** Exhibitors with their organization and first contact, in the order given. */
  async toDtos(exhibitors: Exhibitor[]): Promise<ExhibitorDto[]> {
    if (exhibitors.length === 0) return [];
    const organizations = await this.organizations.findBy({
      id: In(exhibitors.map((e) => e.organizationId)),
    });
    const contacts = await this.participants.find({
      where: { exhibitorId: In(exhibitors.map((e) => e.id)) },
      order: { createdAt: 'ASC' },
    });
    const orgById = new Map(organizations.map((o) => [o.id, o]));
    const contactByExhibitor = new Map<string, string>();
    for (const c of contacts) {
      if (c.exhibitorId && !contactByExhibitor.has(c.exhibitorId))
        contactByExhibitor.set(c.exhibitorId, c.id);
    }
    return exhibitors.map((e) =>
      toExhibitorDto(e, orgById.get(e.organizationId)!, contactByExhibitor.get(e.id) ?? null),
    );
  }
}
