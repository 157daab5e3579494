import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import {
  DEMO_EDITION,
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  DEMO_VISITORS,
} from '../../seeds/demo-data.js';
import { AuthService } from '../auth/auth.service.js';
import type { AuthUser } from '../auth/decorators.js';
import { hashPassword } from '../auth/passwords.js';
import { User } from '../auth/user.entity.js';
import { toUserDto } from '../auth/auth.dto.js';
import { EnvironmentVariables } from '../config/env.js';
import { UnitOfWork } from '../database/unit-of-work.js';
import { Edition } from '../editions/edition.entity.js';
import { EditionsService } from '../editions/editions.service.js';
import { ExhibitorsService } from '../exhibitors/exhibitors.service.js';
import { RegistrationsService } from '../registrations/registrations.service.js';

export const DEMO_ORGANIZER_EMAIL = 'organisation@demo.example';

export interface SeedReport {
  editionId: string;
  created: boolean;
}

/** Loads the demo edition through the same services a user goes through. */
@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    @InjectRepository(Edition) private readonly editionRepo: Repository<Edition>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly env: EnvironmentVariables,
    private readonly uow: UnitOfWork,
    private readonly auth: AuthService,
    private readonly editions: EditionsService,
    private readonly exhibitors: ExhibitorsService,
    private readonly registrations: RegistrationsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.env.SEED_DEMO === 'never') return;
    if ((await this.editionRepo.count()) > 0) return;
    this.logger.log('Empty database: loading the demo edition (see README for the demo logins)');
    await this.seedDemo();
  }

  /** Idempotent: an edition with the demo's name means the demo is already there. */
  async seedDemo(): Promise<SeedReport> {
    const existing = await this.editionRepo.findOneBy({ name: DEMO_EDITION.name });
    if (existing) return { editionId: existing.id, created: false };
    // One hash for every demo account: they share the demo password, and argon2 is slow on purpose.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const organizer = await this.demoOrganizer(passwordHash);
    const edition = await this.editions.create(organizer, DEMO_EDITION);
    for (const org of DEMO_ORGANIZATIONS) {
      const {
        stand,
        contact,
        name,
        legalForm,
        sectors,
        department,
        city,
        description,
        offers,
        needs,
      } = org;
      const organization = {
        name,
        legalForm,
        sectors,
        department,
        city,
        description,
        offers,
        needs,
      };
      await this.exhibitors.onboard(
        organizer,
        edition.id,
        { organization, stand, contact: { ...contact, password: DEMO_PASSWORD } },
        passwordHash,
      );
    }
    for (const visitor of DEMO_VISITORS) {
      await this.registrations.register(
        edition.id,
        { ...visitor, password: DEMO_PASSWORD },
        passwordHash,
      );
    }
    this.logger.log(
      `Demo edition "${edition.name}": ${DEMO_ORGANIZATIONS.length} exhibitors, ${DEMO_VISITORS.length} visitors`,
    );
    return { editionId: edition.id, created: true };
  }

  private async demoOrganizer(passwordHash: string): Promise<AuthUser> {
    const existing = await this.users.findOneBy({ email: DEMO_ORGANIZER_EMAIL });
    if (existing) return toUserDto(existing);
    const user = await this.uow.write((manager) =>
      this.auth.createUser(manager, {
        email: DEMO_ORGANIZER_EMAIL,
        passwordHash,
        role: 'organizer',
        firstName: 'Claire',
        lastName: 'Organisatrice',
      }),
    );
    return toUserDto(user);
  }
}
