import { createHash } from 'node:crypto';
import { In, MoreThan, type EntityManager } from 'typeorm';
import { toZonedIso } from '../editions/grid.js';
import type { Edition } from '../editions/edition.entity.js';
import { Slot } from '../editions/slot.entity.js';
import { Booking } from '../meetings/booking.entity.js';
import { Meeting } from '../meetings/meeting.entity.js';
import type { ExistingMeeting, MeetingRequest, ScheduleInput } from '../scheduling/types.js';

/** An edition's scheduling problem: the engine's input and what its indices stand for. */
export interface ScheduleData {
  input: ScheduleInput;
  /** Engine slot index → slot (future slots only, breaks included so that they break adjacency). */
  slots: Slot[];
  /** Engine request index → pending request. */
  requests: Meeting[];
  /** Engine existing index → meeting already scheduled (by hand or by an earlier run). */
  existing: Meeting[];
  participantIds: string[];
  /** Changes whenever anything the scheduler reads changes, so a commit can refuse stale data. */
  fingerprint: string;
}

/** Reads what the scheduler needs, as of `now`, inside the caller's transaction or not. */
export async function loadScheduleData(
  manager: EntityManager,
  edition: Edition,
  now: Date,
): Promise<ScheduleData> {
  const slots = await manager.find(Slot, {
    where: { editionId: edition.id, endsAt: MoreThan(now) },
    order: { position: 'ASC' },
  });
  const slotIndex = new Map(slots.map((s, i) => [s.id, i]));
  const open = await manager.find(Meeting, {
    where: { editionId: edition.id, status: In(['requested', 'scheduled']) },
    order: { createdAt: 'ASC', id: 'ASC' },
  });
  // An overdue request the expiry sweep has not reached yet is no longer wished.
  const requests = open.filter(
    (m) => m.status === 'requested' && (!m.expiresAt || m.expiresAt > now),
  );
  const existing = open.filter(
    (m) => m.status === 'scheduled' && m.slotId !== null && slotIndex.has(m.slotId),
  );
  const blocked = await manager.find(Booking, {
    select: { slotId: true, participantId: true },
    where: { editionId: edition.id, kind: 'blocked' },
  });
  return buildScheduleData(edition, slots, requests, existing, blocked);
}

export function buildScheduleData(
  edition: Edition,
  slots: Slot[],
  requests: Meeting[],
  existing: Meeting[],
  blocked: Pick<Booking, 'slotId' | 'participantId'>[],
): ScheduleData {
  const slotIndex = new Map(slots.map((s, i) => [s.id, i]));
  const participantIds = [
    ...new Set([...requests, ...existing].flatMap((m) => [m.requesterId, m.inviteeId])),
  ].sort();
  const person = new Map(participantIds.map((id, i) => [id, i]));
  const breaks = slots.flatMap((s, i) => (s.kind === 'break' ? [i] : []));
  const unavailable = participantIds.map(() => [...breaks]);
  for (const b of blocked) {
    const p = person.get(b.participantId);
    const s = slotIndex.get(b.slotId);
    if (p !== undefined && s !== undefined) unavailable[p].push(s);
  }

  const meetings: MeetingRequest[] = requests.map((m) => ({
    a: person.get(m.requesterId)!,
    b: person.get(m.inviteeId)!,
    priority: m.priority,
    window: m.timeWindow,
  }));
  const atStands = edition.meetingPlace === 'stands';
  const kept: ExistingMeeting[] = existing.map((m) => ({
    a: person.get(m.requesterId)!,
    b: person.get(m.inviteeId)!,
    slot: slotIndex.get(m.slotId!)!,
    ...(!atStands && m.tableNumber !== null ? { table: m.tableNumber } : {}),
  }));

  // A table numbered past edition.tables (tables reduced since) stays where it is without eating a free one.
  const beyond = new Array<number>(slots.length).fill(0);
  for (const m of kept) if (m.table !== undefined && m.table > edition.tables) beyond[m.slot]++;
  const unlimited = Math.max(1, participantIds.length);
  const tables = slots.map((s, i) =>
    s.kind === 'break' ? 0 : atStands ? unlimited : edition.tables + beyond[i],
  );

  const input: ScheduleInput = {
    participants: unavailable.map((u) => ({ unavailable: u })),
    slots: slots.map((s) => ({
      day: s.day,
      period:
        Number(toZonedIso(s.startsAt, edition.timezone).slice(11, 13)) < 12
          ? 'morning'
          : 'afternoon',
    })),
    tables,
    meetings,
    existing: kept,
  };
  const fingerprint = createHash('sha256')
    .update(
      JSON.stringify({
        edition: [edition.tables, edition.meetingPlace],
        slots: slots.map((s) => s.id),
        requests: requests.map((m) => m.id),
        existing: existing.map((m) => m.id),
        participantIds,
        input,
      }),
    )
    .digest('hex');
  return { input, slots, requests, existing, participantIds, fingerprint };
}
