import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { EventEmitter2 } from '@nestjs/event-emitter';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, IsNull, MoreThan, type EntityManager } from 'typeorm';
import { toUserDto } from '../auth/auth.dto.js';
import { AuthService } from '../auth/auth.service.js';
import type { AuthUser } from '../auth/decorators.js';
import { hashPassword, verifyPassword } from '../auth/passwords.js';
import { User } from '../auth/user.entity.js';
import { ActivityLogService } from '../common/activity-log.service.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';
import { conflict, forbidden, invalid, notFound, unauthorized } from '../common/errors.js';
import { EnvironmentVariables } from '../config/env.js';
import { Edition } from '../editions/edition.entity.js';
import { Exhibitor } from '../exhibitors/exhibitor.entity.js';
import { Organization } from '../exhibitors/organization.entity.js';
import { Booking } from '../meetings/booking.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { AgendasChanged } from '../meetings/meeting.events.js';
import { newBadgeCode } from '../participants/badge-code.js';
import { Participant } from '../participants/participant.entity.js';
import { ProfilesChanged } from '../recommendations/profile.events.js';
import { StatsChanged } from '../stats/stats.events.js';
import { TeamInvitation } from './team-invitation.entity.js';
import {
  toInvitationDto,
  type AcceptInvitationDto,
  type AddMemberDto,
  type CreatedTeamInvitationDto,
  type InviteMemberDto,
  type TeamDto,
  type TeamInvitationPreviewDto,
  type TeamJoinedDto,
  type TeamMemberDto,
} from './teams.dto.js';

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** What an invitation link may carry: base64url, as `randomBytes(32)` gives it. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{16,128}$/;

/** An exhibitor's staff: its members, invitations to join it, and who leaves. */
@Injectable()
export class TeamsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly env: EnvironmentVariables,
    private readonly uow: UnitOfWork,
    private readonly log: ActivityLogService,
    private readonly events: EventEmitter2,
  ) {}

  async team(user: AuthUser, editionId: string, exhibitorId: string): Promise<TeamDto> {
    const exhibitor = await this.requireTeam(user, editionId, exhibitorId);
    const manager = this.dataSource.manager;
    const organization = await manager.findOneByOrFail(Organization, {
      id: exhibitor.organizationId,
    });
    const invitations = await manager.find(TeamInvitation, {
      where: {
        exhibitorId,
        usedAt: IsNull(),
        revokedAt: IsNull(),
        expiresAt: MoreThan(new Date()),
      },
      order: { createdAt: 'ASC' },
    });
    return {
      editionId,
      exhibitorId,
      organizationId: organization.id,
      organizationName: organization.name,
      stand: exhibitor.stand,
      members: await this.members(manager, exhibitorId),
      invitations: invitations.map(toInvitationDto),
    };
  }

  /** A single-use link for a colleague; only its hash is stored, so it is shown this once. */
  async invite(
    user: AuthUser,
    editionId: string,
    exhibitorId: string,
    dto: InviteMemberDto,
    baseUrl: string,
  ): Promise<CreatedTeamInvitationDto> {
    const exhibitor = await this.requireTeam(user, editionId, exhibitorId);
    const token = randomBytes(32).toString('base64url');
    const invitation = await this.uow.write(async (manager) => {
      // Refused now rather than when the colleague opens the link.
      await this.joinableAccount(manager, dto.email, exhibitor);
      // A new link for the same person replaces the one they may have lost.
      await manager.update(
        TeamInvitation,
        { exhibitorId, email: dto.email, usedAt: IsNull(), revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      const created = manager.create(TeamInvitation, {
        editionId,
        exhibitorId,
        email: dto.email,
        firstName: dto.firstName ?? null,
        lastName: dto.lastName ?? null,
        tokenHash: hashToken(token),
        expiresAt: new Date(Date.now() + this.env.TEAM_INVITATION_TTL_SECONDS * 1000),
        invitedById: user.id,
      });
      await manager.insert(TeamInvitation, created);
      await this.log.record(manager, {
        action: 'team.invited',
        subjectType: 'exhibitor',
        subjectId: exhibitorId,
        editionId,
        actorId: user.id,
        data: { invitationId: created.id, email: dto.email },
      });
      return created;
    });
    const joinPath = `/join/${token}`;
    return { ...toInvitationDto(invitation), joinPath, joinUrl: `${baseUrl}${joinPath}` };
  }

  async revoke(
    user: AuthUser,
    editionId: string,
    exhibitorId: string,
    invitationId: string,
  ): Promise<void> {
    await this.requireTeam(user, editionId, exhibitorId);
    await this.uow.write(async (manager) => {
      const invitation = await manager.findOneBy(TeamInvitation, {
        id: invitationId,
        exhibitorId,
        usedAt: IsNull(),
        revokedAt: IsNull(),
      });
      if (!invitation) {
        throw notFound('team/invitation_not_found', `Invitation ${invitationId} is not pending`);
      }
      await manager.update(TeamInvitation, { id: invitation.id }, { revokedAt: new Date() });
      await this.log.record(manager, {
        action: 'team.invitation_revoked',
        subjectType: 'exhibitor',
        subjectId: exhibitorId,
        editionId,
        actorId: user.id,
        data: { invitationId },
      });
    });
  }

  /** What the join page shows: public, for whoever holds the link. */
  async preview(token: string): Promise<TeamInvitationPreviewDto> {
    const manager = this.dataSource.manager;
    const invitation = await this.usable(manager, token);
    const exhibitor = await manager.findOneByOrFail(Exhibitor, { id: invitation.exhibitorId });
    const organization = await manager.findOneByOrFail(Organization, {
      id: exhibitor.organizationId,
    });
    const edition = await manager.findOneByOrFail(Edition, { id: invitation.editionId });
    return {
      editionId: edition.id,
      editionName: edition.name,
      exhibitorId: exhibitor.id,
      organizationName: organization.name,
      stand: exhibitor.stand,
      email: invitation.email,
      firstName: invitation.firstName,
      lastName: invitation.lastName,
      expiresAt: invitation.expiresAt.toISOString(),
      existingAccount: await manager.existsBy(User, { email: invitation.email }),
    };
  }

  /**
   * The colleague joins: a new account (role exhibitor, the stand's organization) and a participant
   * of the stand in one transaction; an email that already has an exhibitor account of that
   * organization joins with it, once its owner is logged in or gives its password.
   */
  async accept(
    caller: AuthUser | undefined,
    token: string,
    dto: AcceptInvitationDto,
  ): Promise<TeamJoinedDto> {
    const invitation = await this.usable(this.dataSource.manager, token);
    const existing = await this.dataSource.manager.findOneBy(User, { email: invitation.email });
    let passwordHash: string | null = null;
    const firstName = dto.firstName ?? invitation.firstName;
    const lastName = dto.lastName ?? invitation.lastName;
    if (existing) {
      const proven =
        caller?.id === existing.id ||
        (dto.password !== undefined && (await verifyPassword(existing.passwordHash, dto.password)));
      if (!proven) {
        throw unauthorized(
          'team/login_required',
          'This email already has an account: log in with it (or give its password) to join',
        );
      }
    } else {
      requireFields({ firstName, lastName, password: dto.password });
      passwordHash = await hashPassword(dto.password!);
    }
    const joined = await this.uow.write(async (manager) => {
      const current = await this.usable(manager, token);
      const exhibitor = await manager.findOneByOrFail(Exhibitor, { id: current.exhibitorId });
      const account = await this.joinableAccount(manager, current.email, exhibitor);
      if (!account && !passwordHash) {
        throw conflict('team/invitation_used', 'This invitation link has already been used');
      }
      // An account that appeared since ownership was checked above was not proved to be the caller's.
      if (account && account.id !== existing?.id) {
        throw conflict('conflict', 'An account with this email was created a moment ago');
      }
      const user =
        account ??
        (await this.auth.createUser(manager, {
          email: current.email,
          passwordHash: passwordHash!,
          role: 'exhibitor',
          firstName: firstName!,
          lastName: lastName!,
          organizationId: exhibitor.organizationId,
        }));
      // Single use, also between server processes: only one update finds it unused.
      const used = await manager.update(
        TeamInvitation,
        { id: current.id, usedAt: IsNull(), revokedAt: IsNull() },
        { usedAt: new Date() },
      );
      if (used.affected === 0) {
        throw conflict('team/invitation_used', 'This invitation link has already been used');
      }
      const participant = await this.join(manager, user, exhibitor);
      await this.log.record(manager, {
        action: 'team.joined',
        subjectType: 'exhibitor',
        subjectId: exhibitor.id,
        editionId: exhibitor.editionId,
        actorId: user.id,
        data: { invitationId: current.id, participantId: participant.id, newAccount: !account },
      });
      return { user, exhibitor, participant };
    });
    this.auth.forget(joined.user.id);
    this.joinedEvents(joined.exhibitor);
    return {
      accessToken: this.auth.sign(joined.user),
      user: toUserDto(joined.user),
      editionId: joined.exhibitor.editionId,
      exhibitorId: joined.exhibitor.id,
      participantId: joined.participant.id,
    };
  }

  /** An organizer adds a member directly (an exhibitor account of the organization is reused). */
  async addMember(
    user: AuthUser,
    editionId: string,
    exhibitorId: string,
    dto: AddMemberDto,
  ): Promise<TeamMemberDto> {
    const exhibitor = await this.requireTeam(user, editionId, exhibitorId);
    const existing = await this.dataSource.manager.findOneBy(User, { email: dto.email });
    if (!existing) requireFields({ password: dto.password });
    const passwordHash = existing ? null : await hashPassword(dto.password!);
    const added = await this.uow.write(async (manager) => {
      const account = await this.joinableAccount(manager, dto.email, exhibitor);
      if (!account && !passwordHash) requireFields({ password: undefined });
      const member =
        account ??
        (await this.auth.createUser(manager, {
          email: dto.email,
          passwordHash: passwordHash!,
          role: 'exhibitor',
          firstName: dto.firstName,
          lastName: dto.lastName,
          organizationId: exhibitor.organizationId,
        }));
      const joined = await this.join(manager, member, exhibitor);
      await this.log.record(manager, {
        action: 'team.member_added',
        subjectType: 'exhibitor',
        subjectId: exhibitor.id,
        editionId,
        actorId: user.id,
        data: { participantId: joined.id, newAccount: !account },
      });
      return { joined, userId: member.id };
    });
    this.auth.forget(added.userId);
    this.joinedEvents(exhibitor);
    const members = await this.members(this.dataSource.manager, exhibitorId);
    return members.find((m) => m.participantId === added.joined.id)!;
  }

  /**
   * A member leaves (or is removed by a colleague or an organizer). Never the last one, nor one who
   * holds scheduled meetings (hand them over first); their requests and past meetings pass to the
   * stand's first remaining member, so that the stand keeps its history.
   */
  async removeMember(
    user: AuthUser,
    editionId: string,
    exhibitorId: string,
    participantId: string,
  ): Promise<void> {
    await this.requireTeam(user, editionId, exhibitorId);
    const removed = await this.uow.write(async (manager) => {
      const team = await manager.find(Participant, {
        where: { exhibitorId },
        order: { createdAt: 'ASC', id: 'ASC' },
      });
      const target = team.find((p) => p.id === participantId);
      if (!target) {
        throw notFound('team/member_not_found', `${participantId} is not a member of this stand`);
      }
      if (team.length === 1) {
        throw conflict('team/last_member', 'A stand keeps at least one member');
      }
      const scheduled = await manager.count(Meeting, {
        where: [
          { requesterId: target.id, status: 'scheduled' },
          { inviteeId: target.id, status: 'scheduled' },
        ],
      });
      if (scheduled > 0) {
        throw conflict(
          'team/member_has_meetings',
          `This member holds ${scheduled} scheduled meeting(s): hand them to a colleague first`,
        );
      }
      const next = team.find((p) => p.id !== target.id)!;
      // Bookings left are blocked slots and those of past meetings, which the stand keeps unbooked.
      await manager.delete(Booking, { participantId: target.id });
      await manager.update(Meeting, { requesterId: target.id }, { requesterId: next.id });
      await manager.update(Meeting, { inviteeId: target.id }, { inviteeId: next.id });
      await manager.delete(Participant, { id: target.id });
      await this.leaveOrganization(manager, target.userId, exhibitorId);
      await this.log.record(manager, {
        action: 'team.member_removed',
        subjectType: 'exhibitor',
        subjectId: exhibitorId,
        editionId,
        actorId: user.id,
        data: { participantId: target.id, userId: target.userId, heirId: next.id },
      });
      return { heir: next, userId: target.userId };
    });
    this.auth.forget(removed.userId);
    this.events.emit(ProfilesChanged.EVENT, new ProfilesChanged(editionId, [], null, true));
    this.events.emit(AgendasChanged.EVENT, new AgendasChanged(editionId, [removed.heir.id]));
    this.events.emit(StatsChanged.EVENT, new StatsChanged(editionId));
  }

  /** The stand, if the caller is one of its members or an organizer. */
  private async requireTeam(
    user: AuthUser,
    editionId: string,
    exhibitorId: string,
  ): Promise<Exhibitor> {
    const manager = this.dataSource.manager;
    const exhibitor = await manager.findOneBy(Exhibitor, { id: exhibitorId, editionId });
    if (!exhibitor) {
      throw notFound(
        'exhibitor/not_found',
        `Exhibitor ${exhibitorId} does not exist at this edition`,
      );
    }
    if (user.role === 'organizer') return exhibitor;
    const member = await manager.existsBy(Participant, { userId: user.id, editionId, exhibitorId });
    if (!member) {
      throw forbidden('team/forbidden', 'Only the members of this stand and organizers may');
    }
    return exhibitor;
  }

  private async members(manager: EntityManager, exhibitorId: string): Promise<TeamMemberDto[]> {
    const team = await manager.find(Participant, {
      where: { exhibitorId },
      order: { createdAt: 'ASC', id: 'ASC' },
    });
    if (team.length === 0) return [];
    const ids = team.map((p) => p.id);
    const users = await manager.findBy(User, { id: In(team.map((p) => p.userId)) });
    const scheduled = await manager.find(Meeting, {
      select: { requesterId: true, inviteeId: true },
      where: [
        { requesterId: In(ids), status: 'scheduled' },
        { inviteeId: In(ids), status: 'scheduled' },
      ],
    });
    return team.map((p, i) => {
      const u = users.find((x) => x.id === p.userId)!;
      return {
        participantId: p.id,
        userId: u.id,
        firstName: u.firstName,
        lastName: u.lastName,
        email: u.email,
        contact: i === 0,
        scheduledMeetings: scheduled.filter((m) => m.requesterId === p.id || m.inviteeId === p.id)
          .length,
        joinedAt: p.createdAt.toISOString(),
      };
    });
  }

  /** The invitation of a link if it can still be used, or why not. */
  private async usable(manager: EntityManager, token: string): Promise<TeamInvitation> {
    const invitation = TOKEN_SHAPE.test(token)
      ? await manager.findOneBy(TeamInvitation, { tokenHash: hashToken(token) })
      : null;
    if (!invitation || invitation.revokedAt) {
      throw notFound(
        'team/invitation_not_found',
        'This invitation link is unknown or was withdrawn',
      );
    }
    if (invitation.usedAt) {
      throw conflict('team/invitation_used', 'This invitation link has already been used');
    }
    if (invitation.expiresAt.getTime() <= Date.now()) {
      throw conflict(
        'team/invitation_expired',
        'This invitation link has expired: ask for a new one',
      );
    }
    return invitation;
  }

  /**
   * The account an email joins the stand with: none yet (null), or an exhibitor account of the
   * stand's organization (or of none) not already at this edition.
   */
  private async joinableAccount(
    manager: EntityManager,
    email: string,
    exhibitor: Exhibitor,
  ): Promise<User | null> {
    const user = await manager.findOneBy(User, { email });
    if (!user) return null;
    if (
      user.role !== 'exhibitor' ||
      (user.organizationId !== null && user.organizationId !== exhibitor.organizationId)
    ) {
      throw conflict('team/email_taken', 'email belongs to an account that cannot join this stand');
    }
    const there = await manager.findOneBy(Participant, {
      userId: user.id,
      editionId: exhibitor.editionId,
    });
    if (there?.exhibitorId === exhibitor.id) {
      throw conflict('team/already_member', 'email is already a member of this stand');
    }
    if (there) {
      throw conflict('team/email_taken', 'email already takes part in this edition otherwise');
    }
    return user;
  }

  private async join(
    manager: EntityManager,
    user: User,
    exhibitor: Exhibitor,
  ): Promise<Participant> {
    if (user.organizationId === null) {
      user.organizationId = exhibitor.organizationId;
      await manager.update(User, { id: user.id }, { organizationId: exhibitor.organizationId });
    }
    const participant = manager.create(Participant, {
      editionId: exhibitor.editionId,
      userId: user.id,
      kind: 'exhibitor',
      exhibitorId: exhibitor.id,
      interests: [],
      badgeCode: newBadgeCode(),
    });
    await manager.insert(Participant, participant);
    return participant;
  }

  /** A user with no stand of the organization left at any edition stops speaking for it. */
  private async leaveOrganization(
    manager: EntityManager,
    userId: string,
    exhibitorId: string,
  ): Promise<void> {
    const exhibitor = await manager.findOneByOrFail(Exhibitor, { id: exhibitorId });
    const stands = await manager.find(Exhibitor, {
      select: { id: true },
      where: { organizationId: exhibitor.organizationId },
    });
    const still = await manager.existsBy(Participant, {
      userId,
      exhibitorId: In(stands.map((e) => e.id)),
    });
    if (!still) await manager.update(User, { id: userId }, { organizationId: null });
  }

  private joinedEvents(exhibitor: Exhibitor): void {
    // The new member joins the stand's profile (its staff), not a profile of their own.
    this.events.emit(
      ProfilesChanged.EVENT,
      new ProfilesChanged(exhibitor.editionId, [], exhibitor.organizationId),
    );
    this.events.emit(StatsChanged.EVENT, new StatsChanged(exhibitor.editionId));
  }
}

/** Fields a new account needs, which the DTO cannot require (an existing account needs none). */
function requireFields(fields: Record<string, string | null | undefined>): void {
  const missing = Object.entries(fields).filter(([, value]) => !value);
  if (missing.length === 0) return;
  throw invalid(
    missing.map(([field]) => ({
      field,
      code: 'validation/required',
      message: `${field} is required for a new account`,
    })),
  );
}
