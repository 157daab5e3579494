import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectRepository } from '@nestjs/typeorm';
import QRCode from 'qrcode';
import { DateTime } from 'luxon';
import { In, type EntityManager, type Repository } from 'typeorm';
import { AuthService } from '../auth/auth.service.js';
import type { AuthUser } from '../auth/decorators.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { User } from '../auth/user.entity.js';
import { ActivityLogService } from '../common/activity-log.service.js';
import { toCsv } from '../common/csv.js';
import { whereEveryWord } from '../common/db/search.js';
import { badRequest, conflict, forbidden, invalidField, notFound } from '../common/errors.js';
import { stripUndefined } from '../common/objects.js';
import { MailOutbox } from '../mail/outbox.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';
import { ProfilesChanged } from '../recommendations/profile.events.js';
import { StatsChanged } from '../stats/stats.events.js';
import { SCAN_CLOCK_TOLERANCE_MS } from '../leads/lead-rules.js';
import { EditionsService } from '../editions/editions.service.js';
import { Exhibitor } from '../exhibitors/exhibitor.entity.js';
import { Organization } from '../exhibitors/organization.entity.js';
import { newBadgeCode, normalizeBadgeCode } from '../participants/badge-code.js';
import { Participant } from '../participants/participant.entity.js';
import {
  toBadgeDto,
  toParticipantDto,
  toVisitorProfileDto,
  type BadgeDto,
  type CheckInResultDto,
  type ListRegistrationsQueryDto,
  type RegistrationListItemDto,
  type RegistrationsFilterDto,
  type RegisterVisitorDto,
  type RegistrationDto,
  type RegistrationsPageDto,
  type UpdateVisitorProfileDto,
  type VisitorProfileDto,
} from './registrations.dto.js';

const REGISTRATION_COLUMNS = [
  'prénom',
  'nom',
  'email',
  'type',
  'catégorie',
  'structure',
  'badge',
  'arrivé le',
];

@Injectable()
export class RegistrationsService {
  constructor(
    @InjectRepository(Participant) private readonly participants: Repository<Participant>,
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Exhibitor) private readonly exhibitors: Repository<Exhibitor>,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly editions: EditionsService,
    private readonly auth: AuthService,
    private readonly uow: UnitOfWork,
    private readonly log: ActivityLogService,
    private readonly events: EventEmitter2,
    private readonly outbox: MailOutbox,
  ) {}

  /** Public sign-up; a visitor who already has an account registers again with its password. */
  async register(
    editionId: string,
    dto: RegisterVisitorDto,
    knownHash?: string,
  ): Promise<RegistrationDto> {
    await this.editions.require(editionId);
    const existing = await this.users.findOneBy({ email: dto.email });
    if (existing) await this.assertCanReuse(existing, dto.password);
    const passwordHash = existing?.passwordHash ?? knownHash ?? (await hashPassword(dto.password));
    const participant = await this.uow.write(async (manager) => {
      // Re-read inside the transaction: a concurrent sign-up with this email may have won.
      const found = await manager.findOneBy(User, { email: dto.email });
      const user =
        found ??
        (await this.auth.createUser(manager, {
          email: dto.email,
          passwordHash,
          role: 'visitor',
          firstName: dto.firstName,
          lastName: dto.lastName,
          language: dto.language,
        }));
      if (await manager.existsBy(Participant, { editionId, userId: user.id })) {
        throw conflict(
          'registration/duplicate_email',
          'This email is already registered for this edition',
        );
      }
      // An account created since the password was checked above is somebody's: this request has not
      // proved it is theirs, so it gets no token for it. Sent again, the check above runs on it.
      if (found && found.id !== existing?.id) {
        throw conflict('conflict', 'An account with this email was created a moment ago');
      }
      const created = await manager.save(
        manager.create(Participant, {
          editionId,
          userId: user.id,
          kind: 'visitor',
          category: dto.category,
          organizationName: dto.organizationName ?? null,
          interests: dto.interests ?? [],
          offers: dto.offers ?? [],
          needs: dto.needs ?? [],
          scanConsent: dto.scanConsent ?? false,
          phone: dto.phone ?? null,
          badgeCode: newBadgeCode(),
        }),
      );
      await this.log.record(manager, {
        action: 'registration.created',
        subjectType: 'participant',
        subjectId: created.id,
        editionId,
        actorId: user.id,
        // The consent is kept in the log too: when it was given, and by whom.
        data: { category: dto.category, scanConsent: dto.scanConsent ?? false },
      });
      await this.outbox.toUser(manager, user.id, {
        kind: 'registration.confirmed',
        editionId,
        payload: { participantId: created.id },
      });
      return { participant: created, user };
    });
    this.outbox.poke();
    this.events.emit(StatsChanged.EVENT, new StatsChanged(editionId));
    this.events.emit(
      ProfilesChanged.EVENT,
      new ProfilesChanged(editionId, [participant.participant.id]),
    );
    return {
      participantId: participant.participant.id,
      editionId,
      badgeCode: participant.participant.badgeCode,
      accessToken: this.auth.sign(participant.user),
    };
  }

  private async assertCanReuse(user: User, password: string): Promise<void> {
    if (user.role !== 'visitor') {
      throw conflict(
        'registration/email_taken',
        'This email belongs to an exhibitor or organizer account',
      );
    }
    if (!(await verifyPassword(user.passwordHash, password))) {
      throw conflict(
        'registration/email_taken',
        'An account with this email already exists: register with its password, or log in',
      );
    }
  }

  /** The badge, for its owner and organizers only. */
  async badge(user: AuthUser, editionId: string, participantId: string): Promise<BadgeDto> {
    const { participant, owner, edition, organizationName } = await this.loadBadge(
      user,
      editionId,
      participantId,
    );
    const qrCode = await QRCode.toDataURL(participant.badgeCode, {
      errorCorrectionLevel: 'M',
      margin: 2,
      width: 320,
    });
    return toBadgeDto(participant, owner, edition, qrCode, organizationName);
  }

  async badgePng(user: AuthUser, editionId: string, participantId: string): Promise<Buffer> {
    const { participant } = await this.loadBadge(user, editionId, participantId);
    return QRCode.toBuffer(participant.badgeCode, {
      errorCorrectionLevel: 'M',
      margin: 2,
      width: 320,
    });
  }

  /** What a visitor tells matchmaking about themselves: interests, offers, needs, organization. */
  async profile(
    user: AuthUser,
    editionId: string,
    participantId: string,
  ): Promise<VisitorProfileDto> {
    const { participant } = await this.loadBadge(user, editionId, participantId);
    return toVisitorProfileDto(participant);
  }

  async updateProfile(
    user: AuthUser,
    editionId: string,
    participantId: string,
    dto: UpdateVisitorProfileDto,
  ): Promise<VisitorProfileDto> {
    const { participant } = await this.loadBadge(user, editionId, participantId);
    if (participant.kind !== 'visitor') {
      throw badRequest(
        'registration/not_a_visitor',
        "An exhibitor's offers and needs are its organization's profile: PATCH /organizations/:organizationId",
      );
    }
    const changes = stripUndefined(dto);
    Object.assign(participant, changes);
    await this.uow.write(async (manager) => {
      // An empty PATCH changes nothing (TypeORM refuses an UPDATE without values).
      if (Object.keys(changes).length > 0) {
        await manager.update(Participant, { id: participant.id }, changes);
      }
      await this.log.record(manager, {
        action: 'registration.profile_updated',
        subjectType: 'participant',
        subjectId: participant.id,
        editionId,
        actorId: user.id,
        data: {
          fields: Object.keys(changes),
          ...(changes.scanConsent === undefined ? {} : { scanConsent: changes.scanConsent }),
        },
      });
    });
    this.events.emit(ProfilesChanged.EVENT, new ProfilesChanged(editionId, [participant.id]));
    return toVisitorProfileDto(participant);
  }

  private async loadBadge(user: AuthUser, editionId: string, participantId: string) {
    const edition = await this.editions.require(editionId);
    const participant = await this.participants.findOneBy({ id: participantId, editionId });
    if (!participant) {
      throw notFound(
        'registration/not_found',
        `Participant ${participantId} is not registered for this edition`,
      );
    }
    if (user.role !== 'organizer' && participant.userId !== user.id) {
      throw forbidden('registration/not_yours', 'You can only see your own badge');
    }
    const owner = await this.users.findOneByOrFail({ id: participant.userId });
    return {
      participant,
      owner,
      edition,
      organizationName: await this.organizationName(participant),
    };
  }

  /** Organizer check-in at the door; checking in twice is harmless and says so. */
  /**
   * Checks a badge in, at the scan's own time when it was made offline and sent later: a badge
   * scanned twice (two doors, a queue sent again) is one check-in, at the earliest scan.
   */
  async checkIn(
    user: AuthUser,
    editionId: string,
    badgeCode: string,
    scannedAt?: string,
  ): Promise<CheckInResultDto> {
    await this.editions.require(editionId);
    const code = normalizeBadgeCode(badgeCode);
    const at = scannedAt ? new Date(scannedAt) : new Date();
    if (scannedAt) checkScanTime(at);
    const result = await this.uow.write(async (manager) => {
      const participant = await manager.findOneBy(Participant, { badgeCode: code, editionId });
      if (!participant) {
        throw notFound('registration/unknown_badge', `No badge ${code} at this edition`);
      }
      const alreadyCheckedIn = participant.checkedInAt !== null;
      if (!alreadyCheckedIn || at < participant.checkedInAt!) {
        participant.checkedInAt = at;
        await manager.update(
          Participant,
          { id: participant.id },
          { checkedInAt: participant.checkedInAt },
        );
      }
      if (!alreadyCheckedIn) {
        await this.log.record(manager, {
          action: 'participant.checked_in',
          subjectType: 'participant',
          subjectId: participant.id,
          editionId,
          actorId: user.id,
          data: scannedAt ? { scannedAt: at.toISOString() } : undefined,
        });
      }
      const owner = await manager.findOneByOrFail(User, { id: participant.userId });
      return {
        ...toParticipantDto(participant, owner, await this.organizationName(participant, manager)),
        alreadyCheckedIn,
      };
    });
    if (!result.alreadyCheckedIn) this.events.emit(StatsChanged.EVENT, new StatsChanged(editionId));
    return result;
  }

  async list(editionId: string, query: ListRegistrationsQueryDto): Promise<RegistrationsPageDto> {
    await this.editions.require(editionId);
    const page = query.page ?? 1;
    const limit = query.limit ?? 50;
    const [rows, total] = await this.filtered(editionId, query)
      .skip((page - 1) * limit)
      .take(limit)
      .getManyAndCount();
    const items = await this.withOrganizations(rows);
    return { items, total, page, limit };
  }

  /** The same list as a spreadsheet, French headers (exports.service.ts's format). */
  async csv(editionId: string, filter: RegistrationsFilterDto): Promise<string> {
    const edition = await this.editions.require(editionId);
    const rows = await this.withOrganizations(await this.filtered(editionId, filter).getMany());
    const local = (iso: string | null) =>
      iso ? DateTime.fromISO(iso, { zone: edition.timezone }).toFormat('yyyy-MM-dd HH:mm') : '';
    const lines = rows.map((r) => ({
      prénom: r.firstName,
      nom: r.lastName,
      email: r.email,
      type: r.kind === 'exhibitor' ? 'exposant' : 'visiteur',
      catégorie:
        r.category === 'professional' ? 'professionnel' : r.category === 'public' ? 'public' : '',
      structure: r.organizationName ?? '',
      badge: r.badgeCode,
      'arrivé le': local(r.checkedInAt),
    }));
    return toCsv(lines, REGISTRATION_COLUMNS);
  }

  // Words of the search, each found in a name, the email, the organization or the badge code.
  private filtered(editionId: string, filter: RegistrationsFilterDto) {
    const qb = this.participants
      .createQueryBuilder('p')
      .innerJoinAndSelect('p.user', 'u')
      .leftJoin(Exhibitor, 'e', 'e.id = p.exhibitorId')
      .leftJoin(Organization, 'o', 'o.id = e.organizationId')
      .where('p.editionId = :editionId', { editionId })
      .orderBy('p.createdAt', 'ASC')
      .addOrderBy('p.id', 'ASC');
    if (filter.kind) qb.andWhere('p.kind = :kind', { kind: filter.kind });
    return whereEveryWord(qb, filter.q, [
      'u.firstName',
      'u.lastName',
      'u.email',
      'p.organizationName',
      'o.name',
      'p.badgeCode',
    ]);
  }

  // Exhibitors' staff are named by their stand's organization, in one statement for the page.
  private async withOrganizations(rows: Participant[]): Promise<RegistrationListItemDto[]> {
    const exhibitorIds = [...new Set(rows.flatMap((p) => p.exhibitorId ?? []))];
    const names = new Map<string, string>();
    if (exhibitorIds.length > 0) {
      const found = await this.exhibitors.find({
        where: { id: In(exhibitorIds) },
        relations: { organization: true },
      });
      for (const e of found) if (e.organization) names.set(e.id, e.organization.name);
    }
    return rows.map((p) => ({
      ...toParticipantDto(p, p.user!, p.exhibitorId ? (names.get(p.exhibitorId) ?? null) : null),
      email: p.user!.email,
    }));
  }

  /** Inside a transaction, pass its `manager`: another connection would read outside it. */
  private async organizationName(
    participant: Participant,
    manager: EntityManager = this.exhibitors.manager,
  ): Promise<string | null> {
    if (!participant.exhibitorId) return participant.organizationName;
    const exhibitor = await manager.findOneBy(Exhibitor, { id: participant.exhibitorId });
    const organization =
      exhibitor && (await manager.findOneBy(Organization, { id: exhibitor.organizationId }));
    return organization?.name ?? null;
  }
}

/**
 * A scan's time: not ahead of the server's clock by more than the phones' tolerance (as for a lead,
 * SCAN_CLOCK_TOLERANCE_MS), and not so old that it cannot be a scan kept offline during the event
 * (a device's clock set wrong). Unlike a lead's, it may come before the edition: the desk is tried
 * out beforehand.
 */
function checkScanTime(at: Date): void {
  const now = Date.now();
  if (at.getTime() > now + SCAN_CLOCK_TOLERANCE_MS || at.getTime() < now - 30 * 86_400_000) {
    throw invalidField(
      'scannedAt',
      'registration/bad_scan_time',
      'scannedAt must be a time of the last 30 days, not in the future',
    );
  }
}
