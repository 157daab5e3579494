import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { ActivityLogService } from '../common/activity-log.service.js';
import { conflict, forbidden, notFound } from '../common/errors.js';
import { foldFrench, nameKey } from '../common/french-text.js';
import { stripUndefined } from '../common/objects.js';
import { ProfilesChanged } from '../recommendations/profile.events.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';
import {
  toOrganizationDto,
  type OrganizationDto,
  type OrganizationProfileDto,
  type UpdateOrganizationDto,
} from './exhibitors.dto.js';
import { Exhibitor } from './exhibitor.entity.js';
import { OrganizationSector } from './organization-sector.entity.js';
import { Organization } from './organization.entity.js';
import { indexOrganization } from './search-index.js';

export function sectorKey(sector: string): string {
  return foldFrench(sector.trim());
}

@Injectable()
export class OrganizationsService {
  constructor(
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly uow: UnitOfWork,
    private readonly log: ActivityLogService,
    private readonly events: EventEmitter2,
  ) {}

  async get(organizationId: string): Promise<OrganizationDto> {
    return toOrganizationDto(await this.require(organizationId));
  }

  async require(organizationId: string): Promise<Organization> {
    const organization = await this.organizations.findOneBy({ id: organizationId });
    if (!organization) {
      throw notFound('organization/not_found', `Organization ${organizationId} does not exist`);
    }
    return organization;
  }

  /** The organization with this name, or a new one with this profile; inside the caller's transaction. */
  async findOrCreate(
    manager: EntityManager,
    profile: OrganizationProfileDto,
  ): Promise<Organization> {
    const existing = await manager.findOneBy(Organization, { nameKey: nameKey(profile.name) });
    if (existing) {
      // Known only as a visitor's organization (a convention party): it now exhibits with this profile.
      if (!(await manager.existsBy(Exhibitor, { organizationId: existing.id }))) {
        Object.assign(existing, profileFields(profile), { updatedAt: new Date() });
        await manager.save(existing);
        await this.reindex(manager, existing);
      }
      return existing;
    }
    const organization = manager.create(Organization, {
      name: profile.name,
      nameKey: nameKey(profile.name),
      ...profileFields(profile),
    });
    await manager.save(organization);
    await this.reindex(manager, organization);
    return organization;
  }

  /**
   * The organization a visitor named at registration, found by its folded name (as exhibitors'
   * organizations are reused) or recorded with that name alone; inside the caller's transaction.
   */
  async findOrRecordByName(manager: EntityManager, name: string): Promise<Organization> {
    const key = nameKey(name);
    const existing = await manager.findOneBy(Organization, { nameKey: key });
    if (existing) return existing;
    const organization = manager.create(Organization, {
      name: name.trim(),
      nameKey: key,
      legalForm: 'other',
      sectors: [],
      department: '',
      city: '',
      description: '',
      offers: [],
      needs: [],
      website: null,
    });
    await manager.save(organization);
    await this.reindex(manager, organization);
    return organization;
  }

  /** Exhibitors edit their own organization only; organizers edit any. */
  async update(
    user: AuthUser,
    organizationId: string,
    dto: UpdateOrganizationDto,
  ): Promise<OrganizationDto> {
    const organization = await this.require(organizationId);
    if (user.role !== 'organizer' && user.organizationId !== organizationId) {
      throw forbidden('organization/not_yours', 'You can only edit your own organization');
    }
    const changes = stripUndefined(dto);
    Object.assign(organization, changes);
    if (dto.sectors) organization.sectors = dedupe(dto.sectors);
    if (dto.name) {
      organization.nameKey = nameKey(dto.name);
      const clash = await this.organizations.findOneBy({ nameKey: organization.nameKey });
      if (clash && clash.id !== organizationId) {
        throw conflict('organization/name_taken', 'Another organization already has this name');
      }
    }
    organization.updatedAt = new Date();
    await this.uow.write(async (manager) => {
      await manager.save(organization);
      await this.reindex(manager, organization);
      await this.log.record(manager, {
        action: 'organization.updated',
        subjectType: 'organization',
        subjectId: organizationId,
        actorId: user.id,
        data: { fields: Object.keys(changes) },
      });
    });
    this.events.emit(ProfilesChanged.EVENT, new ProfilesChanged(null, [], organizationId));
    return toOrganizationDto(organization);
  }

  private async reindex(manager: EntityManager, organization: Organization): Promise<void> {
    await manager.delete(OrganizationSector, { organizationId: organization.id });
    const keys = [...new Set(organization.sectors.map(sectorKey))];
    if (keys.length > 0) {
      await manager.insert(
        OrganizationSector,
        keys.map((key) => ({ organizationId: organization.id, sectorKey: key })),
      );
    }
    await indexOrganization(manager, organization);
  }
}

function profileFields(profile: OrganizationProfileDto) {
  return {
    legalForm: profile.legalForm,
    sectors: dedupe(profile.sectors),
    department: profile.department,
    city: profile.city,
    description: profile.description ?? '',
    offers: profile.offers ?? [],
    needs: profile.needs ?? [],
    website: profile.website ?? null,
  };
}

function dedupe(values: string[]): string[] {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = sectorKey(v);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
