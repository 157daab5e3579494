import { randomUUID } from 'node:crypto';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import { DateTime } from 'luxon';
import QRCode from 'qrcode';
import { DataSource, In } from 'typeorm';
import type { Attachment } from 'nodemailer/lib/mailer/index.js';
import { User } from '../auth/user.entity.js';
import { SqlParams } from '../common/db/bulk.js';
import { columnValue } from '../common/db/rows.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';
import { EnvironmentVariables } from '../config/env.js';
import { Edition } from '../editions/edition.entity.js';
import { Slot } from '../editions/slot.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { forViewer, MeetingViews } from '../meetings/meeting-views.js';
import type { MeetingDto } from '../meetings/meetings.dto.js';
import { Participant } from '../participants/participant.entity.js';
import { render, type Language, type MessageFacts } from './messages.js';
import { MailOutbox } from './outbox.js';
import { OutboxMessage, type MailKind } from './outbox.entity.js';
import { MailTransport } from './transport.js';
import { unsubscribeUrl } from './unsubscribe.js';

/** Messages claimed per round. */
const BATCH = 20;
/** A claimed message is another sender's to take again if this one has not finished by then. */
const LEASE_MS = 5 * 60_000;
/** The pause after a failed attempt: 5 s, doubling, at most an hour. */
export const retryDelayMs = (attempt: number) => Math.min(5_000 * 2 ** (attempt - 1), 3_600_000);

interface MeetingToRemind {
  id: string;
  editionId: string;
  slotId: string;
  requesterId: string;
  inviteeId: string;
}

interface Composed {
  subject: string;
  text: string;
  html: string;
  to: string;
  attachments: Attachment[];
  headers: Record<string, string>;
}

/** A meeting message whose meeting moved on before it went (the request already answered…). */
const STILL_TRUE: Partial<Record<MailKind, (m: Meeting) => boolean>> = {
  'meeting.requested': (m) => m.status === 'requested',
  'meeting.accepted': (m) => m.status === 'scheduled' || m.status === 'held',
  'meeting.declined': (m) => m.status === 'declined',
};

/** A message about the meeting at the slot it names: still true while the meeting is there. */
const AT_SLOT: MailKind[] = ['meeting.rescheduled', 'meeting.reminder'];

/**
 * Drains the outbox: after each change that wrote messages, and every MAIL_POLL_MS. A message is
 * claimed by raising its attempt count from the value read (one sender wins, on any instance),
 * rendered, handed to the transport, then marked sent. A failure leaves it pending for a later
 * attempt; after MAIL_MAX_ATTEMPTS it is marked failed. A crash between the SMTP server's answer and
 * the mark sends it again: its Message-ID is the idempotency key, for the receiver to recognise.
 */
@Injectable()
export class OutboxSender implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(OutboxSender.name);
  private timer?: NodeJS.Timeout;
  private soonTimer?: NodeJS.Timeout;
  private draining: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly outbox: MailOutbox,
    private readonly transport: MailTransport,
    private readonly views: MeetingViews,
    private readonly env: EnvironmentVariables,
  ) {}

  onApplicationBootstrap(): void {
    this.outbox.onEnqueued(() => this.soon());
    this.timer = setInterval(() => {
      this.remind().catch((error: unknown) => this.logger.error(error));
      this.digest().catch((error: unknown) => this.logger.error(error));
      this.soon(0);
    }, this.env.MAIL_POLL_MS);
    this.timer.unref();
    this.soon();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.soonTimer);
    await this.draining;
  }

  private soon(delay = 20): void {
    if (this.soonTimer || this.stopped) return;
    this.soonTimer = setTimeout(() => {
      this.soonTimer = undefined;
      void this.drain();
    }, delay);
  }

  /**
   * Puts in the outbox a reminder to each party of every scheduled meeting that starts within
   * MEETING_REMINDER_MINUTES and has none yet (one per meeting and slot: a meeting moved later is
   * reminded again at its new time). One instance at a time.
   */
  async remind(now = new Date()): Promise<number> {
    const minutes = this.env.MEETING_REMINDER_MINUTES;
    if (minutes === 0 || this.stopped) return 0;
    const until = new Date(now.getTime() + minutes * 60_000);
    const written = await this.uow.write(async (manager) => {
      if (!(await this.uow.soleRunner(manager, 'mail.reminders'))) return 0;
      const params = new SqlParams(manager);
      const at = (date: Date) => params.add(columnValue(manager, Slot, 'startsAt', date));
      const due = await manager.query<MeetingToRemind[]>(
        `SELECT m."id", m."editionId", m."slotId", m."requesterId", m."inviteeId"
           FROM "meetings" m JOIN "slots" s ON s."id" = m."slotId"
          WHERE m."status" = 'scheduled' AND s."startsAt" > ${at(now)} AND s."startsAt" <= ${at(until)}
            AND NOT EXISTS (SELECT 1 FROM "outbox_messages" o WHERE o."idempotencyKey" =
                  'meeting.reminder:' || m."id" || ':' || m."slotId" || ':' || m."requesterId")`,
        params.values,
      );
      for (const meeting of due) {
        await this.outbox.toParticipants(manager, [meeting.requesterId, meeting.inviteeId], {
          kind: 'meeting.reminder',
          editionId: meeting.editionId,
          payload: { meetingId: meeting.id, slotId: meeting.slotId },
        });
      }
      return due.length;
    });
    if (written > 0) this.soon();
    return written;
  }

  /**
   * Puts in the outbox a digest for each person with meeting requests waiting for their answer, at
   * most one per MAIL_DIGEST_HOURS: the hours are counted in periods from the epoch, so everyone's
   * digest goes at the start of a period (every three days by default), and the key holds the period.
   */
  async digest(now = new Date()): Promise<number> {
    const hours = this.env.MAIL_DIGEST_HOURS;
    if (hours === 0 || this.stopped) return 0;
    const period = String(Math.floor(now.getTime() / (hours * 3_600_000)));
    const written = await this.uow.write(async (manager) => {
      if (!(await this.uow.soleRunner(manager, 'mail.digest'))) return 0;
      const params = new SqlParams(manager);
      const due = await manager.query<{ inviteeId: string; editionId: string }[]>(
        `SELECT DISTINCT m."inviteeId", m."editionId" FROM "meetings" m
          WHERE m."status" = 'requested'
            AND (m."expiresAt" IS NULL OR m."expiresAt" > ${params.add(columnValue(manager, Meeting, 'expiresAt', now))})
            AND NOT EXISTS (SELECT 1 FROM "outbox_messages" o WHERE o."idempotencyKey" =
                  'requests.digest:' || CAST(${params.add(period)} AS varchar(40)) || ':' || m."inviteeId")`,
        params.values,
      );
      for (const { inviteeId, editionId } of due) {
        await this.outbox.toParticipants(manager, [inviteeId], {
          kind: 'requests.digest',
          editionId,
          payload: { period },
        });
      }
      return due.length;
    });
    if (written > 0) this.soon();
    return written;
  }

  /** Sends what is due; a call while a round runs makes it go round once more. */
  async drain(): Promise<void> {
    if (this.draining) {
      this.again = true;
      return this.draining;
    }
    this.draining = (async () => {
      do {
        this.again = false;
        while (!this.stopped && (await this.round()) === BATCH);
      } while (this.again && !this.stopped);
    })()
      .catch((error: unknown) => this.logger.error(error))
      .finally(() => (this.draining = null));
    return this.draining;
  }

  /**
   * Claims up to BATCH due messages in one statement (their attempt counted, their next attempt
   * pushed past the lease, this round's token on them), sends them, and marks the sent and the
   * skipped ones in one statement each. Two senders (instances) never claim the same message: the
   * second statement to run finds it no longer due (on PostgreSQL the serializable write retries).
   */
  private async round(): Promise<number> {
    const token = randomUUID();
    const now = new Date();
    await this.uow.write(async (manager) => {
      const params = new SqlParams(manager);
      const at = (date: Date) =>
        params.add(columnValue(manager, OutboxMessage, 'nextAttemptAt', date));
      await manager.query(
        `UPDATE "outbox_messages"
            SET "claimToken" = ${params.add(token)}, "attempts" = "attempts" + 1,
                "nextAttemptAt" = ${at(new Date(now.getTime() + LEASE_MS))}
          WHERE "id" IN (SELECT "id" FROM "outbox_messages"
                          WHERE "status" = 'pending' AND "nextAttemptAt" <= ${at(now)}
                          ORDER BY "nextAttemptAt" LIMIT ${BATCH})`,
        params.values,
      );
    });
    const claimed = await this.dataSource
      .getRepository(OutboxMessage)
      .find({ where: { claimToken: token }, order: { createdAt: 'ASC' } });
    const done: Record<'sent' | 'skipped', string[]> = { sent: [], skipped: [] };
    for (const message of claimed) {
      if (this.stopped) break;
      const outcome = await this.sendOne(message);
      if (outcome) done[outcome].push(message.id);
    }
    await this.uow.write(async (manager) => {
      for (const status of ['sent', 'skipped'] as const) {
        if (done[status].length === 0) continue;
        await manager.update(
          OutboxMessage,
          { id: In(done[status]) },
          { status, sentAt: status === 'sent' ? new Date() : null, lastError: null },
        );
      }
    });
    return claimed.length;
  }

  /** Sends one claimed message: 'sent', 'skipped', or null when it failed (and was marked so). */
  private async sendOne(message: OutboxMessage): Promise<'sent' | 'skipped' | null> {
    try {
      const mail = await this.compose(message);
      if (!mail) return 'skipped';
      await this.transport.send({ ...mail, messageId: `<${message.id}@coventis>` });
      return 'sent';
    } catch (error) {
      const failed = message.attempts >= this.env.MAIL_MAX_ATTEMPTS;
      const reason = error instanceof Error ? error.message : String(error);
      this.logger.warn(
        `${message.kind} ${message.id}: attempt ${message.attempts} failed: ${reason}`,
      );
      await this.uow.write((manager) =>
        manager.update(
          OutboxMessage,
          { id: message.id },
          {
            status: failed ? 'failed' : 'pending',
            lastError: reason.slice(0, 1000),
            nextAttemptAt: new Date(Date.now() + retryDelayMs(message.attempts)),
          },
        ),
      );
      return null;
    }
  }

  /** Who waits for `participant`'s answer to a meeting request, as the digest names them. */
  private async waitingFor(participant: Participant): Promise<string[]> {
    const pending = await this.dataSource.manager.find(Meeting, {
      where: { inviteeId: participant.id, status: 'requested' },
      order: { createdAt: 'ASC' },
    });
    const open = pending.filter((m) => !m.expiresAt || m.expiresAt > new Date());
    const seen = await this.views.toDtos(open, participant.id);
    return seen.map(({ partner }) =>
      [`${partner!.firstName} ${partner!.lastName}`, partner!.organizationName]
        .filter(Boolean)
        .join(', '),
    );
  }

  /** The message as its reader gets it, or null when there is nothing left to say. */
  private async compose(message: OutboxMessage): Promise<Composed | null> {
    const manager = this.dataSource.manager;
    const user = await manager.findOneBy(User, { id: message.toUserId });
    if (!user || user.mailOff.includes(message.kind)) return null;
    const lang: Language = user.language === 'en' ? 'en' : 'fr';
    const payload = JSON.parse(message.payload) as Record<string, string>;
    const edition = message.editionId
      ? await manager.findOneBy(Edition, { id: message.editionId })
      : null;
    if (!edition) return null;
    const stopUrl = unsubscribeUrl(this.env.PUBLIC_URL, this.env.JWT_SECRET, user.id, message.kind);
    const base = { firstName: user.firstName, editionName: edition.name, unsubscribeUrl: stopUrl };
    const url = (page: string) => `${this.env.PUBLIC_URL.replace(/\/$/, '')}${page}`;
    let facts: MessageFacts;
    const attachments: Attachment[] = [];
    if (message.kind === 'registration.confirmed') {
      const participant = await manager.findOneBy(Participant, { id: payload.participantId });
      if (!participant) return null;
      facts = {
        ...base,
        url: url('/badge'),
        badgeCode: participant.badgeCode,
        venue: edition.venue,
      };
      attachments.push({
        filename: 'badge.png',
        content: await QRCode.toBuffer(participant.badgeCode, {
          type: 'png',
          margin: 2,
          width: 320,
        }),
        contentType: 'image/png',
      });
    } else if (message.kind === 'requests.digest') {
      const participant = await manager.findOneBy(Participant, { id: payload.participantId });
      const waiting = participant ? await this.waitingFor(participant) : [];
      if (!participant || waiting.length === 0) return null;
      facts = {
        ...base,
        url: url(participant.kind === 'exhibitor' ? '/inbox' : '/agenda'),
        waiting,
      };
    } else {
      const meeting = await manager.findOneBy(Meeting, { id: payload.meetingId });
      if (!meeting || STILL_TRUE[message.kind]?.(meeting) === false) return null;
      const moved = meeting.status !== 'scheduled' || meeting.slotId !== payload.slotId;
      if (AT_SLOT.includes(message.kind) && moved) return null;
      const [dto] = await this.views.toDtos([meeting], null);
      const seen = forViewer(dto, payload.participantId);
      const partner = seen.partner;
      if (!partner) return null;
      const before =
        !seen.slot && payload.slotId ? await manager.findOneBy(Slot, { id: payload.slotId }) : null;
      const slot =
        seen.slot ??
        (before && {
          startsAt: before.startsAt.toISOString(),
          endsAt: before.endsAt.toISOString(),
        });
      facts = {
        ...base,
        url: url(message.kind === 'meeting.declined' ? '/' : '/agenda'),
        partner: [`${partner.firstName} ${partner.lastName}`, partner.organizationName]
          .filter(Boolean)
          .join(', '),
        when: slot ? when(slot, edition.timezone, lang) : null,
        place: seen.place ?? (seen.table ? `Table ${seen.table}` : null),
        note: message.kind === 'meeting.requested' ? seen.message : null,
      };
      const cancelled = message.kind === 'meeting.cancelled';
      if (
        slot &&
        ['meeting.accepted', 'meeting.rescheduled', 'meeting.cancelled'].includes(message.kind)
      ) {
        attachments.push(invitation(seen, slot, edition, facts.partner!, cancelled));
      }
    }
    return {
      to: user.email,
      attachments,
      // One click in the mail program turns this kind off (RFC 8058).
      headers: {
        'List-Unsubscribe': `<${stopUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
      ...render(message.kind, facts, lang),
    };
  }
}

function when(slot: { startsAt: string; endsAt: string }, zone: string, lang: Language): string {
  const start = DateTime.fromISO(slot.startsAt, { zone }).setLocale(lang);
  const end = DateTime.fromISO(slot.endsAt, { zone }).setLocale(lang);
  return `${start.toFormat('cccc d LLLL yyyy')}, ${start.toFormat('HH:mm')}–${end.toFormat('HH:mm')}`;
}

/** The meeting for the reader's calendar; a cancellation removes the same event (same UID). */
function invitation(
  meeting: MeetingDto,
  slot: { startsAt: string; endsAt: string },
  edition: Edition,
  partner: string,
  cancelled: boolean,
): Attachment {
  const method = cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH;
  const calendar = ical({ name: edition.name, method });
  calendar.createEvent({
    id: `${meeting.id}@coventis`,
    start: new Date(slot.startsAt),
    end: new Date(slot.endsAt),
    summary: `Rendez-vous : ${partner}`,
    location: [meeting.place, edition.venue, edition.city].filter(Boolean).join(', '),
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    // Calendars keep the event with the highest sequence: each change of the meeting raises it.
    sequence: Math.floor(new Date(meeting.updatedAt).getTime() / 1000),
  });
  return {
    filename: 'rendez-vous.ics',
    content: calendar.toString(),
    contentType: `text/calendar; charset=utf-8; method=${method}`,
  };
}
