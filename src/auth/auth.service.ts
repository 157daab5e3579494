import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { InjectRepository } from '@nestjs/typeorm';
import type { EntityManager, Repository } from 'typeorm';
import { ActivityLogService } from '../common/activity-log.service.js';
import { findOneWhere } from '../common/db/rows.js';
import { conflict, unauthorized } from '../common/errors.js';
import { EnvironmentVariables } from '../config/env.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';
import { Participant } from '../participants/participant.entity.js';
import { toParticipationDto, toUserDto, type LoginResponseDto, type MeDto } from './auth.dto.js';
import type { AuthUser } from './decorators.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { User, type Role } from './user.entity.js';

export interface NewUser {
  email: string;
  /** Hashed before the transaction: argon2 takes ~50 ms and writes are serialized. */
  passwordHash: string;
  role: Role;
  firstName: string;
  lastName: string;
  organizationId?: string | null;
  /** The language of the mail sent to them (French by default). */
  language?: 'fr' | 'en';
}

/** Accounts kept by `authenticate`: a hall's worth of people active within AUTH_CACHE_MS. */
const RECENT_USERS = 20_000;

interface TokenPayload {
  sub: string;
  role: Role;
}

@Injectable()
export class AuthService implements OnApplicationBootstrap {
  private readonly logger = new Logger(AuthService.name);
  // Verifying against a real hash keeps unknown emails as slow as wrong passwords.
  private readonly decoyHash = hashPassword('decoy-password-for-timing');
  private readonly recent = new Map<string, { user: AuthUser; until: number }>();

  constructor(
    @InjectRepository(User) private readonly users: Repository<User>,
    @InjectRepository(Participant) private readonly participants: Repository<Participant>,
    private readonly jwt: JwtService,
    private readonly env: EnvironmentVariables,
    private readonly uow: UnitOfWork,
    private readonly log: ActivityLogService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { ORGANIZER_EMAIL: email, ORGANIZER_PASSWORD: password } = this.env;
    if (!email || !password) return;
    if ((await this.users.countBy({ role: 'organizer' })) > 0) return;
    const passwordHash = await hashPassword(password);
    // Instances starting together all find none: the first to commit creates it, the others see it.
    const created = await this.uow.write(async (manager) => {
      if ((await manager.countBy(User, { role: 'organizer' })) > 0) return false;
      await this.createUser(manager, {
        email: email.toLowerCase(),
        passwordHash,
        role: 'organizer',
        firstName: 'Organizer',
        lastName: 'Coventis',
      });
      return true;
    });
    if (created) this.logger.log(`Created the first organizer account ${email}`);
  }

  async login(email: string, password: string): Promise<LoginResponseDto> {
    const user = await this.users.findOneBy({ email: email.toLowerCase() });
    const ok = await verifyPassword(user?.passwordHash ?? (await this.decoyHash), password);
    if (!user || !ok) {
      throw unauthorized('auth/wrong_credentials', 'Wrong email or password');
    }
    return { accessToken: this.sign(user), user: toUserDto(user) };
  }

  sign(user: Pick<User, 'id' | 'role'>): string {
    const payload: TokenPayload = { sub: user.id, role: user.role };
    return this.jwt.sign(payload);
  }

  /**
   * The user behind a bearer token, or null when the token is invalid, expired or orphaned. The
   * account read is kept AUTH_CACHE_MS: every request asks who is calling, and a booking is two.
   */
  async authenticate(token: string): Promise<AuthUser | null> {
    let payload: TokenPayload;
    try {
      payload = await this.jwt.verifyAsync<TokenPayload>(token);
    } catch {
      return null;
    }
    const cached = this.recent.get(payload.sub);
    if (cached && cached.until > Date.now()) return cached.user;
    const user = await findOneWhere(this.users.manager, User, { id: payload.sub });
    if (!user) return null;
    const dto = toUserDto(user);
    if (this.env.AUTH_CACHE_MS > 0) {
      // Oldest first out: a Map iterates in insertion order.
      if (this.recent.size >= RECENT_USERS) this.recent.delete(this.recent.keys().next().value!);
      this.recent.delete(dto.id);
      this.recent.set(dto.id, { user: dto, until: Date.now() + this.env.AUTH_CACHE_MS });
    }
    return dto;
  }

  /** After a change to an account (its organization, its name): its next request reads it again. */
  forget(userId: string): void {
    this.recent.delete(userId);
  }

  async me(user: AuthUser): Promise<MeDto> {
    const participations = await this.participants.find({
      where: { userId: user.id },
      order: { createdAt: 'ASC' },
    });
    return { ...user, participations: participations.map(toParticipationDto) };
  }

  /** Creates an account inside the caller's transaction; an email already in use is a 409. */
  async createUser(manager: EntityManager, input: NewUser): Promise<User> {
    if (await manager.existsBy(User, { email: input.email })) {
      throw conflict('auth/email_taken', 'An account with this email already exists');
    }
    const user = manager.create(User, {
      email: input.email,
      passwordHash: input.passwordHash,
      role: input.role,
      firstName: input.firstName,
      lastName: input.lastName,
      organizationId: input.organizationId ?? null,
      language: input.language ?? 'fr',
    });
    await manager.insert(User, user);
    await this.log.record(manager, {
      action: 'user.created',
      subjectType: 'user',
      subjectId: user.id,
      actorId: null,
      data: { role: user.role },
    });
    return user;
  }
}
