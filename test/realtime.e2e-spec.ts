import { Listener, refusal, settle } from './support/sockets.js';
import {
  as,
  TestSession,
  type EditionInfo,
  type ExhibitorInfo,
  type VisitorInfo,
} from './support/session.js';

interface MeetingPayload {
  id: string;
  status: string;
  direction: string;
  partner: { participantId: string };
  slot: { id: string } | null;
}

describe('live updates over socket.io', () => {
  let s: TestSession;
  let edition: EditionInfo;
  let host: ExhibitorInfo;
  let guest: VisitorInfo;
  let bystander: VisitorInfo;
  let sockets: Record<'host' | 'guest' | 'bystander' | 'organizer', Listener>;

  beforeAll(async () => {
    s = await TestSession.start();
    edition = await s.createEdition();
    host = await s.onboardExhibitor(edition.id, { stand: 'D04' });
    guest = await s.registerVisitor(edition.id);
    bystander = await s.registerVisitor(edition.id);
    const url = s.testApp.url;
    sockets = {
      host: await Listener.connect(url, host.token),
      guest: await Listener.connect(url, guest.token),
      bystander: await Listener.connect(url, bystander.token),
      organizer: await Listener.connect(url, s.organizerToken),
    };
  });
  afterAll(async () => {
    Object.values(sockets).forEach((l) => l.close());
    await s.close();
  });

  it('refuses a connection without a token or with a bad one', async () => {
    expect(await refusal(s.testApp.url, {})).toMatch(/^Unauthorized/);
    expect(await refusal(s.testApp.url, { token: 'not-a-jwt' })).toMatch(/^Unauthorized/);
  });

  it('tells both parties of each step, each from their side, and nobody else', async () => {
    const req = await as(s.http, guest.token).post(`/api/editions/${edition.id}/meetings`, {
      toParticipantId: host.participantId,
    });
    const byId = (p: MeetingPayload) => p.id === req.body.id;

    const incoming = await sockets.host.waitFor<MeetingPayload>('meeting.requested', byId);
    expect(incoming).toMatchObject({
      status: 'requested',
      direction: 'incoming',
      partner: { participantId: guest.participantId },
    });
    expect(await sockets.guest.waitFor<MeetingPayload>('meeting.requested', byId)).toMatchObject({
      direction: 'outgoing',
    });

    await as(s.http, host.token)
      .post(`/api/meetings/${req.body.id}/accept`, { slotId: edition.slots[1].id })
      .expect(200);
    const scheduled = await sockets.guest.waitFor<MeetingPayload>('meeting.scheduled', byId);
    expect(scheduled).toMatchObject({
      status: 'scheduled',
      slot: { id: edition.slots[1].id },
      partner: { participantId: host.participantId },
    });
    await sockets.host.waitFor('meeting.scheduled', byId);

    await as(s.http, guest.token)
      .post(`/api/meetings/${req.body.id}/reschedule`, { slotId: edition.slots[2].id })
      .expect(200);
    expect(await sockets.host.waitFor<MeetingPayload>('meeting.rescheduled', byId)).toMatchObject({
      slot: { id: edition.slots[2].id },
    });

    await as(s.http, host.token).post(`/api/meetings/${req.body.id}/cancel`).expect(200);
    expect(await sockets.guest.waitFor<MeetingPayload>('meeting.cancelled', byId)).toMatchObject({
      status: 'cancelled',
      slot: null,
    });

    await settle();
    expect(sockets.bystander.events()).toEqual([]);
    expect(sockets.organizer.events().filter((h) => h.event.startsWith('meeting.'))).toEqual([]);
  });

  it('tells the requester of a decline', async () => {
    const other = await s.onboardExhibitor(edition.id);
    const listener = await Listener.connect(s.testApp.url, other.token);
    try {
      const req = await as(s.http, guest.token).post(`/api/editions/${edition.id}/meetings`, {
        toParticipantId: other.participantId,
      });
      await as(s.http, other.token).post(`/api/meetings/${req.body.id}/decline`).expect(200);
      expect(
        await sockets.guest.waitFor<MeetingPayload>(
          'meeting.declined',
          (p) => p.id === req.body.id,
        ),
      ).toMatchObject({ status: 'declined' });
      await listener.waitFor<MeetingPayload>('meeting.declined', (p) => p.id === req.body.id);
      await settle();
      expect(listener.events('meeting.declined')).toHaveLength(1);
      expect(sockets.host.events('meeting.declined')).toEqual([]);
    } finally {
      listener.close();
    }
  });

  it('sends organizers the edition figures, not the meetings', async () => {
    const req = await as(s.http, bystander.token).post(`/api/editions/${edition.id}/meetings`, {
      toParticipantId: host.participantId,
    });
    const stats = await sockets.organizer.waitFor<{
      editionId: string;
      meetings: { total: number; requested: number };
    }>('stats.updated', (p) => p.meetings.total >= 3);
    expect(stats.editionId).toBe(edition.id);
    expect(stats.meetings.requested).toBeGreaterThanOrEqual(1);
    expect(sockets.guest.events('stats.updated')).toEqual([]);
    expect(req.status).toBe(201);
  });

  it('tells a person their agenda changed when they block slots, and only them', async () => {
    const before = sockets.guest.events('agenda.updated').length;
    await as(s.http, host.token)
      .put(`/api/editions/${edition.id}/availability`, { blockedSlotIds: [edition.slots[5].id] })
      .expect(200);
    expect(await sockets.host.waitFor('agenda.updated')).toEqual({ editionId: edition.id });
    await settle();
    expect(sockets.guest.events('agenda.updated')).toHaveLength(before);
  });

  it('lets organizers follow an edition created after they connected, and nobody else', async () => {
    const later = await s.createEdition({ name: 'Plus tard' });
    const ok = await sockets.organizer.socket.emitWithAck('edition.subscribe', {
      editionId: later.id,
    });
    expect(ok).toEqual({ ok: true });
    const refused = await sockets.guest.socket.emitWithAck('edition.subscribe', {
      editionId: later.id,
    });
    expect(refused).toMatchObject({ ok: false });
    const x = await s.onboardExhibitor(later.id);
    const v = await s.registerVisitor(later.id);
    await as(s.http, v.token)
      .post(`/api/editions/${later.id}/meetings`, { toParticipantId: x.participantId })
      .expect(201);
    await sockets.organizer.waitFor<{ editionId: string }>(
      'stats.updated',
      (p) => p.editionId === later.id,
    );
  });
});

describe('announcements', () => {
  it('reach every participant of the edition live, and nobody from another edition', async () => {
    const s = await TestSession.start();
    const listeners: Listener[] = [];
    try {
      const edition = await s.createEdition();
      const other = await s.createEdition({ name: 'Autre' });
      const ex = await s.onboardExhibitor(edition.id);
      const v = await s.registerVisitor(edition.id);
      const outsider = await s.registerVisitor(other.id);
      for (const token of [ex.token, v.token, outsider.token])
        listeners.push(await Listener.connect(s.testApp.url, token));
      const message = 'La plénière commence dans 10 minutes, salle Berlioz.';
      expect(
        (await as(s.http, v.token).post(`/api/editions/${edition.id}/announcements`, { message }))
          .status,
      ).toBe(403);
      const sent = await as(s.http, s.organizerToken).post(
        `/api/editions/${edition.id}/announcements`,
        { message },
      );
      expect(sent.status).toBe(201);
      expect(await listeners[0].waitFor('announcement')).toMatchObject({
        editionId: edition.id,
        message,
      });
      expect(await listeners[1].waitFor('announcement')).toMatchObject({ message });
      await settle();
      expect(listeners[2].events('announcement')).toEqual([]);
      expect(
        (await as(s.http, s.organizerToken).post(`/api/editions/${edition.id}/announcements`, {}))
          .body.message,
      ).toContain('message must be a string');
    } finally {
      listeners.forEach((l) => l.close());
      await s.close();
    }
  });
});
