import { PASSWORD } from './support/app.js';
import {
  as,
  expectStatus,
  login,
  TestSession,
  type EditionInfo,
  type ExhibitorInfo,
} from './support/session.js';
import { Listener } from './support/sockets.js';

interface Member {
  participantId: string;
  email: string;
  token: string;
}

/** DELETE with a bearer token (the session's `as` has no delete). */
const del = (token: string, url: string) =>
  currentSession.http.delete(url).auth(token, { type: 'bearer' });
let currentSession: TestSession;

let counter = 0;
const email = (prefix: string) => `${prefix}-${++counter}-${Date.now()}@test.example`;

/** Invites `address` to the stand with `inviter`'s token and joins through the link. */
async function invite(
  s: TestSession,
  edition: EditionInfo,
  stand: ExhibitorInfo,
  inviter: string,
  address = email('colleague'),
) {
  const res = await as(s.http, inviter).post(
    `/api/editions/${edition.id}/exhibitors/${stand.id}/invitations`,
    { email: address, firstName: 'Léa', lastName: 'Collègue' },
  );
  expectStatus(res, 201);
  const body = res.body as { joinPath: string; joinUrl: string; id: string };
  return { ...body, email: address, token: body.joinPath.slice('/join/'.length) };
}

async function join(
  s: TestSession,
  edition: EditionInfo,
  stand: ExhibitorInfo,
  inviter: string,
): Promise<Member> {
  const link = await invite(s, edition, stand, inviter);
  const res = await s.http
    .post(`/api/invitations/${link.token}/accept`)
    .send({ firstName: 'Léa', lastName: 'Collègue', password: PASSWORD });
  expectStatus(res, 200);
  return { participantId: res.body.participantId, email: link.email, token: res.body.accessToken };
}

describe('exhibitor teams', () => {
  let s: TestSession;
  let edition: EditionInfo;

  beforeAll(async () => {
    s = await TestSession.start({ MAX_PENDING_REQUESTS: '100' });
    currentSession = s;
    edition = await s.createEdition({ tables: 20 });
  });
  afterAll(() => s.close());

  const base = (stand: ExhibitorInfo) => `/api/editions/${edition.id}/exhibitors/${stand.id}`;
  const request = async (token: string, toParticipantId: string, slotId?: string) => {
    const res = await as(s.http, token).post(`/api/editions/${edition.id}/meetings`, {
      toParticipantId,
      ...(slotId ? { slotId } : {}),
    });
    expectStatus(res, 201);
    return res.body as { id: string };
  };
  const agenda = async (token: string) =>
    (await as(s.http, token).get(`/api/editions/${edition.id}/agenda`)).body as {
      meetings: {
        id: string;
        status: string;
        direction: string | null;
        invitee: { participantId: string };
        partner: { participantId: string };
      }[];
    };

  describe('invitations', () => {
    it('invites a colleague by email, who joins the stand through the link with an account of their own', async () => {
      const stand = await s.onboardExhibitor(edition.id);
      const link = await invite(s, edition, stand, stand.token);
      expect(link.joinPath).toMatch(/^\/join\/[\w-]{43}$/);
      expect(link.joinUrl).toMatch(new RegExp(`^http://.+${link.joinPath}$`));
      // Only the hash is stored.
      const stored = await s.testApp.query<{ tokenHash: string }>(
        `SELECT "tokenHash" FROM team_invitations WHERE id = '${link.id}'`,
      );
      expect(stored[0].tokenHash).toMatch(/^[0-9a-f]{64}$/);
      expect(stored[0].tokenHash).not.toContain(link.token);

      const preview = await s.http.get(`/api/invitations/${link.token}`);
      expectStatus(preview, 200);
      expect(preview.body).toMatchObject({
        editionId: edition.id,
        exhibitorId: stand.id,
        email: link.email,
        stand: 'A01',
        existingAccount: false,
        firstName: 'Léa',
      });
      expect(preview.body.organizationName).toMatch(/^Structure-/);

      const team = await as(s.http, stand.token).get(`${base(stand)}/team`);
      expect(team.body.invitations).toEqual([expect.objectContaining({ email: link.email })]);

      const accepted = await s.http
        .post(`/api/invitations/${link.token}/accept`)
        .send({ password: PASSWORD });
      expectStatus(accepted, 200);
      expect(accepted.body).toMatchObject({
        editionId: edition.id,
        exhibitorId: stand.id,
        user: {
          email: link.email,
          role: 'exhibitor',
          firstName: 'Léa',
          lastName: 'Collègue',
          organizationId: stand.organizationId,
        },
      });
      const token = await login(s.http, link.email, PASSWORD);
      const me = await as(s.http, token).get('/api/auth/me');
      expect(me.body.participations).toEqual([
        expect.objectContaining({
          editionId: edition.id,
          exhibitorId: stand.id,
          kind: 'exhibitor',
        }),
      ]);
      const after = await as(s.http, token).get(`${base(stand)}/team`);
      expectStatus(after, 200);
      expect(after.body.invitations).toEqual([]);
      expect(after.body.members).toEqual([
        expect.objectContaining({
          participantId: stand.participantId,
          contact: true,
          scheduledMeetings: 0,
        }),
        expect.objectContaining({
          participantId: accepted.body.participantId,
          email: link.email,
          contact: false,
        }),
      ]);
    });

    it('uses a link once; an unknown, withdrawn or replaced link is refused', async () => {
      const stand = await s.onboardExhibitor(edition.id);
      const link = await invite(s, edition, stand, stand.token);
      const first = await s.http
        .post(`/api/invitations/${link.token}/accept`)
        .send({ firstName: 'Ana', lastName: 'Une', password: PASSWORD });
      expectStatus(first, 200);
      const again = await s.http
        .post(`/api/invitations/${link.token}/accept`)
        .send({ firstName: 'Ana', lastName: 'Deux', password: PASSWORD });
      expect(again.status).toBe(409);
      expect(again.body.code).toBe('team/invitation_used');
      expect((await s.http.get(`/api/invitations/${link.token}`)).body.code).toBe(
        'team/invitation_used',
      );

      const unknown = await s.http.get(`/api/invitations/${'x'.repeat(43)}`);
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('team/invitation_not_found');
      expect((await s.http.get('/api/invitations/not a token')).status).toBe(404);

      // A second link for the same email replaces the first.
      const address = email('twice');
      const old = await invite(s, edition, stand, stand.token, address);
      const fresh = await invite(s, edition, stand, stand.token, address);
      expect((await s.http.get(`/api/invitations/${old.token}`)).body.code).toBe(
        'team/invitation_not_found',
      );
      expectStatus(await s.http.get(`/api/invitations/${fresh.token}`), 200);
      const withdrawn = await del(stand.token, `${base(stand)}/invitations/${fresh.id}`);
      expect(withdrawn.status).toBe(204);
      expect((await s.http.get(`/api/invitations/${fresh.token}`)).status).toBe(404);
    });

    it('asks a new account for its names and password, with field codes', async () => {
      const stand = await s.onboardExhibitor(edition.id);
      const res = await s.http
        .post(`/api/invitations/${(await invite(s, edition, stand, stand.token)).token}/accept`)
        .send({});
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        expect.objectContaining({ field: 'password', code: 'validation/required' }),
      ]);
      const short = await s.http
        .post(`/api/invitations/${(await invite(s, edition, stand, stand.token)).token}/accept`)
        .send({ password: 'short' });
      expect(short.status).toBe(400);
      expect(short.body.errors[0]).toMatchObject({
        field: 'password',
        code: 'validation/too_short',
      });
    });

    it('joins with the existing exhibitor account of the organization, once logged in with it', async () => {
      const other = await s.createEdition({ name: 'Édition précédente' });
      const name = `Coopérative ${Date.now()}`;
      const earlier = await s.onboardExhibitor(other.id, { organization: { name } });
      const stand = await s.onboardExhibitor(edition.id, { organization: { name } });
      const link = await invite(s, edition, stand, stand.token, earlier.email);
      expect((await s.http.get(`/api/invitations/${link.token}`)).body.existingAccount).toBe(true);
      const anonymous = await s.http.post(`/api/invitations/${link.token}/accept`).send({});
      expect(anonymous.status).toBe(401);
      expect(anonymous.body.code).toBe('team/login_required');
      const wrong = await s.http
        .post(`/api/invitations/${link.token}/accept`)
        .send({ password: 'not-the-password' });
      expect(wrong.status).toBe(401);
      const joined = await as(s.http, earlier.token).post(
        `/api/invitations/${link.token}/accept`,
        {},
      );
      expectStatus(joined, 200);
      expect(joined.body.user.id).toBeDefined();
      const me = await as(s.http, joined.body.accessToken).get('/api/auth/me');
      expect(me.body.participations.map((p: { exhibitorId: string }) => p.exhibitorId)).toEqual([
        earlier.id,
        stand.id,
      ]);
    });

    it('refuses an email that cannot join: a visitor, another organization, a member already', async () => {
      const stand = await s.onboardExhibitor(edition.id);
      const otherStand = await s.onboardExhibitor(edition.id);
      const visitor = await s.registerVisitor(edition.id);
      const send = (address: string) =>
        as(s.http, stand.token).post(`${base(stand)}/invitations`, { email: address });
      const v = await send(visitor.email);
      expect(v.status).toBe(409);
      expect(v.body.code).toBe('team/email_taken');
      expect((await send(otherStand.email)).body.code).toBe('team/email_taken');
      const mine = await send(stand.email);
      expect(mine.status).toBe(409);
      expect(mine.body.code).toBe('team/already_member');
      const bad = await send('not-an-email');
      expect(bad.status).toBe(400);
      expect(bad.body.errors[0]).toMatchObject({ field: 'email', code: 'validation/email' });
    });
  });

  describe('expiry', () => {
    it('refuses a link whose time ran out', async () => {
      const short = await TestSession.start({ TEAM_INVITATION_TTL_SECONDS: '1' });
      try {
        const e = await short.createEdition();
        const stand = await short.onboardExhibitor(e.id);
        const link = await invite(short, e, stand, stand.token);
        await new Promise((resolve) => setTimeout(resolve, 1500));
        const preview = await short.http.get(`/api/invitations/${link.token}`);
        expect(preview.status).toBe(409);
        expect(preview.body.code).toBe('team/invitation_expired');
        const accept = await short.http
          .post(`/api/invitations/${link.token}/accept`)
          .send({ firstName: 'Trop', lastName: 'Tard', password: PASSWORD });
        expect(accept.body.code).toBe('team/invitation_expired');
        expect(
          (
            await as(short.http, stand.token).get(
              `/api/editions/${e.id}/exhibitors/${stand.id}/team`,
            )
          ).body.invitations,
        ).toEqual([]);
      } finally {
        await short.close();
      }
    });
  });

  describe('meetings of a stand', () => {
    it('shows the stand’s requests to every member, accepts them with a holder, and hands them over', async () => {
      const stand = await s.onboardExhibitor(edition.id);
      const colleague = await join(s, edition, stand, stand.token);
      const visitor = await s.registerVisitor(edition.id);
      const contact = await Listener.connect(s.testApp.url, stand.token);
      try {
        // Addressed to the colleague, seen (and heard) by the contact too.
        const req = await request(visitor.token, colleague.participantId, edition.slots[1].id);
        const heard = await contact.waitFor<{ id: string; direction: string }>(
          'meeting.requested',
          (m) => m.id === req.id,
        );
        expect(heard.direction).toBe('incoming');
        expect((await agenda(stand.token)).meetings).toEqual([
          expect.objectContaining({ id: req.id, status: 'requested', direction: 'incoming' }),
        ]);
        const got = await as(s.http, stand.token).get(`/api/meetings/${req.id}`);
        expect(got.body).toMatchObject({
          direction: 'incoming',
          partner: { participantId: visitor.participantId },
        });

        // The contact accepts for the colleague.
        const accepted = await as(s.http, stand.token).post(`/api/meetings/${req.id}/accept`, {
          holderId: colleague.participantId,
        });
        expectStatus(accepted, 200);
        expect(accepted.body).toMatchObject({
          status: 'scheduled',
          invitee: { participantId: colleague.participantId },
          direction: 'incoming',
        });
        expect((await agenda(colleague.token)).meetings.map((m) => [m.id, m.status])).toEqual([
          [req.id, 'scheduled'],
        ]);
        expect((await agenda(stand.token)).meetings).toEqual([]);

        // And takes it back.
        const back = await as(s.http, colleague.token).post(`/api/meetings/${req.id}/holder`, {
          participantId: stand.participantId,
        });
        expectStatus(back, 200);
        expect(back.body.invitee.participantId).toBe(stand.participantId);
        expect((await agenda(stand.token)).meetings.map((m) => m.id)).toEqual([req.id]);
        expect((await agenda(colleague.token)).meetings).toEqual([]);
        const bookings = await s.testApp.query<{ participantId: string }>(
          `SELECT "participantId" FROM bookings WHERE "meetingId" = '${req.id}' ORDER BY "participantId"`,
        );
        expect(bookings.map((b) => b.participantId).sort()).toEqual(
          [stand.participantId, visitor.participantId].sort(),
        );
        // The same holder again changes nothing.
        expectStatus(
          await as(s.http, stand.token).post(`/api/meetings/${req.id}/holder`, {
            participantId: stand.participantId,
          }),
          200,
        );

        // Without a holder, the member accepting holds it.
        const second = await request(
          (await s.registerVisitor(edition.id)).token,
          stand.participantId,
        );
        const own = await as(s.http, colleague.token).post(`/api/meetings/${second.id}/accept`, {});
        expect(own.body.invitee.participantId).toBe(colleague.participantId);
      } finally {
        contact.socket.disconnect();
      }
    });

    it('keeps each member single-booked: accepting or handing over onto a busy person is a 409', async () => {
      const stand = await s.onboardExhibitor(edition.id);
      const colleague = await join(s, edition, stand, stand.token);
      const slotId = edition.slots[2].id;
      const v1 = await s.registerVisitor(edition.id);
      const v2 = await s.registerVisitor(edition.id);
      const first = await request(v1.token, stand.participantId);
      expectStatus(
        await as(s.http, stand.token).post(`/api/meetings/${first.id}/accept`, { slotId }),
        200,
      );
      const second = await request(v2.token, colleague.participantId);
      const busy = await as(s.http, colleague.token).post(`/api/meetings/${second.id}/accept`, {
        slotId,
        holderId: stand.participantId,
      });
      expect(busy.status).toBe(409);
      expect(busy.body.code).toBe('meeting/slot_taken');
      // The colleague is free then: it is theirs.
      expectStatus(
        await as(s.http, colleague.token).post(`/api/meetings/${second.id}/accept`, { slotId }),
        200,
      );
      const handOver = await as(s.http, colleague.token).post(`/api/meetings/${second.id}/holder`, {
        participantId: stand.participantId,
      });
      expect(handOver.status).toBe(409);
      expect(handOver.body.code).toBe('team/holder_busy');

      // A blocked slot is unavailability, told apart.
      const third = await request((await s.registerVisitor(edition.id)).token, stand.participantId);
      const slot3 = edition.slots[3].id;
      expectStatus(
        await as(s.http, stand.token).post(`/api/meetings/${third.id}/accept`, { slotId: slot3 }),
        200,
      );
      expectStatus(
        await as(s.http, colleague.token).put(`/api/editions/${edition.id}/availability`, {
          blockedSlotIds: [slot3],
        }),
        200,
      );
      const blocked = await as(s.http, stand.token).post(`/api/meetings/${third.id}/holder`, {
        participantId: colleague.participantId,
      });
      expect(blocked.status).toBe(409);
      expect(blocked.body.code).toBe('team/holder_unavailable');

      // The free slots offered are the holder's.
      const free = await as(s.http, colleague.token).get(
        `/api/editions/${edition.id}/meetings/free-slots?with=${v1.participantId}&holder=${stand.participantId}`,
      );
      expect(free.body.map((x: { id: string }) => x.id)).not.toContain(slotId);
      const notOurs = await as(s.http, colleague.token).get(
        `/api/editions/${edition.id}/meetings/free-slots?with=${v1.participantId}&holder=${v1.participantId}`,
      );
      expect(notOurs.status).toBe(400);
      expect(notOurs.body.errors[0]).toMatchObject({ field: 'holder', code: 'team/not_member' });
    });

    it('gives one person’s slot to exactly one of several simultaneous accepts and hand-overs', async () => {
      const stand = await s.onboardExhibitor(edition.id);
      const members: Member[] = [];
      for (let i = 0; i < 4; i++) members.push(await join(s, edition, stand, stand.token));
      const target = members[0];
      const slotId = edition.slots[4].id;
      // Six requests to various members, accepted at once, each for the same holder and slot.
      const visitors = await Promise.all(
        Array.from({ length: 6 }, () => s.registerVisitor(edition.id)),
      );
      const requests = await Promise.all(
        visitors.map((v, i) => request(v.token, (i % 2 ? members[1] : stand).participantId)),
      );
      const accepts = await Promise.all(
        requests.map((r, i) =>
          as(s.http, (i % 2 ? members[2] : members[3]).token).post(`/api/meetings/${r.id}/accept`, {
            slotId,
            holderId: target.participantId,
          }),
        ),
      );
      expect(accepts.filter((r) => r.status === 200)).toHaveLength(1);
      expect(accepts.filter((r) => r.status === 409)).toHaveLength(5);

      // Three meetings at another slot, held by three members, all handed to one person at once.
      const slot2 = edition.slots[5].id;
      const holders = [stand.participantId, members[1].participantId, members[2].participantId];
      const scheduled: string[] = [];
      for (const holder of holders) {
        const v = await s.registerVisitor(edition.id);
        const r = await request(v.token, stand.participantId);
        const ok = await as(s.http, stand.token).post(`/api/meetings/${r.id}/accept`, {
          slotId: slot2,
          holderId: holder,
        });
        expectStatus(ok, 200);
        scheduled.push(r.id);
      }
      const changes = await Promise.all(
        scheduled.map((id) =>
          as(s.http, members[3].token).post(`/api/meetings/${id}/holder`, {
            participantId: target.participantId,
          }),
        ),
      );
      expect(changes.filter((r) => r.status === 200)).toHaveLength(1);
      expect(
        changes.filter((r) => r.status === 409).every((r) => r.body.code === 'team/holder_busy'),
      ).toBe(true);
      const rows = await s.testApp.query<{ slotId: string; n: number }>(
        `SELECT "slotId", COUNT(*) AS n FROM bookings WHERE "participantId" = '${target.participantId}' GROUP BY "slotId"`,
      );
      expect(rows.map((r) => Number(r.n))).toEqual([1, 1]);
    });

    it('gives a visitor one open request per stand, whichever member they ask; a member cannot ask a colleague', async () => {
      const stand = await s.onboardExhibitor(edition.id);
      const colleague = await join(s, edition, stand, stand.token);
      const visitor = await s.registerVisitor(edition.id);
      await request(visitor.token, stand.participantId);
      const twice = await as(s.http, visitor.token).post(`/api/editions/${edition.id}/meetings`, {
        toParticipantId: colleague.participantId,
      });
      expect(twice.status).toBe(409);
      expect(twice.body.code).toBe('meeting/already_requested');
      // Nor the other way round: the colleague asks the visitor.
      const back = await as(s.http, colleague.token).post(`/api/editions/${edition.id}/meetings`, {
        toParticipantId: visitor.participantId,
      });
      expect(back.body.code).toBe('meeting/already_requested');
      const self = await as(s.http, colleague.token).post(`/api/editions/${edition.id}/meetings`, {
        toParticipantId: stand.participantId,
      });
      expect(self.status).toBe(400);
      expect(self.body.code).toBe('team/same_stand');
    });

    it('lets only the stand’s members act for it', async () => {
      const stand = await s.onboardExhibitor(edition.id);
      const colleague = await join(s, edition, stand, stand.token);
      const stranger = await s.onboardExhibitor(edition.id);
      const visitor = await s.registerVisitor(edition.id);
      const req = await request(visitor.token, colleague.participantId);
      const strangerAccept = await as(s.http, stranger.token).post(
        `/api/meetings/${req.id}/accept`,
        {},
      );
      expect(strangerAccept.status).toBe(404);
      expect(strangerAccept.body.code).toBe('meeting/not_found');
      expect(
        (await as(s.http, visitor.token).post(`/api/meetings/${req.id}/accept`, {})).body.code,
      ).toBe('meeting/invitee_only');
      const foreignHolder = await as(s.http, stand.token).post(`/api/meetings/${req.id}/accept`, {
        holderId: stranger.participantId,
      });
      expect(foreignHolder.status).toBe(400);
      expect(foreignHolder.body.errors[0]).toMatchObject({
        field: 'holderId',
        code: 'team/not_member',
      });
      expectStatus(await as(s.http, stand.token).post(`/api/meetings/${req.id}/accept`, {}), 200);

      const byVisitor = await as(s.http, visitor.token).post(`/api/meetings/${req.id}/holder`, {
        participantId: colleague.participantId,
      });
      expect(byVisitor.status).toBe(403);
      expect(byVisitor.body.code).toBe('team/members_only');
      expect(
        (
          await as(s.http, stranger.token).post(`/api/meetings/${req.id}/holder`, {
            participantId: stranger.participantId,
          })
        ).status,
      ).toBe(404);
      const notMember = await as(s.http, stand.token).post(`/api/meetings/${req.id}/holder`, {
        participantId: stranger.participantId,
      });
      expect(notMember.status).toBe(400);
      expect(notMember.body.errors[0]).toMatchObject({
        field: 'participantId',
        code: 'team/not_member',
      });
      // Organizers may hand it over.
      const byOrganizer = await as(s.http, s.organizerToken).post(
        `/api/meetings/${req.id}/holder`,
        {
          participantId: colleague.participantId,
        },
      );
      expectStatus(byOrganizer, 200);
      expect(byOrganizer.body.invitee.participantId).toBe(colleague.participantId);
      // A closed meeting keeps its holder.
      expectStatus(await as(s.http, visitor.token).post(`/api/meetings/${req.id}/cancel`, {}), 200);
      const closed = await as(s.http, stand.token).post(`/api/meetings/${req.id}/holder`, {
        participantId: stand.participantId,
      });
      expect(closed.status).toBe(409);
      expect(closed.body.code).toBe('team/meeting_closed');

      // The team's page and invitations are the members' and organizers'.
      const url = `${base(stand)}/team`;
      expect((await as(s.http, stranger.token).get(url)).body.code).toBe('team/forbidden');
      expect((await as(s.http, visitor.token).get(url)).status).toBe(403);
      expect((await s.http.get(url)).status).toBe(401);
      expectStatus(await as(s.http, s.organizerToken).get(url), 200);
      const unknown = await as(s.http, stand.token).get(
        `/api/editions/${edition.id}/exhibitors/00000000-0000-4000-8000-000000000000/team`,
      );
      expect(unknown.status).toBe(404);
      expect(unknown.body.code).toBe('exhibitor/not_found');
      expect(
        (await as(s.http, stranger.token).post(`${base(stand)}/invitations`, { email: email('x') }))
          .status,
      ).toBe(403);
      expectStatus(
        await as(s.http, s.organizerToken).post(`${base(stand)}/invitations`, {
          email: email('o'),
        }),
        201,
      );
      // Organizers add members directly; exhibitors cannot.
      const direct = {
        email: email('direct'),
        firstName: 'Paul',
        lastName: 'Direct',
        password: PASSWORD,
      };
      expect((await as(s.http, stand.token).post(`${base(stand)}/members`, direct)).status).toBe(
        403,
      );
      const added = await as(s.http, s.organizerToken).post(`${base(stand)}/members`, direct);
      expectStatus(added, 201);
      expect(added.body).toMatchObject({
        email: direct.email,
        contact: false,
        scheduledMeetings: 0,
      });
      await login(s.http, direct.email, PASSWORD);
    });

    it('removes a member, never the last one nor one who holds scheduled meetings', async () => {
      const stand = await s.onboardExhibitor(edition.id);
      const members = (path = '') => `${base(stand)}/members${path}`;
      const last = await del(stand.token, members(`/${stand.participantId}`));
      expect(last.status).toBe(409);
      expect(last.body.code).toBe('team/last_member');
      const colleague = await join(s, edition, stand, stand.token);
      const v1 = await s.registerVisitor(edition.id);
      const v2 = await s.registerVisitor(edition.id);
      const meeting = await request(v1.token, colleague.participantId);
      expectStatus(
        await as(s.http, colleague.token).post(`/api/meetings/${meeting.id}/accept`, {}),
        200,
      );
      const pending = await request(v2.token, colleague.participantId);
      const team = await as(s.http, stand.token).get(`${base(stand)}/team`);
      expect(team.body.members[1]).toMatchObject({
        participantId: colleague.participantId,
        scheduledMeetings: 1,
      });
      const busy = await del(stand.token, members(`/${colleague.participantId}`));
      expect(busy.status).toBe(409);
      expect(busy.body.code).toBe('team/member_has_meetings');
      expectStatus(
        await as(s.http, colleague.token).post(`/api/meetings/${meeting.id}/holder`, {
          participantId: stand.participantId,
        }),
        200,
      );
      const removed = await del(stand.token, members(`/${colleague.participantId}`));
      expect(removed.status).toBe(204);
      // Their pending request is the stand's still, now addressed to the one left.
      const got = await as(s.http, stand.token).get(`/api/meetings/${pending.id}`);
      expect(got.body).toMatchObject({
        status: 'requested',
        invitee: { participantId: stand.participantId },
      });
      expect((await as(s.http, colleague.token).get(`${base(stand)}/team`)).status).toBe(403);
      expect((await as(s.http, colleague.token).get('/api/auth/me')).body).toMatchObject({
        participations: [],
        organizationId: null,
      });
      const again = await del(stand.token, members(`/${colleague.participantId}`));
      expect(again.status).toBe(404);
      expect(again.body.code).toBe('team/member_not_found');
    });
  });

  describe('one stand, one entry', () => {
    it('lists the stand once in the catalogue and suggests it once, whatever the size of its team', async () => {
      const name = `Légumerie solidaire ${Date.now()}`;
      const stand = await s.onboardExhibitor(edition.id, {
        organization: { name, offers: ['Légumes bio en circuit court'], needs: [] },
      });
      await join(s, edition, stand, stand.token);
      const third = await join(s, edition, stand, stand.token);
      const catalogue = await s.http.get(
        `/api/editions/${edition.id}/exhibitors?q=${encodeURIComponent(name)}`,
      );
      expect(catalogue.body.total).toBe(1);
      expect(catalogue.body.items[0]).toMatchObject({
        id: stand.id,
        participantId: stand.participantId,
      });
      expect((await s.http.get(`${base(stand)}`)).body.participantId).toBe(stand.participantId);

      const visitor = await s.registerVisitor(edition.id, {
        needs: ['Légumes bio en circuit court pour la cantine'],
      });
      const suggestions = async () =>
        (
          (
            await as(s.http, visitor.token).get(
              `/api/editions/${edition.id}/recommendations?limit=50`,
            )
          ).body as { items: { exhibitorId: string | null; participantId: string }[] }
        ).items.filter((i) => i.exhibitorId === stand.id);
      expect(await suggestions()).toEqual([
        expect.objectContaining({ participantId: stand.participantId }),
      ]);
      // Once its contact has left, the next member carries it, still once.
      expect((await del(third.token, `${base(stand)}/members/${stand.participantId}`)).status).toBe(
        204,
      );
      const carried = await suggestions();
      expect(carried).toHaveLength(1);
      expect(carried[0].participantId).not.toBe(stand.participantId);
      expect((await s.http.get(`${base(stand)}`)).body.participantId).toBe(
        carried[0].participantId,
      );
      // Asked through its third member, the stand is no longer suggested.
      await request(visitor.token, third.participantId);
      expect(await suggestions()).toEqual([]);
    });
  });
});
