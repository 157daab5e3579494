import { randomUUID } from 'node:crypto';
import {
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { SqlParams } from '../common/db/bulk.js';
import { columnValue } from '../common/db/rows.js';
import { UnitOfWork } from '../common/db/unit-of-work.js';
import { EnvironmentVariables } from '../config/env.js';
import { Slot } from '../editions/slot.entity.js';
import { FeedbackService } from '../meetings/feedback.service.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { MailComposer } from './compose.js';
import { MailOutbox } from './outbox.js';
import { OutboxMessage } from './outbox.entity.js';
import { MailTransport } from './transport.js';

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
  private ticking = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly uow: UnitOfWork,
    private readonly outbox: MailOutbox,
    private readonly transport: MailTransport,
    private readonly composer: MailComposer,
    private readonly feedback: FeedbackService,
    private readonly env: EnvironmentVariables,
  ) {}

  onApplicationBootstrap(): void {
    this.outbox.onEnqueued(() => this.soon());
    this.timer = setInterval(() => void this.tick(), this.env.MAIL_POLL_MS);
    this.timer.unref();
    this.soon();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.soonTimer);
    await this.draining;
  }

  /** The sweeps that write the mail nobody's change causes (reminders, digests, feedback), then a drain. */
  private async tick(): Promise<void> {
    // A round of sweeps slower than MAIL_POLL_MS is not joined by the next one.
    if (this.stopped || this.ticking) return;
    this.ticking = true;
    for (const sweep of [() => this.remind(), () => this.digest(), () => this.feedback.sweep()]) {
      try {
        await sweep();
      } catch (error) {
        this.logger.error(error);
      }
    }
    this.ticking = false;
    this.soon(0);
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
      const mail = await this.composer.compose(message);
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
}
