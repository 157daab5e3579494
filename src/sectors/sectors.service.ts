import { HttpStatus, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import { In, type EntityManager, type Repository } from 'typeorm';
import { OPEN_STATUS } from '../applications/application-rules.js';
import { Application } from '../applications/application.entity.js';
import type { AuthUser } from '../auth/decorators.js';
import { ActivityLogService, type ActivityAction } from '../common/activity-log.service.js';
import { isForeignKeyViolation, isUniqueViolation } from '../common/db/db-errors.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';
import { invalidField, refusedField } from '../common/errors.js';
import { EditionsService } from '../editions/editions.service.js';
import { Exhibitor } from '../exhibitors/exhibitor.entity.js';
import { OrganizationSector } from '../exhibitors/organization-sector.entity.js';
import { Organization } from '../exhibitors/organization.entity.js';
import { OrganizationsService } from '../exhibitors/organizations.service.js';
import { ProfilesChanged } from '../recommendations/profile.events.js';
import {
  byFrenchLabel,
  cleanAliases,
  cleanSector,
  findClash,
  keysOf,
  sectorKey,
} from './sector-list.js';
import { Sector } from './sector.entity.js';
import {
  toSectorDto,
  type CreateSectorDto,
  type MergeSectorDto,
  type SectorCounts,
  type SectorDto,
  type SectorsQueryDto,
  type UpdateSectorDto,
} from './sectors.dto.js';

/** Organizations loaded at once when a change of the list reaches many of them. */
const CHUNK = 500;

const inUse = (message: string) =>
  refusedField(HttpStatus.CONFLICT, 'sectorId', 'sector/in_use', message);

/**
 * The platform's list of sectors, kept by organizers: every change that reaches organizations
 * (a rename, new aliases, a merge) rewrites their sectors, links and search index in the same
 * transaction, then tells matchmaking their profiles changed.
 */
@Injectable()
export class SectorsService {
  constructor(
    @InjectRepository(Sector) private readonly sectors: Repository<Sector>,
    private readonly editions: EditionsService,
    private readonly organizations: OrganizationsService,
    private readonly uow: UnitOfWork,
    private readonly log: ActivityLogService,
    private readonly events: EventEmitter2,
  ) {}

  /** Every entry in French alphabetical order, with its organizations (and an edition's exhibitors). */
  async list(query: SectorsQueryDto): Promise<SectorDto[]> {
    if (query.editionId) await this.editions.require(query.editionId);
    const manager = this.sectors.manager;
    const [sectors, counts] = await Promise.all([
      this.sectors.find(),
      this.counts(manager, query.editionId),
    ]);
    return sectors.sort(byFrenchLabel).map((s) => toSectorDto(s, counts(s.id)));
  }

  async create(user: AuthUser, dto: CreateSectorDto): Promise<SectorDto> {
    const label = cleanSector(dto.label);
    const sector = this.sectors.create({
      label,
      key: sectorKey(label),
      aliases: cleanAliases(label, dto.aliases ?? []),
    });
    const changed = await this.write(async (manager) => {
      const list = await manager.find(Sector);
      assertNoClash(sector, list);
      await manager.insert(Sector, sector);
      // Free text kept while the list was empty may now fold onto the new entry.
      const changed = await this.refold(manager, [...list, sector], keysOf(sector));
      await this.record(manager, user, 'sector.created', sector, { organizations: changed.length });
      return changed;
    });
    this.profilesChanged(changed);
    return this.toDto(sector);
  }

  /** A new label and/or aliases; a rename keeps the old label as an alias. */
  async update(user: AuthUser, sectorId: string, dto: UpdateSectorDto): Promise<SectorDto> {
    const { sector, changed } = await this.write(async (manager) => {
      const sector = await this.require(manager, sectorId);
      const list = await manager.find(Sector);
      const before = { label: sector.label, aliases: sector.aliases };
      const label = dto.label === undefined ? sector.label : cleanSector(dto.label);
      const aliases = [...(dto.aliases ?? sector.aliases), sector.label];
      Object.assign(sector, {
        label,
        key: sectorKey(label),
        aliases: cleanAliases(label, aliases),
      });
      assertNoClash(sector, list);
      await manager.save(sector);
      const keys = [...keysOf(before), ...keysOf(sector)];
      const changed = await this.refold(manager, replace(list, sector), keys, sector.id);
      await this.record(manager, user, 'sector.updated', sector, {
        from: before,
        organizations: changed.length,
      });
      return { sector, changed };
    });
    this.profilesChanged(changed);
    return this.toDto(sector);
  }

  /** The entry's organizations, label and aliases go to `into`; the entry is deleted. */
  async merge(user: AuthUser, sectorId: string, dto: MergeSectorDto): Promise<SectorDto> {
    if (dto.into === sectorId) {
      throw invalidField('into', 'sector/merge_self', 'A sector cannot be merged into itself');
    }
    const { target, changed } = await this.write(async (manager) => {
      const source = await this.require(manager, sectorId);
      const target = await this.require(manager, dto.into, 'into');
      const list = await manager.find(Sector);
      target.aliases = cleanAliases(target.label, [
        ...target.aliases,
        source.label,
        ...source.aliases,
      ]);
      await manager.save(target);
      const remaining = replace(list, target).filter((s) => s.id !== source.id);
      const changed = await this.refold(manager, remaining, keysOf(source), source.id);
      await manager.delete(Sector, { id: source.id });
      await this.record(manager, user, 'sector.merged', source, {
        into: target.id,
        intoLabel: target.label,
        organizations: changed.length,
      });
      return { target, changed };
    });
    this.profilesChanged(changed);
    return this.toDto(target);
  }

  /** Only an entry nobody uses: neither an organization nor a pending application. */
  async remove(user: AuthUser, sectorId: string): Promise<void> {
    await this.write(async (manager) => {
      const sector = await this.require(manager, sectorId);
      const organizations = await manager.countBy(OrganizationSector, { sectorId });
      if (organizations > 0) {
        throw inUse(`${organizations} organization(s) have this sector: merge it instead`);
      }
      const keys = new Set(keysOf(sector));
      const pending = await manager.find(Application, {
        select: { id: true, sectors: true },
        where: { status: OPEN_STATUS },
      });
      if (pending.some((a) => a.sectors.some((s) => keys.has(sectorKey(s))))) {
        throw inUse('A pending application has this sector: merge it instead');
      }
      await manager.delete(Sector, { id: sectorId });
      await this.record(manager, user, 'sector.deleted', sector);
    });
  }

  /**
   * Organizations linked to `sectorId` or holding a value with one of `keys`, folded onto `list`
   * (the list as it is now) again; their ids.
   */
  private async refold(
    manager: EntityManager,
    list: Sector[],
    keys: string[],
    sectorId?: string,
  ): Promise<string[]> {
    const wanted = new Set(keys);
    const rows = await manager.find(Organization, { select: { id: true, sectors: true } });
    const ids = new Set(
      rows.filter((o) => o.sectors.some((s) => wanted.has(sectorKey(s)))).map((o) => o.id),
    );
    if (sectorId) {
      for (const link of await manager.findBy(OrganizationSector, { sectorId })) {
        ids.add(link.organizationId);
      }
    }
    const all = [...ids];
    for (let start = 0; start < all.length; start += CHUNK) {
      const organizations = await manager.findBy(Organization, {
        id: In(all.slice(start, start + CHUNK)),
      });
      for (const organization of organizations) {
        await this.organizations.refold(manager, organization, list);
      }
    }
    return all;
  }

  private async require(manager: EntityManager, sectorId: string, field = 'sectorId') {
    const sector = await manager.findOneBy(Sector, { id: sectorId });
    if (!sector) {
      throw refusedField(
        HttpStatus.NOT_FOUND,
        field,
        'sector/not_found',
        `Sector ${sectorId} does not exist`,
      );
    }
    return sector;
  }

  /** Organizations (and exhibitors of `editionId`) per entry. */
  private async counts(
    manager: EntityManager,
    editionId?: string,
    sectorId?: string,
  ): Promise<(sectorId: string) => SectorCounts> {
    const grouped = (exhibitorsOf?: string) => {
      const query = manager
        .createQueryBuilder(OrganizationSector, 'os')
        .select('os.sectorId', 'sectorId')
        .addSelect('COUNT(*)', 'n')
        .groupBy('os.sectorId');
      if (exhibitorsOf) {
        query
          .innerJoin(Exhibitor, 'e', 'e.organizationId = os.organizationId')
          .andWhere('e.editionId = :editionId', { editionId: exhibitorsOf });
      }
      if (sectorId) query.andWhere('os.sectorId = :sectorId', { sectorId });
      return query
        .getRawMany<{ sectorId: string; n: number | string }>()
        .then((rows) => new Map(rows.map((r) => [r.sectorId, Number(r.n)])));
    };
    const [organizations, exhibitors] = await Promise.all([
      grouped(),
      editionId ? grouped(editionId) : null,
    ]);
    return (id) => ({
      organizations: organizations.get(id) ?? 0,
      ...(exhibitors ? { exhibitors: exhibitors.get(id) ?? 0 } : {}),
    });
  }

  private async toDto(sector: Sector): Promise<SectorDto> {
    const counts = await this.counts(this.sectors.manager, undefined, sector.id);
    return toSectorDto(sector, counts(sector.id));
  }

  /** A write transaction whose constraint failures a race let through are told as 409s. */
  private async write<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    try {
      return await this.uow.write(work);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw refusedField(
          HttpStatus.CONFLICT,
          'label',
          'sector/exists',
          'Another sector has this label',
        );
      }
      if (isForeignKeyViolation(error)) throw inUse('Organizations have this sector');
      throw error;
    }
  }

  private record(
    manager: EntityManager,
    user: AuthUser,
    action: Extract<ActivityAction, `sector.${string}`>,
    sector: Sector,
    data: Record<string, unknown> = {},
  ) {
    return this.log.record(manager, {
      action,
      subjectType: 'sector',
      subjectId: sector.id,
      actorId: user.id,
      data: { label: sector.label, aliases: sector.aliases, ...data },
    });
  }

  /** Matchmaking reads organizations' sectors: each one changed refreshes its suggestions. */
  private profilesChanged(organizationIds: string[]): void {
    for (const id of organizationIds) {
      this.events.emit(ProfilesChanged.EVENT, new ProfilesChanged(null, [], id));
    }
  }
}

/** 409 `sector/exists` when a key of the entry is another entry's label or alias. */
function assertNoClash(sector: Sector, list: Sector[]): void {
  const clash = findClash(sector, list);
  if (!clash) return;
  throw refusedField(
    HttpStatus.CONFLICT,
    clash.inLabel ? 'label' : 'aliases',
    'sector/exists',
    `The sector "${clash.entry.label}" already answers to "${clash.key}"`,
  );
}

const replace = (list: Sector[], sector: Sector) =>
  list.map((s) => (s.id === sector.id ? sector : s));
