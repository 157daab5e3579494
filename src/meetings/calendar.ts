import { ICalEventStatus, type ICalCalendar } from 'ical-generator';
import type { Edition } from '../editions/edition.entity.js';
import type { MeetingDto } from './meetings.dto.js';

/** "Camille Martin, Fromagerie du Larzac": the other person of a meeting, as mail and calendars name them. */
export function partnerName(meeting: MeetingDto): string {
  const partner = meeting.partner!;
  return [`${partner.firstName} ${partner.lastName}`, partner.organizationName]
    .filter(Boolean)
    .join(', ');
}

/**
 * A meeting seen by one of its parties (`forViewer`), as an event of their calendar: its UID is the
 * meeting's, so a calendar that has it updates it, and removes it when it comes cancelled. Times are
 * written in UTC: every calendar app converts them, no VTIMEZONE needed.
 */
export function addMeetingEvent(
  calendar: ICalCalendar,
  meeting: MeetingDto,
  slot: { startsAt: string; endsAt: string },
  edition: Edition,
  cancelled = false,
): void {
  calendar.createEvent({
    id: `${meeting.id}@coventis`,
    start: new Date(slot.startsAt),
    end: new Date(slot.endsAt),
    summary: `Rendez-vous : ${partnerName(meeting)}`,
    location: [meeting.place, edition.venue, edition.city].filter(Boolean).join(', '),
    description: meeting.message ?? undefined,
    status: cancelled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    // Calendars keep the event with the highest sequence: each change of the meeting raises it.
    sequence: Math.floor(new Date(meeting.updatedAt).getTime() / 1000),
  });
}
