import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { User } from '../auth/user.entity.js';
import { ActivityLog } from '../common/activity-log.entity.js';
import { notFound } from '../common/errors.js';
import { Organization } from '../exhibitors/organization.entity.js';
import {
  Convention,
  ConventionMeeting,
  ConventionParty,
  SIGNED_STATUSES,
  type ConventionStatus,
} from './convention.entity.js';
import type {
  ConventionDetailDto,
  ConventionDto,
  ConventionsQueryDto,
  FollowUpEntryDto,
  HistoryEntryDto,
} from './conventions.dto.js';

interface Loaded {
  convention: Convention;
  parties: ConventionParty[];
}

/** Who may see a convention, and the convention as the API shows it, history included. */
@Injectable()
export class ConventionViews {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  isPublic({ convention, parties }: Loaded): boolean {
    return (
      SIGNED_STATUSES.includes(convention.status) &&
      parties.length > 0 &&
      parties.every((p) => p.public)
    );
  }

  isParty(user: AuthUser | undefined, parties: ConventionParty[]): boolean {
    return !!user?.organizationId && parties.some((p) => p.organizationId === user.organizationId);
  }

  canSee(user: AuthUser | undefined, loaded: Loaded): boolean {
    return (
      user?.role === 'organizer' || this.isParty(user, loaded.parties) || this.isPublic(loaded)
    );
  }

  async load(conventionId: string): Promise<Loaded> {
    const convention = await this.dataSource
      .getRepository(Convention)
      .findOneBy({ id: conventionId });
    if (!convention)
      throw notFound('convention/not_found', `Convention ${conventionId} does not exist`);
    const parties = await this.dataSource.getRepository(ConventionParty).findBy({ conventionId });
    return { convention, parties };
  }

  /** A convention the user may see, or the same 404 as a missing one. */
  async visible(user: AuthUser | undefined, conventionId: string): Promise<Loaded> {
    const loaded = await this.load(conventionId);
    if (!this.canSee(user, loaded)) {
      throw notFound('convention/not_found', `Convention ${conventionId} does not exist`);
    }
    return loaded;
  }

  async list(user: AuthUser | undefined, query: ConventionsQueryDto): Promise<ConventionDto[]> {
    const where = {
      ...(query.editionId ? { editionId: query.editionId } : {}),
      ...(query.status ? { status: query.status } : {}),
      ...(query.kind ? { kind: query.kind } : {}),
    };
    const conventions = await this.dataSource
      .getRepository(Convention)
      .find({ where, order: { createdAt: 'DESC' } });
    const parties = await this.partiesOf(conventions.map((c) => c.id));
    const visible = conventions.filter((c) =>
      this.canSee(user, { convention: c, parties: parties.get(c.id) ?? [] }),
    );
    return this.toDtos(visible, parties);
  }

  async detail(user: AuthUser | undefined, conventionId: string): Promise<ConventionDetailDto> {
    const { convention } = await this.visible(user, conventionId);
    const [dto] = await this.toDtos([convention]);
    const entries = await this.dataSource.getRepository(ActivityLog).find({
      where: { subjectType: 'convention', subjectId: conventionId },
      order: { createdAt: 'ASC' },
    });
    const names = await this.userNames(entries.map((e) => e.actorId));
    // The public sees what happened, not which staff member recorded it.
    const by = (id: string | null) =>
      user && id && names.has(id) ? { id, name: names.get(id)! } : null;
    const history: HistoryEntryDto[] = entries
      .filter((e) => e.action === 'convention.declared' || e.action === 'convention.status_changed')
      .map((e) => {
        const data = (e.data ?? {}) as {
          status: ConventionStatus;
          at?: string;
          note?: string;
          correction?: boolean;
        };
        return {
          status: data.status,
          at: data.at ?? e.createdAt.toISOString(),
          by: by(e.actorId),
          note: data.note ?? null,
          correction: !!data.correction,
        };
      });
    const followUps: FollowUpEntryDto[] = entries
      .filter((e) => e.action === 'convention.follow_up')
      .map((e) => {
        const data = (e.data ?? {}) as { at?: string; note: string };
        return { at: data.at ?? e.createdAt.toISOString(), by: by(e.actorId), note: data.note };
      });
    return { ...dto, history, followUps };
  }

  async toDtos(
    conventions: Convention[],
    known?: Map<string, ConventionParty[]>,
  ): Promise<ConventionDto[]> {
    if (conventions.length === 0) return [];
    const ids = conventions.map((c) => c.id);
    const parties = known ?? (await this.partiesOf(ids));
    const organizations = new Map(
      (
        await this.dataSource.getRepository(Organization).findBy({
          id: In([...new Set([...parties.values()].flat().map((p) => p.organizationId))]),
        })
      ).map((o) => [o.id, o.name]),
    );
    const links = await this.dataSource
      .getRepository(ConventionMeeting)
      .findBy({ conventionId: In(ids) });
    return conventions.map((c) => ({
      id: c.id,
      editionId: c.editionId,
      title: c.title,
      kind: c.kind,
      description: c.description,
      status: c.status,
      parties: (parties.get(c.id) ?? [])
        .map((p) => ({
          organizationId: p.organizationId,
          name: organizations.get(p.organizationId) ?? '',
          role: p.role,
          public: p.public,
          confirmed: p.confirmedAt !== null,
        }))
        .sort((x, y) => x.name.localeCompare(y.name, 'fr')),
      meetingIds: links.filter((l) => l.conventionId === c.id).map((l) => l.meetingId),
      estimatedAnnualValueEur: c.estimatedAnnualValueEur,
      jobsCreated: c.jobsCreated,
      insertionJobs: c.insertionJobs,
      localSupplyShare: c.localSupplyShare,
      signedAt: c.signedAt ? c.signedAt.toISOString() : null,
      createdAt: c.createdAt.toISOString(),
      updatedAt: c.updatedAt.toISOString(),
    }));
  }

  private async partiesOf(conventionIds: string[]): Promise<Map<string, ConventionParty[]>> {
    const rows = conventionIds.length
      ? await this.dataSource
          .getRepository(ConventionParty)
          .findBy({ conventionId: In(conventionIds) })
      : [];
    const byConvention = new Map<string, ConventionParty[]>();
    for (const row of rows)
      byConvention.set(row.conventionId, [...(byConvention.get(row.conventionId) ?? []), row]);
    return byConvention;
  }

  private async userNames(ids: (string | null)[]): Promise<Map<string, string>> {
    const wanted = [...new Set(ids.filter((id): id is string => !!id))];
    if (wanted.length === 0) return new Map();
    const rows = await this.dataSource.getRepository(User).findBy({ id: In(wanted) });
    return new Map(rows.map((r) => [r.id, `${r.firstName} ${r.lastName}`]));
  }
}
