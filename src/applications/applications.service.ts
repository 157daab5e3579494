import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';
import { AuthService } from '../auth/auth.service.js';
import type { AuthUser } from '../auth/decorators.js';
import { hashPassword } from '../auth/passwords.js';
import { User } from '../auth/user.entity.js';
import { ActivityLogService } from '../common/activity-log.service.js';
import { isUniqueViolation } from '../common/db/db-errors.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';
import { conflict, forbidden, invalidField, notFound } from '../common/errors.js';
import { nameKey } from '../common/french-text.js';
import { Edition } from '../editions/edition.entity.js';
import { EditionsService } from '../editions/editions.service.js';
import type { OrganizationProfileDto } from '../exhibitors/exhibitors.dto.js';
import { Exhibitor } from '../exhibitors/exhibitor.entity.js';
import { Organization } from '../exhibitors/organization.entity.js';
import { OrganizationsService } from '../exhibitors/organizations.service.js';
import { OPEN_STATUS } from './application-rules.js';
import { Application } from './application.entity.js';
import {
  toApplicationDto,
  type ApplicationDto,
  type ApplicationsPageDto,
  type ListApplicationsQueryDto,
  type SubmitApplicationDto,
  type SubmittedApplicationDto,
} from './applications.dto.js';

export const alreadyPending = () =>
  conflict(
    'application/already_pending',
    'This structure already has an application waiting for a decision at this edition',
  );

export const alreadyExhibiting = () =>
  conflict('application/already_exhibiting', 'This structure already exhibits at this edition');

export const organizationExists = () =>
  conflict(
    'application/organization_exists',
    'A structure with this name already exhibits with its own account: log in with it to apply',
  );

/** Who applies: the caller's account, or one made with the application. */
interface Applicant {
  user: User | null;
  organization: Organization | null;
}

@Injectable()
export class ApplicationsService {
  constructor(
    @InjectRepository(Application) private readonly applications: Repository<Application>,
    @InjectRepository(Edition) private readonly editionRows: Repository<Edition>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly editions: EditionsService,
    private readonly organizationsService: OrganizationsService,
    private readonly auth: AuthService,
    private readonly uow: UnitOfWork,
    private readonly log: ActivityLogService,
  ) {}

  /**
   * A structure applies: a newcomer with a password (an exhibitor account is made in the same
   * transaction), a logged-in exhibitor with its organization (whose profile this updates).
   */
  async submit(
    caller: AuthUser | undefined,
    editionId: string,
    dto: SubmitApplicationDto,
  ): Promise<SubmittedApplicationDto> {
    const edition = await this.editions.get(editionId);
    if (edition.endsAt && Date.parse(edition.endsAt) < Date.now()) {
      throw conflict('application/edition_over', 'This edition is over');
    }
    // The sectors the organization will have: the list's labels (a value of none is a 400).
    const { labels } = await this.organizationsService.resolveSectors(
      this.applications.manager,
      dto.organization.sectors,
      'organization.sectors',
    );
    const applicant = await this.applicant(caller, dto);
    const key = nameKey(dto.organization.name);
    const organizationId = applicant.organization?.id ?? null;
    await this.assertCanApply(this.applications.manager, editionId, applicant, key);
    let profile: OrganizationProfileDto = { ...dto.organization, sectors: labels };
    if (caller && applicant.organization) {
      // A returning exhibitor's profile is its organization's: the application updates it (as
      // PATCH /organizations/:id would, in its own transaction, before the application's).
      await this.assertNameFree(applicant.organization, dto.organization.name);
      profile = await this.organizationsService.update(
        caller,
        applicant.organization.id,
        dto.organization,
        'organization.',
      );
    }
    const passwordHash = applicant.user ? null : await hashPassword(dto.contact.password!);
    try {
      const { application, user } = await this.uow.write(async (manager) => {
        // Again inside the transaction: a concurrent application may have won.
        await this.assertCanApply(manager, editionId, applicant, key);
        const user = applicant.user ?? (await this.createAccount(manager, dto, passwordHash!));
        const application = manager.create(Application, {
          editionId,
          applicantId: user.id,
          status: OPEN_STATUS,
          organizationId,
          nameKey: key,
          ...profileOf(profile),
          standWishes: dto.standWishes?.trim() || null,
          contactFirstName: dto.contact.firstName,
          contactLastName: dto.contact.lastName,
          contactEmail: dto.contact.email,
          contactPhone: dto.contact.phone?.trim() || null,
          note: null,
          stand: null,
          exhibitorId: null,
          decidedById: null,
          decidedAt: null,
        });
        await manager.insert(Application, application);
        await this.log.record(manager, {
          action: 'application.submitted',
          subjectType: 'application',
          subjectId: application.id,
          editionId,
          actorId: user.id,
          data: { organizationId, name: application.name },
        });
        return { application, user };
      });
      return {
        ...toApplicationDto(application, edition.name),
        accessToken: applicant.user ? null : this.auth.sign(user),
      };
    } catch (error) {
      // The partial unique indexes refused a second open application that raced past the checks.
      if (isUniqueViolation(error) && /applications/i.test((error as Error).message)) {
        throw alreadyPending();
      }
      if (isUniqueViolation(error)) throw emailTaken();
      throw error;
    }
  }

  /** The applicant's own applications, at every edition, newest first. */
  async mine(user: AuthUser): Promise<ApplicationDto[]> {
    const rows = await this.applications.find({
      where: { applicantId: user.id },
      order: { createdAt: 'DESC' },
    });
    return this.toDtos(rows);
  }

  /** One application, for its applicant and organizers. */
  async get(user: AuthUser, applicationId: string): Promise<ApplicationDto> {
    const application = await this.require(this.applications.manager, applicationId);
    if (user.role !== 'organizer' && application.applicantId !== user.id) {
      throw forbidden('application/not_yours', 'You can only see your own applications');
    }
    const [dto] = await this.toDtos([application]);
    return dto;
  }

  /** An edition's applications for organizers, oldest first (the order they came in). */
  async list(editionId: string, query: ListApplicationsQueryDto): Promise<ApplicationsPageDto> {
    const edition = await this.editions.require(editionId);
    const page = query.page ?? 1;
    const limit = query.limit ?? 50;
    const [rows, total] = await this.applications.findAndCount({
      where: { editionId, ...(query.status ? { status: query.status } : {}) },
      order: { createdAt: 'ASC' },
      skip: (page - 1) * limit,
      take: limit,
    });
    return { items: rows.map((a) => toApplicationDto(a, edition.name)), total, page, limit };
  }

  async require(manager: EntityManager, applicationId: string): Promise<Application> {
    const application = await manager.findOneBy(Application, { id: applicationId });
    if (!application) {
      throw notFound('application/not_found', `Application ${applicationId} does not exist`);
    }
    return application;
  }

  async toDtos(rows: Application[]): Promise<ApplicationDto[]> {
    if (rows.length === 0) return [];
    const editions = await this.editionRows.findBy({
      id: In([...new Set(rows.map((a) => a.editionId))]),
    });
    const names = new Map(editions.map((e) => [e.id, e.name]));
    return rows.map((a) => toApplicationDto(a, names.get(a.editionId) ?? ''));
  }

  private async applicant(
    caller: AuthUser | undefined,
    dto: SubmitApplicationDto,
  ): Promise<Applicant> {
    if (!caller) {
      if (!dto.contact.password) {
        throw invalidField(
          'contact.password',
          'application/password_required',
          'contact.password is required to create the account, or log in first',
        );
      }
      if (await this.users.existsBy({ email: dto.contact.email })) throw emailTaken();
      return { user: null, organization: null };
    }
    if (caller.role !== 'exhibitor') {
      throw forbidden(
        'application/wrong_role',
        'Only a structure applies: log out, then apply with the structure’s email',
      );
    }
    const user = await this.users.findOneByOrFail({ id: caller.id });
    const organization = user.organizationId
      ? await this.organizations.findOneBy({ id: user.organizationId })
      : null;
    return { user, organization };
  }

  /** Already exhibiting, or already waiting for a decision, is a 409. */
  private async assertCanApply(
    manager: EntityManager,
    editionId: string,
    applicant: Applicant,
    key: string,
  ): Promise<void> {
    const organization =
      applicant.organization ?? (await manager.findOneBy(Organization, { nameKey: key }));
    if (
      organization &&
      (await manager.existsBy(Exhibitor, { editionId, organizationId: organization.id }))
    ) {
      throw alreadyExhibiting();
    }
    // A newcomer naming a structure that exhibits with its own account is not that structure (yet).
    if (
      !applicant.organization &&
      organization &&
      (await manager.existsBy(Exhibitor, { organizationId: organization.id }))
    ) {
      throw organizationExists();
    }
    const open = { editionId, status: OPEN_STATUS };
    if (
      (await manager.existsBy(Application, { ...open, nameKey: key })) ||
      (applicant.user &&
        (await manager.existsBy(Application, { ...open, applicantId: applicant.user.id })))
    ) {
      throw alreadyPending();
    }
  }

  private async assertNameFree(organization: Organization, name: string): Promise<void> {
    const key = nameKey(name);
    if (key === organization.nameKey) return;
    const clash = await this.organizations.findOneBy({ nameKey: key });
    if (clash) {
      throw conflict('application/name_taken', 'Another organization already has this name');
    }
  }

  private async createAccount(
    manager: EntityManager,
    dto: SubmitApplicationDto,
    passwordHash: string,
  ): Promise<User> {
    if (await manager.existsBy(User, { email: dto.contact.email })) throw emailTaken();
    return this.auth.createUser(manager, {
      email: dto.contact.email,
      passwordHash,
      role: 'exhibitor',
      firstName: dto.contact.firstName,
      lastName: dto.contact.lastName,
    });
  }
}

const emailTaken = () =>
  conflict(
    'application/email_taken',
    'An account with this email already exists: log in with it to apply',
  );

/** The profile fields an application keeps, as onboarding stores them on the organization. */
export function profileOf(profile: OrganizationProfileDto) {
  return {
    name: profile.name,
    legalForm: profile.legalForm,
    sectors: profile.sectors,
    department: profile.department,
    city: profile.city,
    description: profile.description ?? '',
    offers: profile.offers ?? [],
    needs: profile.needs ?? [],
    website: profile.website ?? null,
  };
}
