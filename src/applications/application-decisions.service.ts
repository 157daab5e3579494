import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import type { EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { User } from '../auth/user.entity.js';
import { AuthService } from '../auth/auth.service.js';
import { ActivityLogService } from '../common/activity-log.service.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';
import { conflict } from '../common/errors.js';
import { Edition } from '../editions/edition.entity.js';
import { Exhibitor } from '../exhibitors/exhibitor.entity.js';
import { Organization } from '../exhibitors/organization.entity.js';
import { ExhibitorsService } from '../exhibitors/exhibitors.service.js';
import { OrganizationsService } from '../exhibitors/organizations.service.js';
import { Participant } from '../participants/participant.entity.js';
import { ProfilesChanged } from '../recommendations/profile.events.js';
import { StatsChanged } from '../stats/stats.events.js';
import { OPEN_STATUS } from './application-rules.js';
import { Application } from './application.entity.js';
import {
  toApplicationDto,
  type ApplicationDto,
  type ApproveApplicationDto,
  type RefuseApplicationDto,
} from './applications.dto.js';
import {
  alreadyExhibiting,
  ApplicationsService,
  organizationExists,
} from './applications.service.js';

/** The organizer's decisions: approving onboards the structure, refusing says why. Both are final. */
@Injectable()
export class ApplicationDecisionsService {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly organizations: OrganizationsService,
    private readonly exhibitors: ExhibitorsService,
    private readonly uow: UnitOfWork,
    private readonly log: ActivityLogService,
    private readonly events: EventEmitter2,
    private readonly auth: AuthService,
  ) {}

  /** Onboards the structure in the same transaction: organization, stand, the applicant's badge. */
  async approve(
    user: AuthUser,
    applicationId: string,
    dto: ApproveApplicationDto,
  ): Promise<ApplicationDto> {
    const { application, editionName } = await this.uow.write(async (manager) => {
      const application = await this.requireOpen(manager, applicationId);
      const { exhibitor, participant } = await this.onboard(manager, user, application, dto);
      Object.assign(application, {
        status: 'approved',
        organizationId: exhibitor.organizationId,
        exhibitorId: exhibitor.id,
        stand: exhibitor.stand,
        note: dto.note?.trim() || null,
        decidedById: user.id,
        decidedAt: new Date(),
        updatedAt: new Date(),
      });
      await manager.save(application);
      await this.log.record(manager, {
        action: 'application.approved',
        subjectType: 'application',
        subjectId: application.id,
        editionId: application.editionId,
        actorId: user.id,
        data: { exhibitorId: exhibitor.id, participantId: participant.id, stand: exhibitor.stand },
      });
      return { application, editionName: await this.editionName(manager, application) };
    });
    // What onboarding tells the rest of the server: the applicant's organization, new figures, a new profile to match.
    this.auth.forget(application.applicantId);
    this.events.emit(StatsChanged.EVENT, new StatsChanged(application.editionId));
    this.events.emit(
      ProfilesChanged.EVENT,
      new ProfilesChanged(application.editionId, [], application.organizationId),
    );
    return toApplicationDto(application, editionName);
  }

  async refuse(
    user: AuthUser,
    applicationId: string,
    dto: RefuseApplicationDto,
  ): Promise<ApplicationDto> {
    const { application, editionName } = await this.uow.write(async (manager) => {
      const application = await this.requireOpen(manager, applicationId);
      Object.assign(application, {
        status: 'refused',
        note: dto.note,
        decidedById: user.id,
        decidedAt: new Date(),
        updatedAt: new Date(),
      });
      await manager.save(application);
      await this.log.record(manager, {
        action: 'application.refused',
        subjectType: 'application',
        subjectId: application.id,
        editionId: application.editionId,
        actorId: user.id,
      });
      return { application, editionName: await this.editionName(manager, application) };
    });
    return toApplicationDto(application, editionName);
  }

  private async requireOpen(manager: EntityManager, applicationId: string): Promise<Application> {
    const application = await this.applications.require(manager, applicationId);
    if (application.status !== OPEN_STATUS) {
      throw conflict(
        'application/already_decided',
        `This application was already ${application.status}`,
      );
    }
    return application;
  }

  /**
   * Onboarding for an applicant who already has an account: the organization (reused by name, or
   * the returning exhibitor's own), then its stand with the applicant as contact
   * (ExhibitorsService.openStand), in the decision's transaction.
   */
  private async onboard(
    manager: EntityManager,
    user: AuthUser,
    application: Application,
    dto: ApproveApplicationDto,
  ) {
    const applicant = await manager.findOneByOrFail(User, { id: application.applicantId });
    const organization = await this.organizationOf(manager, application, applicant);
    const { editionId } = application;
    if (await manager.existsBy(Participant, { editionId, userId: applicant.id })) {
      throw alreadyExhibiting();
    }
    if (applicant.organizationId !== organization.id) {
      await manager.update(User, { id: applicant.id }, { organizationId: organization.id });
    }
    return this.exhibitors.openStand(manager, user, {
      editionId,
      organization,
      stand: dto.stand?.trim() || null,
      contact: applicant,
      data: { applicationId: application.id },
    });
  }

  private async organizationOf(
    manager: EntityManager,
    application: Application,
    applicant: User,
  ): Promise<Organization> {
    const own = application.organizationId ?? applicant.organizationId;
    if (own) return manager.findOneByOrFail(Organization, { id: own });
    // A structure of that name may have come to exhibit, with its own account, since the application.
    const named = await manager.findOneBy(Organization, { nameKey: application.nameKey });
    if (named && (await manager.existsBy(Exhibitor, { organizationId: named.id }))) {
      throw organizationExists();
    }
    return this.organizations.findOrCreate(manager, {
      name: application.name,
      legalForm: application.legalForm,
      sectors: application.sectors,
      department: application.department,
      city: application.city,
      description: application.description,
      offers: application.offers,
      needs: application.needs,
      website: application.website,
    });
  }

  private async editionName(manager: EntityManager, application: Application): Promise<string> {
    const edition = await manager.findOneBy(Edition, { id: application.editionId });
    return edition?.name ?? '';
  }
}
