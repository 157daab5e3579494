import { HttpStatus, Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import { DataSource, In, type EntityManager } from 'typeorm';
import type { AuthUser } from '../auth/decorators.js';
import { User } from '../auth/user.entity.js';
import { ActivityLogService } from '../common/activity-log.service.js';
import { toCsv } from '../common/csv.js';
import { isUniqueViolation } from '../common/db/db-errors.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';
import { forbidden, invalidField, notFound, refusedField } from '../common/errors.js';
import type { Edition } from '../editions/edition.entity.js';
import { EditionsService } from '../editions/editions.service.js';
import { normalizeBadgeCode } from '../participants/badge-code.js';
import { Participant } from '../participants/participant.entity.js';
import { StatsChanged } from '../stats/stats.events.js';
import { Lead } from './lead.entity.js';
import { scanTimeProblem } from './lead-rules.js';
import {
  toLeadDto,
  type LeadDto,
  type LeadPeople,
  type LeadsDto,
  type ScanDto,
  type ScanResultDto,
  type UpdateLeadDto,
} from './leads.dto.js';

// Spreadsheet format: src/common/csv.ts.
const LEAD_COLUMNS = [
  'scanné le',
  'prénom',
  'nom',
  'structure',
  'catégorie',
  'email',
  'téléphone',
  'intérêt (1 à 5)',
  'note',
  'scanné par',
];

const CATEGORY_FR: Record<string, string> = { professional: 'professionnel', public: 'public' };

/** What a scan answers: the lead, whether it was there already, and whether the request made it. */
interface Scanned {
  lead: Lead;
  duplicate: boolean;
}

/**
 * Lead retrieval: a stand's members scan visitors' badges, the stand keeps those who consented, with
 * a note and a rating of its own. Nobody but the stand's members sees its leads (organizers get the
 * counts in the edition's figures).
 */
@Injectable()
export class LeadsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly editions: EditionsService,
    private readonly uow: UnitOfWork,
    private readonly log: ActivityLogService,
    private readonly events: EventEmitter2,
  ) {}

  /**
   * Records a scan. The same scan sent again (its `scanId`), or a visitor the stand has already, is
   * answered with the lead there is, `duplicate: true`, and changes nothing but, for the visitor
   * scanned again, an earlier scan time. A visitor who did not consent is refused and not recorded.
   */
  async scan(user: AuthUser, editionId: string, dto: ScanDto): Promise<ScanResultDto> {
    const edition = await this.editions.require(editionId);
    const me = await this.standMember(user, editionId);
    const scannedAt = new Date(dto.scannedAt);
    const problem = scanTimeProblem(scannedAt, new Date(), edition);
    if (problem === 'in_future') {
      throw invalidField(
        'scannedAt',
        'lead/scanned_in_future',
        'scannedAt must not be later than now (check the phone’s clock)',
      );
    }
    if (problem === 'before_edition') {
      throw invalidField(
        'scannedAt',
        'lead/scanned_before_edition',
        'scannedAt must not be before the day before the edition’s first day',
      );
    }
    let scanned: Scanned;
    try {
      scanned = await this.uow.write((manager) => this.record(manager, user, me, dto, scannedAt));
    } catch (error) {
      // The same scan (or visitor) recorded by a request running at the same time: that one won.
      if (!isUniqueViolation(error)) throw error;
      scanned = await this.uow.write((manager) => this.record(manager, user, me, dto, scannedAt));
    }
    if (!scanned.duplicate) this.events.emit(StatsChanged.EVENT, new StatsChanged(editionId));
    const [dtoOf] = await this.toDtos(this.dataSource.manager, [scanned.lead], edition);
    return { ...dtoOf, duplicate: scanned.duplicate };
  }

  private async record(
    manager: EntityManager,
    user: AuthUser,
    me: Participant & { exhibitorId: string },
    dto: ScanDto,
    scannedAt: Date,
  ): Promise<Scanned> {
    const sent = await manager.findOneBy(Lead, { scanId: dto.scanId });
    if (sent) {
      if (sent.exhibitorId !== me.exhibitorId) {
        throw refusedField(
          HttpStatus.CONFLICT,
          'scanId',
          'lead/scan_id_taken',
          'scanId is the id of another scan: make a new one for each scan',
        );
      }
      return { lead: sent, duplicate: true };
    }
    const code = normalizeBadgeCode(dto.badgeCode);
    const visitor = await manager.findOneBy(Participant, {
      badgeCode: code,
      editionId: me.editionId,
    });
    if (!visitor) {
      throw refusedField(
        HttpStatus.NOT_FOUND,
        'badgeCode',
        'lead/unknown_badge',
        `No badge ${code} at this edition`,
      );
    }
    if (visitor.exhibitorId === me.exhibitorId) {
      throw refusedField(
        HttpStatus.CONFLICT,
        'badgeCode',
        'lead/own_staff',
        'This badge is of your own stand’s team',
      );
    }
    if (visitor.kind !== 'visitor') {
      throw refusedField(
        HttpStatus.CONFLICT,
        'badgeCode',
        'lead/not_a_visitor',
        'This badge is an exhibitor’s: only visitors are scanned as leads',
      );
    }
    if (!visitor.scanConsent) {
      throw refusedField(
        HttpStatus.CONFLICT,
        'badgeCode',
        'lead/no_consent',
        'This visitor did not agree to be scanned: nothing was recorded',
      );
    }
    const known = await manager.findOneBy(Lead, {
      exhibitorId: me.exhibitorId,
      participantId: visitor.id,
    });
    if (known) {
      // Scans reach the server out of order (phones offline): the lead keeps the first.
      if (scannedAt.getTime() < known.scannedAt.getTime()) {
        known.scannedAt = scannedAt;
        known.scannedById = user.id;
        known.updatedAt = new Date();
        await manager.update(
          Lead,
          { id: known.id },
          { scannedAt, scannedById: user.id, updatedAt: known.updatedAt },
        );
        await this.log.record(manager, {
          action: 'lead.rescanned',
          subjectType: 'lead',
          subjectId: known.id,
          editionId: me.editionId,
          actorId: user.id,
          data: { scanId: dto.scanId, earlier: true },
        });
      }
      return { lead: known, duplicate: true };
    }
    const lead = manager.create(Lead, {
      editionId: me.editionId,
      exhibitorId: me.exhibitorId,
      participantId: visitor.id,
      scanId: dto.scanId,
      scannedAt,
      scannedById: user.id,
    });
    await manager.insert(Lead, lead);
    await this.log.record(manager, {
      action: 'lead.scanned',
      subjectType: 'lead',
      subjectId: lead.id,
      editionId: me.editionId,
      actorId: user.id,
      data: { exhibitorId: me.exhibitorId, participantId: visitor.id, scanId: dto.scanId },
    });
    return { lead, duplicate: false };
  }

  /** The caller's stand's leads, newest scan first. */
  async list(user: AuthUser, editionId: string): Promise<LeadsDto> {
    const edition = await this.editions.require(editionId);
    const me = await this.standMember(user, editionId);
    const items = await this.standLeads(edition, me.exhibitorId);
    return { exhibitorId: me.exhibitorId, items, total: items.length };
  }

  async update(user: AuthUser, leadId: string, dto: UpdateLeadDto): Promise<LeadDto> {
    const manager = this.dataSource.manager;
    const lead = await manager.findOneBy(Lead, { id: leadId });
    // Another stand's lead is as unknown as a lead that does not exist.
    const me = lead && (await this.memberOrNull(user, lead.editionId));
    if (!lead || !me || me.exhibitorId !== lead.exhibitorId) {
      throw notFound('lead/not_found', `Lead ${leadId} is not one of your stand’s`);
    }
    const changes: Partial<Pick<Lead, 'note' | 'rating' | 'updatedAt'>> = {};
    if (dto.note !== undefined) changes.note = dto.note;
    if (dto.rating !== undefined) changes.rating = dto.rating;
    if (Object.keys(changes).length > 0) {
      changes.updatedAt = new Date();
      Object.assign(lead, changes);
      await this.uow.write(async (m) => {
        await m.update(Lead, { id: lead.id }, changes);
        await this.log.record(m, {
          action: 'lead.updated',
          subjectType: 'lead',
          subjectId: lead.id,
          editionId: lead.editionId,
          actorId: user.id,
          // Which fields, not what they say: the note is the stand's own.
          data: { fields: Object.keys(changes).filter((k) => k !== 'updatedAt') },
        });
      });
    }
    const edition = await this.editions.require(lead.editionId);
    const [updated] = await this.toDtos(manager, [lead], edition);
    return updated;
  }

  /** The stand's leads as a spreadsheet, French headers, times in the edition's zone. */
  async csv(user: AuthUser, editionId: string): Promise<string> {
    const edition = await this.editions.require(editionId);
    const me = await this.standMember(user, editionId);
    const leads = await this.standLeads(edition, me.exhibitorId);
    const local = (iso: string) =>
      DateTime.fromISO(iso, { zone: edition.timezone }).toFormat('yyyy-MM-dd HH:mm');
    const rows = leads.map((l) => ({
      'scanné le': local(l.scannedAt),
      prénom: l.visitor.firstName,
      nom: l.visitor.lastName,
      structure: l.visitor.organizationName ?? '',
      catégorie: l.visitor.category ? CATEGORY_FR[l.visitor.category] : '',
      email: l.visitor.email ?? '',
      téléphone: l.visitor.phone ?? '',
      'intérêt (1 à 5)': l.rating ?? '',
      note: l.note,
      'scanné par': l.scannedBy ? `${l.scannedBy.firstName} ${l.scannedBy.lastName}` : '',
    }));
    return toCsv(rows, LEAD_COLUMNS);
  }

  /** How many leads the stands of an edition scanned, and how many stands: the organizers' figures. */
  async figures(editionId: string): Promise<{ total: number; stands: number }> {
    const row = await this.dataSource
      .getRepository(Lead)
      .createQueryBuilder('l')
      .select('COUNT(*)', 'total')
      .addSelect('COUNT(DISTINCT l.exhibitorId)', 'stands')
      .where('l.editionId = :editionId', { editionId })
      .getRawOne<{ total: string | number; stands: string | number }>();
    return { total: Number(row?.total ?? 0), stands: Number(row?.stands ?? 0) };
  }

  private async standLeads(edition: Edition, exhibitorId: string): Promise<LeadDto[]> {
    const manager = this.dataSource.manager;
    const leads = await manager.find(Lead, {
      where: { exhibitorId },
      order: { scannedAt: 'DESC', id: 'DESC' },
    });
    return this.toDtos(manager, leads, edition);
  }

  /** The leads with the people they name, read in two statements whatever their number. */
  private async toDtos(
    manager: EntityManager,
    leads: Lead[],
    edition: Edition,
  ): Promise<LeadDto[]> {
    if (leads.length === 0) return [];
    const visitors = await manager.findBy(Participant, {
      id: In([...new Set(leads.map((l) => l.participantId))]),
    });
    const userIds = new Set([
      ...visitors.map((v) => v.userId),
      ...leads.flatMap((l) => l.scannedById ?? []),
    ]);
    const users = new Map(
      (await manager.findBy(User, { id: In([...userIds]) })).map((u) => [u.id, u]),
    );
    const byId = new Map(visitors.map((v) => [v.id, v]));
    return leads.map((lead) => {
      const visitor = byId.get(lead.participantId)!;
      const people: LeadPeople = {
        visitor,
        visitorUser: users.get(visitor.userId)!,
        scanner: lead.scannedById ? (users.get(lead.scannedById) ?? null) : null,
      };
      return toLeadDto(lead, people, edition.timezone);
    });
  }

  /** The caller as a member of a stand at this edition, or a 403. */
  private async standMember(
    user: AuthUser,
    editionId: string,
  ): Promise<Participant & { exhibitorId: string }> {
    const me = await this.memberOrNull(user, editionId);
    if (!me) {
      throw forbidden(
        'lead/stands_only',
        'Only the members of a stand at this edition scan visitors and see their leads',
      );
    }
    return me;
  }

  private async memberOrNull(
    user: AuthUser,
    editionId: string,
  ): Promise<(Participant & { exhibitorId: string }) | null> {
    const me = await this.dataSource.manager.findOneBy(Participant, { userId: user.id, editionId });
    return me?.exhibitorId ? (me as Participant & { exhibitorId: string }) : null;
  }
}
