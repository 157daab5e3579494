import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { ActivityLogService } from '../common/activity-log.service.js';
import { conflict, forbidden, invalidField, notFound } from '../common/errors.js';
import { nameKey } from '../common/french-text.js';
import { stripUndefined } from '../common/objects.js';
import { ProfilesChanged } from '../recommendations/profile.events.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';
import { resolveSectors } from '../sectors/sector-list.js';
import { Sector } from '../sectors/sector.entity.js';
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

/** An organization's sectors as written to it: the list's labels, and their entries' ids. */
export interface ResolvedSectors {
  labels: string[];
  sectorIds: string[];
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
    const sectors = await this.resolveSectors(manager, profile.sectors, 'organization.sectors');
    const existing = await manager.findOneBy(Organization, { nameKey: nameKey(profile.name) });
    if (existing) {
      // Known only as a visitor's organization (a convention party): it now exhibits with this profile.
      if (!(await manager.existsBy(Exhibitor, { organizationId: existing.id }))) {
        Object.assign(existing, profileFields(profile, sectors), { updatedAt: new Date() });
        await manager.save(existing);
        await this.reindex(manager, existing, sectors.sectorIds);
      }
      return existing;
    }
    const organization = manager.create(Organization, {
      name: profile.name,
      nameKey: nameKey(profile.name),
      ...profileFields(profile, sectors),
    });
    await manager.save(organization);
    await this.reindex(manager, organization, sectors.sectorIds);
    return organization;
  }

  /**
   * Sectors as typed, folded onto the platform's list (labels and aliases): 400
   * `validation/sector_unknown` naming `field` for a value of none, unless the list is empty, when
   * free text is kept as it is (and no entry is linked).
   */
  async resolveSectors(
    manager: EntityManager,
    values: string[],
    field: string,
  ): Promise<ResolvedSectors> {
    const list = await manager.find(Sector);
    const { labels, entries, unknown } = resolveSectors(values, list);
    if (unknown.length > 0 && list.length > 0) {
      throw invalidField(
        field,
        'validation/sector_unknown',
        `${field} must be sectors of the list (GET /api/sectors), not ${unknown.map((u) => `"${u}"`).join(', ')}`,
      );
    }
    return { labels, sectorIds: entries.map((e) => e.id) };
  }

  /**
   * After the list changed (an entry renamed, merged, or new aliases): the organization's sectors
   * folded onto it again, saved with their links and search index, in the caller's transaction.
   * Values the list still does not know are kept.
   */
  async refold(manager: EntityManager, organization: Organization, list: Sector[]): Promise<void> {
    const { labels, entries } = resolveSectors(organization.sectors, list);
    organization.sectors = labels;
    organization.updatedAt = new Date();
    await manager.save(organization);
    await this.reindex(
      manager,
      organization,
      entries.map((e) => e.id),
    );
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

  /**
   * Exhibitors edit their own organization only; organizers edit any. `path` prefixes the fields
   * errors name, for a profile nested in another body (`organization.`).
   */
  async update(
    user: AuthUser,
    organizationId: string,
    dto: UpdateOrganizationDto,
    path = '',
  ): Promise<OrganizationDto> {
    await this.require(organizationId);
    if (user.role !== 'organizer' && user.organizationId !== organizationId) {
      throw forbidden('organization/not_yours', 'You can only edit your own organization');
    }
    const changes = stripUndefined(dto);
    if (dto.name) {
      const clash = await this.organizations.findOneBy({ nameKey: nameKey(dto.name) });
      if (clash && clash.id !== organizationId) {
        throw conflict('organization/name_taken', 'Another organization already has this name');
      }
    }
    const organization = await this.uow.write(async (manager) => {
      // Changed as the transaction reads it: a sector merge meanwhile is not written back over.
      const organization = await manager.findOneByOrFail(Organization, { id: organizationId });
      Object.assign(organization, changes);
      if (dto.name) organization.nameKey = nameKey(dto.name);
      organization.updatedAt = new Date();
      // Read in the transaction, so that an entry cannot be deleted between resolving and linking.
      const sectors = dto.sectors
        ? await this.resolveSectors(manager, dto.sectors, `${path}sectors`)
        : null;
      if (sectors) organization.sectors = sectors.labels;
      await manager.save(organization);
      await this.reindex(manager, organization, sectors?.sectorIds);
      await this.log.record(manager, {
        action: 'organization.updated',
        subjectType: 'organization',
        subjectId: organizationId,
        actorId: user.id,
        data: { fields: Object.keys(changes) },
      });
      return organization;
    });
    this.events.emit(ProfilesChanged.EVENT, new ProfilesChanged(null, [], organizationId));
    return toOrganizationDto(organization);
  }

  /** The search index, and the sectors' links when `sectorIds` is given (they changed). */
  private async reindex(
    manager: EntityManager,
    organization: Organization,
    sectorIds?: string[],
  ): Promise<void> {
    if (sectorIds) {
      await manager.delete(OrganizationSector, { organizationId: organization.id });
      if (sectorIds.length > 0) {
        await manager.insert(
          OrganizationSector,
          sectorIds.map((sectorId) => ({ organizationId: organization.id, sectorId })),
        );
      }
    }
    await indexOrganization(manager, organization);
  }
}

function profileFields(profile: OrganizationProfileDto, sectors: ResolvedSectors) {
  return {
    legalForm: profile.legalForm,
    sectors: sectors.labels,
    department: profile.department,
    city: profile.city,
    description: profile.description ?? '',
    offers: profile.offers ?? [],
    needs: profile.needs ?? [],
    website: profile.website ?? null,
  };
}
