import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DateTime } from 'luxon';
import type { Repository } from 'typeorm';
import {
  DEMO_CONVENTIONS,
  DEMO_EDITION,
  DEMO_MEETINGS,
  DEMO_ORGANIZATIONS,
  DEMO_PASSWORD,
  DEMO_VISITORS,
} from '../../seeds/demo-data.js';
import { toUserDto } from '../auth/auth.dto.js';
import { AuthService } from '../auth/auth.service.js';
import type { AuthUser } from '../auth/decorators.js';
import { hashPassword } from '../auth/passwords.js';
import { User } from '../auth/user.entity.js';
import { ActivityLogService } from '../common/activity-log.service.js';
import { EnvironmentVariables } from '../config/env.js';
import { SIGNED_STATUSES } from '../conventions/convention.entity.js';
import { ConventionsService } from '../conventions/conventions.service.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';
import { Edition } from '../editions/edition.entity.js';
import type { EditionDto } from '../editions/editions.dto.js';
import { EditionsService } from '../editions/editions.service.js';
import { Slot } from '../editions/slot.entity.js';
import { ExhibitorsService } from '../exhibitors/exhibitors.service.js';
import { Meeting, pairKey, type MeetingOutcome } from '../meetings/meeting.entity.js';
import { MeetingsService } from '../meetings/meetings.service.js';
import { SlotBooker } from '../meetings/slot-booker.js';
import { RegistrationsService } from '../registrations/registrations.service.js';

export const DEMO_ORGANIZER_EMAIL = 'organisation@demo.example';

/** The previous edition, where the demo's meetings were held and its conventions were born. */
export const PAST_EDITION = {
  ...DEMO_EDITION,
  name: DEMO_EDITION.name.replace('2027', '2025'),
  days: [
    { date: '2025-05-21', start: DEMO_EDITION.days[0].start, end: DEMO_EDITION.days[0].end },
    { date: '2025-05-22', start: DEMO_EDITION.days[0].start, end: DEMO_EDITION.days[0].end },
  ],
};

export interface SeedReport {
  editionId: string;
  pastEditionId: string | null;
  created: boolean;
}

interface Person {
  user: AuthUser;
  /** Participant id per edition. */
  at: Map<string, string>;
}

/** Loads the demo through the same services a user goes through. */
@Injectable()
export class SeedService implements OnApplicationBootstrap {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    @InjectRepository(Edition) private readonly editionRepo: Repository<Edition>,
    @InjectRepository(User) private readonly users: Repository<User>,
    private readonly env: EnvironmentVariables,
    private readonly uow: UnitOfWork,
    private readonly log: ActivityLogService,
    private readonly auth: AuthService,
    private readonly editions: EditionsService,
    private readonly exhibitors: ExhibitorsService,
    private readonly registrations: RegistrationsService,
    private readonly meetings: MeetingsService,
    private readonly booker: SlotBooker,
    private readonly conventions: ConventionsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (this.env.SEED_DEMO === 'never') return;
    if ((await this.editionRepo.count()) > 0) return;
    this.logger.log('Empty database: loading the demo editions (see README for the demo logins)');
    await this.seedDemo();
  }

  /** Idempotent: an edition with the demo's name means the demo is already there. */
  async seedDemo(): Promise<SeedReport> {
    const existing = await this.editionRepo.findOneBy({ name: DEMO_EDITION.name });
    if (existing) {
      const past = await this.editionRepo.findOneBy({ name: PAST_EDITION.name });
      return { editionId: existing.id, pastEditionId: past?.id ?? null, created: false };
    }
    // One hash for every demo account: they share the demo password, and argon2 is slow on purpose.
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const organizer = await this.demoOrganizer(passwordHash);
    const past = await this.editions.create(organizer, PAST_EDITION);
    const current = await this.editions.create(organizer, DEMO_EDITION);
    const people = new Map<string, Person>();

    for (const edition of [past, current]) {
      for (const org of DEMO_ORGANIZATIONS) {
        // Everything but the demo's own key, stand and contact is the organization's profile.
        const { key: _key, stand, contact, ...organization } = org;
        const onboarded = await this.exhibitors.onboard(
          organizer,
          edition.id,
          { organization, stand, contact: { ...contact, password: DEMO_PASSWORD } },
          passwordHash,
        );
        await this.remember(people, org.key, contact.email, edition.id, onboarded.participantId);
      }
    }
    const heldVisitors = new Set(
      DEMO_MEETINGS.filter((m) => m.status === 'held').flatMap((m) => [m.from, m.to]),
    );
    for (const visitor of DEMO_VISITORS) {
      for (const edition of heldVisitors.has(visitor.email) ? [past, current] : [current]) {
        const { participantId } = await this.registrations.register(
          edition.id,
          { ...visitor, password: DEMO_PASSWORD },
          passwordHash,
        );
        await this.remember(people, visitor.email, visitor.email, edition.id, participantId);
      }
    }

    const held = await this.recordHeldMeetings(past, people);
    await this.openMeetings(current, people);
    await this.recordConventions(organizer, past, people, held);
    this.logger.log(
      `Demo: "${current.name}" (${DEMO_ORGANIZATIONS.length} exhibitors, ${DEMO_VISITORS.length} visitors) and "${past.name}" (${held.size} meetings held, ${DEMO_CONVENTIONS.length} conventions)`,
    );
    return { editionId: current.id, pastEditionId: past.id, created: true };
  }

  private async remember(
    people: Map<string, Person>,
    key: string,
    email: string,
    editionId: string,
    participantId: string,
  ) {
    const known = people.get(key);
    if (known) {
      known.at.set(editionId, participantId);
      return;
    }
    const user = toUserDto(await this.users.findOneByOrFail({ email }));
    people.set(key, { user, at: new Map([[editionId, participantId]]) });
  }

  /** The previous edition's held meetings, written as history: each on the first slot both had free. */
  private async recordHeldMeetings(
    past: EditionDto,
    people: Map<string, Person>,
  ): Promise<Map<string, string>> {
    const heldIds = new Map<string, string>();
    const busy = new Set<string>();
    for (const demo of DEMO_MEETINGS.filter((m) => m.status === 'held')) {
      const requesterId = people.get(demo.from)!.at.get(past.id)!;
      const inviteeId = people.get(demo.to)!.at.get(past.id)!;
      const slot = past.slots.find(
        (s) => !busy.has(`${s.id}:${requesterId}`) && !busy.has(`${s.id}:${inviteeId}`),
      )!;
      busy.add(`${slot.id}:${requesterId}`).add(`${slot.id}:${inviteeId}`);
      const id = await this.uow.write(async (manager) => {
        const meeting = manager.create(Meeting, {
          editionId: past.id,
          requesterId,
          inviteeId,
          pairKey: pairKey(requesterId, inviteeId),
          status: 'scheduled',
          message: demo.message,
        });
        await manager.insert(Meeting, meeting);
        await this.booker.book(
          manager,
          meeting,
          await manager.findOneByOrFail(Slot, { id: slot.id }),
        );
        const outcome: MeetingOutcome | null = demo.outcome ?? null;
        await manager.update(Meeting, { id: meeting.id }, { status: 'held', outcome });
        await this.log.record(manager, {
          action: 'meeting.held',
          subjectType: 'meeting',
          subjectId: meeting.id,
          editionId: past.id,
          actorId: null,
          data: { status: 'held', outcome, imported: true },
        });
        return meeting.id;
      });
      heldIds.set(pairKey(demo.from, demo.to), id);
    }
    return heldIds;
  }

  /** The coming edition's requests and meetings, made by the people themselves. */
  private async openMeetings(current: EditionDto, people: Map<string, Person>): Promise<void> {
    for (const demo of DEMO_MEETINGS.filter((m) => m.status !== 'held')) {
      const from = people.get(demo.from)!;
      const to = people.get(demo.to)!;
      const request = await this.meetings.request(from.user, current.id, {
        toParticipantId: to.at.get(current.id)!,
        message: demo.message,
      });
      if (demo.status === 'scheduled' || demo.status === 'cancelled') {
        await this.meetings.accept(to.user, request.id, {});
      }
      if (demo.status === 'declined') await this.meetings.decline(to.user, request.id);
      if (demo.status === 'cancelled') await this.meetings.cancel(from.user, request.id);
    }
  }

  private async recordConventions(
    organizer: AuthUser,
    past: EditionDto,
    people: Map<string, Person>,
    held: Map<string, string>,
  ): Promise<void> {
    const eventDay = DateTime.fromISO(`${PAST_EDITION.days[0].date}T18:00`, {
      zone: past.timezone,
    });
    const at = (days: number) => eventDay.plus({ days }).toISO()!;
    for (const demo of DEMO_CONVENTIONS) {
      const organizationId = (key: string) => people.get(key)!.user.organizationId!;
      const created = await this.conventions.create(organizer, {
        editionId: past.id,
        title: demo.title,
        kind: demo.kind,
        description: demo.description,
        parties: demo.parties.map((p) => ({ organizationId: organizationId(p.org), role: p.role })),
        meetingIds: demo.fromMeetings.map((m) => held.get(pairKey(m.from, m.to))!),
        estimatedAnnualValueEur: demo.estimatedAnnualValueEur,
        jobsCreated: demo.jobsCreated,
        insertionJobs: demo.insertionJobs,
        localSupplyShare: demo.localSupplyShare,
        envisagedAt: at(demo.history[0]?.daysAfterEvent ?? 0),
      });
      for (const step of demo.history.filter((h) => h.status !== 'envisaged')) {
        await this.conventions.changeStatus(organizer, created.id, {
          status: step.status as typeof demo.status,
          at: at(step.daysAfterEvent),
          note: step.note,
        });
      }
      for (const party of demo.parties.filter((p) => p.public)) {
        await this.conventions.setConsent(organizer, created.id, organizationId(party.org), true);
      }
      // Follow-up notes belong to signed conventions; the others' notes are in their history.
      const followUps = SIGNED_STATUSES.includes(demo.status) ? demo.followUps : [];
      for (const followUp of followUps) {
        await this.conventions.followUp(organizer, created.id, {
          note: followUp.note,
          at: at(followUp.daysAfterEvent),
        });
      }
    }
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
