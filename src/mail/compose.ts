import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import ical, { ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';
import QRCode from 'qrcode';
import { DataSource } from 'typeorm';
import type { Attachment } from 'nodemailer/lib/mailer/index.js';
import { User } from '../auth/user.entity.js';
import { EnvironmentVariables } from '../config/env.js';
import { Edition } from '../editions/edition.entity.js';
import { Slot } from '../editions/slot.entity.js';
import { AgendaService } from '../meetings/agenda.service.js';
import { addMeetingEvent, partnerName } from '../meetings/calendar.js';
import { FEEDBACK_ANSWERS, MeetingFeedback } from '../meetings/feedback.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import { forViewer, MeetingViews } from '../meetings/meeting-views.js';
import type { MeetingDto } from '../meetings/meetings.dto.js';
import { Participant } from '../participants/participant.entity.js';
import { FEEDBACK_LABELS, render, type Language, type MessageFacts } from './messages.js';
import type { MailKind, OutboxMessage } from './outbox.entity.js';
import { feedbackUrl, unsubscribeUrl } from './signed-links.js';

export interface Composed {
  subject: string;
  text: string;
  html: string;
  to: string;
  attachments: Attachment[];
  headers: Record<string, string>;
}

/** What every kind of message starts from. */
interface Context {
  message: OutboxMessage;
  user: User;
  lang: Language;
  edition: Edition;
  payload: Record<string, string>;
  base: Pick<MessageFacts, 'firstName' | 'editionName' | 'unsubscribeUrl'>;
}

/** A kind's part of a message, or null when there is nothing left to say. */
type Body = { facts: MessageFacts; attachments?: Attachment[] } | null;

/** A meeting message whose meeting moved on before it went (the request already answered…). */
const STILL_TRUE: Partial<Record<MailKind, (m: Meeting) => boolean>> = {
  'meeting.requested': (m) => m.status === 'requested',
  'meeting.accepted': (m) => m.status === 'scheduled' || m.status === 'held',
  'meeting.declined': (m) => m.status === 'declined',
  'feedback.request': (m) => ['scheduled', 'held', 'no_show'].includes(m.status),
  'feedback.follow_up': (m) => m.status === 'held' && m.outcome !== 'convention_envisaged',
};

/** A message about the meeting at the slot it names: still true while the meeting is there. */
const AT_SLOT: MailKind[] = ['meeting.rescheduled', 'meeting.reminder'];

/** Meeting messages that carry the meeting for the reader's calendar. */
const WITH_INVITATION: MailKind[] = [
  'meeting.accepted',
  'meeting.rescheduled',
  'meeting.cancelled',
];

/**
 * Renders a message of the outbox when it is sent: in the reader's language, with the names, times
 * and answers as they are then; null when it has nothing left to say (turned off, no longer true).
 */
@Injectable()
export class MailComposer {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: MeetingViews,
    private readonly agenda: AgendaService,
    private readonly env: EnvironmentVariables,
  ) {}

  async compose(message: OutboxMessage): Promise<Composed | null> {
    const manager = this.dataSource.manager;
    const user = await manager.findOneBy(User, { id: message.toUserId });
    if (!user || user.mailOff.includes(message.kind)) return null;
    const edition = message.editionId
      ? await manager.findOneBy(Edition, { id: message.editionId })
      : null;
    if (!edition) return null;
    const lang: Language = user.language === 'en' ? 'en' : 'fr';
    const stopUrl = unsubscribeUrl(this.env.PUBLIC_URL, this.env.JWT_SECRET, user.id, message.kind);
    const context: Context = {
      message,
      user,
      lang,
      edition,
      payload: JSON.parse(message.payload) as Record<string, string>,
      base: { firstName: user.firstName, editionName: edition.name, unsubscribeUrl: stopUrl },
    };
    const body = await this.body(context);
    if (!body) return null;
    return {
      to: user.email,
      attachments: body.attachments ?? [],
      // One click in the mail program turns this kind off (RFC 8058).
      headers: {
        'List-Unsubscribe': `<${stopUrl}>`,
        'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
      },
      ...render(message.kind, body.facts, lang),
    };
  }

  private body(c: Context): Promise<Body> {
    switch (c.message.kind) {
      case 'registration.confirmed':
        return this.registration(c);
      case 'requests.digest':
        return this.digest(c);
      case 'schedule.published':
        return this.schedule(c);
      default:
        return this.meeting(c);
    }
  }

  private url(page: string): string {
    return `${this.env.PUBLIC_URL.replace(/\/$/, '')}${page}`;
  }

  private async registration({ payload, base, edition }: Context): Promise<Body> {
    const participant = await this.participant(payload);
    if (!participant) return null;
    return {
      facts: {
        ...base,
        url: this.url('/badge'),
        badgeCode: participant.badgeCode,
        venue: edition.venue,
      },
      attachments: [
        {
          filename: 'badge.png',
          content: await QRCode.toBuffer(participant.badgeCode, {
            type: 'png',
            margin: 2,
            width: 320,
          }),
          contentType: 'image/png',
        },
      ],
    };
  }

  /** Who waits for the reader's answer to a meeting request. */
  private async digest({ payload, base }: Context): Promise<Body> {
    const participant = await this.participant(payload);
    if (!participant) return null;
    const pending = await this.dataSource.manager.find(Meeting, {
      where: { inviteeId: participant.id, status: 'requested' },
      order: { createdAt: 'ASC' },
    });
    const open = pending.filter((m) => !m.expiresAt || m.expiresAt > new Date());
    const waiting = (await this.views.toDtos(open, participant.id)).map(partnerName);
    if (waiting.length === 0) return null;
    return {
      facts: {
        ...base,
        url: this.url(participant.kind === 'exhibitor' ? '/inbox' : '/agenda'),
        waiting,
      },
    };
  }

  /** The reader's meetings as the schedule has them when the message goes, and their calendar. */
  private async schedule({ payload, base, edition, lang }: Context): Promise<Body> {
    const participant = await this.participant(payload);
    if (!participant) return null;
    const meetings = (await this.agenda.meetingsOf(participant)).filter(
      (m) => m.slot && m.status === 'scheduled',
    );
    if (meetings.length === 0) return null;
    return {
      facts: {
        ...base,
        url: this.url('/agenda'),
        agenda: meetings.map((m) =>
          [when(m.slot!, edition.timezone, lang), placeOf(m), partnerName(m)]
            .filter(Boolean)
            .join(' · '),
        ),
      },
      attachments: [
        {
          filename: 'agenda.ics',
          content: this.agenda.calendarOf(edition, meetings),
          contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
        },
      ],
    };
  }

  /** A message about one meeting, seen by the reader's side. */
  private async meeting({ message, payload, base, edition, lang, user }: Context): Promise<Body> {
    const manager = this.dataSource.manager;
    const meeting = await manager.findOneBy(Meeting, { id: payload.meetingId });
    if (!meeting || STILL_TRUE[message.kind]?.(meeting) === false) return null;
    const moved = meeting.status !== 'scheduled' || meeting.slotId !== payload.slotId;
    if (AT_SLOT.includes(message.kind) && moved) return null;
    const [dto] = await this.views.toDtos([meeting], null);
    const seen = forViewer(dto, payload.participantId);
    if (!seen.partner) return null;
    // A cancelled meeting has left its slot: the message names the one it had.
    const before =
      !seen.slot && payload.slotId ? await manager.findOneBy(Slot, { id: payload.slotId }) : null;
    const slot =
      seen.slot ??
      (before && { startsAt: before.startsAt.toISOString(), endsAt: before.endsAt.toISOString() });
    const facts: MessageFacts = {
      ...base,
      url: this.url(message.kind === 'meeting.declined' ? '/' : '/agenda'),
      partner: partnerName(seen),
      when: slot ? when(slot, edition.timezone, lang) : null,
      place: placeOf(seen),
      note: message.kind === 'meeting.requested' ? seen.message : null,
    };
    if (message.kind === 'feedback.request' || message.kind === 'feedback.follow_up') {
      const stage = message.kind === 'feedback.request' ? 'first' : 'second';
      const answered = await manager.existsBy(MeetingFeedback, {
        meetingId: meeting.id,
        participantId: payload.participantId,
        stage,
      });
      if (answered) return null;
      const link = { meeting: meeting.id, party: payload.participantId, user: user.id, stage };
      facts.choices = FEEDBACK_ANSWERS[stage].map((answer) => ({
        label: FEEDBACK_LABELS[lang][answer],
        url: feedbackUrl(this.env.PUBLIC_URL, this.env.JWT_SECRET, link, answer),
      }));
    }
    if (!slot || !WITH_INVITATION.includes(message.kind)) return { facts };
    return {
      facts,
      attachments: [invitation(seen, slot, edition, message.kind === 'meeting.cancelled')],
    };
  }

  private participant(payload: Record<string, string>): Promise<Participant | null> {
    return this.dataSource.manager.findOneBy(Participant, { id: payload.participantId });
  }
}

function placeOf(meeting: MeetingDto): string | null {
  return meeting.place ?? (meeting.table ? `Table ${meeting.table}` : null);
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
  cancelled: boolean,
): Attachment {
  const method = cancelled ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.PUBLISH;
  const calendar = ical({ name: edition.name, method });
  addMeetingEvent(calendar, meeting, slot, edition, cancelled);
  return {
    filename: 'rendez-vous.ics',
    content: calendar.toString(),
    contentType: `text/calendar; charset=utf-8; method=${method}`,
  };
}
