import type { ParsedMail } from 'mailparser';
import { writeSql } from './support/database.js';
import {
  as,
  liveEditionBody,
  TestSession,
  type EditionInfo,
  type ExhibitorInfo,
  type VisitorInfo,
} from './support/session.js';
import { SmtpPeer } from './support/smtp.js';

const ics = (mail: ParsedMail) =>
  mail.attachments.find((a) => a.contentType.startsWith('text/calendar'))?.content.toString() ?? '';

/**
 * A server that sends through a real SMTP peer started for it, polling the outbox every 200 ms,
 * with links to https://salon.example; no digests unless `env` asks (each test counts its mail).
 */
async function startWithMail(env: Record<string, string> = {}) {
  const smtp = await SmtpPeer.start();
  const s = await TestSession.start({
    SMTP_URL: smtp.url,
    MAIL_POLL_MS: '200',
    PUBLIC_URL: 'https://salon.example',
    MAIL_DIGEST_HOURS: '0',
    ...env,
  });
  return { smtp, s };
}

async function stopWithMail(started: { smtp: SmtpPeer; s: TestSession }): Promise<void> {
  await started.s.close();
  await started.smtp.stop();
}

describe('mail through a real SMTP server, from the outbox', () => {
  let smtp: SmtpPeer;
  let s: TestSession;
  let edition: EditionInfo;
  let exhibitor: ExhibitorInfo;

  beforeAll(async () => {
    ({ smtp, s } = await startWithMail());
    edition = await s.createEdition({ name: 'Rencontres ESS Occitanie' });
    exhibitor = await s.onboardExhibitor(edition.id);
  });
  afterAll(() => stopWithMail({ smtp, s }));

  it('confirms a registration in French, with the badge code and its QR code', async () => {
    const visitor = await s.registerVisitor(edition.id, { firstName: 'Élodie' });
    const [mail] = await smtp.waitFor(visitor.email);
    expect(mail.subject).toBe('Votre inscription à Rencontres ESS Occitanie');
    expect(mail.text).toContain('Bonjour Élodie,');
    expect(mail.text).toContain(visitor.badgeCode);
    expect(mail.text).toContain('https://salon.example/badge');
    expect(mail.html).toContain('Élodie');
    const qr = mail.attachments.find((a) => a.filename === 'badge.png');
    expect(qr?.contentType).toBe('image/png');
    expect(qr!.content.subarray(1, 4).toString()).toBe('PNG');
    expect(mail.messageId).toMatch(/@coventis>$/);
  });

  it('writes to a person who signed up in English in English', async () => {
    const visitor = await s.registerVisitor(edition.id, { language: 'en' });
    const [mail] = await smtp.waitFor(visitor.email);
    expect(mail.subject).toBe('Your registration for Rencontres ESS Occitanie');
    expect(mail.text).toContain('See my badge: https://salon.example/badge');
  });

  it('tells the invitee of a request, the requester of the answer, the other of a cancellation', async () => {
    const visitor = await s.registerVisitor(edition.id, { firstName: 'Paul', lastName: 'Lefèvre' });
    const request = await as(s.http, visitor.token)
      .post(`/api/editions/${edition.id}/meetings`, {
        toParticipantId: exhibitor.participantId,
        message: 'Parlons circuits courts',
      })
      .expect(201);
    const [asked] = await smtp.waitFor(exhibitor.email, (m) => /rendez-vous/.test(m.subject ?? ''));
    expect(asked.subject).toBe('Paul Lefèvre, Mairie de Lunel vous propose un rendez-vous');
    expect(asked.text).toContain('« Parlons circuits courts »');

    const accepted = await as(s.http, exhibitor.token)
      .post(`/api/meetings/${request.body.id}/accept`, {})
      .expect(200);
    const [confirmed] = await smtp.waitFor(visitor.email, (m) => /confirmé/.test(m.subject ?? ''));
    expect(confirmed.text).toMatch(/Quand : \w+ \d+ \w+ 2027, \d\d:\d\d–\d\d:\d\d/);
    expect(ics(confirmed)).toContain(`UID:${request.body.id}@coventis`);
    // In UTC, as every calendar reads it.
    const startsAt = new Date((accepted.body as { slot: { startsAt: string } }).slot.startsAt);
    const utc = startsAt.toISOString().replace(/[-:]/g, '').replace('.000', '');
    expect(ics(confirmed)).toContain(`DTSTART:${utc}`);

    await as(s.http, visitor.token).post(`/api/meetings/${request.body.id}/cancel`).expect(200);
    const [cancelled] = await smtp.waitFor(exhibitor.email, (m) => /annulé/.test(m.subject ?? ''));
    expect(ics(cancelled)).toContain('METHOD:CANCEL');
    expect(ics(cancelled)).toContain(`UID:${request.body.id}@coventis`);
    // The one who cancelled is not told what they did.
    expect(smtp.to(visitor.email).filter((m) => /annulé/.test(m.subject ?? ''))).toHaveLength(0);
  });

  it('tells a requester their request was declined', async () => {
    const visitor = await s.registerVisitor(edition.id);
    const request = await as(s.http, visitor.token)
      .post(`/api/editions/${edition.id}/meetings`, { toParticipantId: exhibitor.participantId })
      .expect(201);
    await as(s.http, exhibitor.token).post(`/api/meetings/${request.body.id}/decline`).expect(200);
    const [declined] = await smtp.waitFor(visitor.email, (m) => /décliné/.test(m.subject ?? ''));
    expect(declined.text).toContain('D’autres suggestions vous attendent.');
  });

  it('loses nothing and sends nothing twice while the mail server is down', async () => {
    await smtp.stop();
    const visitors: VisitorInfo[] = [];
    for (let i = 0; i < 3; i++) visitors.push(await s.registerVisitor(edition.id));
    const rows = () =>
      s.testApp.query<{ status: string; attempts: number }>(
        `SELECT status, attempts FROM outbox_messages WHERE kind = 'registration.confirmed' AND (${visitors.map((v) => `payload LIKE '%${v.participantId}%'`).join(' OR ')})`,
      );
    // Each message was tried, failed, and waits for its next attempt.
    for (let wait = 0; wait < 600; wait++) {
      const now = await rows();
      if (now.length === 3 && now.every((r) => Number(r.attempts) >= 1 && r.status === 'pending'))
        break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect((await rows()).map((r) => [r.status, Number(r.attempts) >= 1])).toEqual([
      ['pending', true],
      ['pending', true],
      ['pending', true],
    ]);
    await smtp.resume();
    for (const v of visitors) await smtp.waitFor(v.email);
    // A little longer, to see that nothing comes twice.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const v of visitors) expect(smtp.to(v.email)).toHaveLength(1);
    expect((await rows()).map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
  });

  it('turns a kind of mail off from the link in the message, without logging in', async () => {
    const visitor = await s.registerVisitor(edition.id);
    const [mail] = await smtp.waitFor(visitor.email);
    const link = /Ne plus recevoir ce type de message : (\S+)/.exec(mail.text ?? '')![1];
    // The mail program's own button (List-Unsubscribe, one click: RFC 8058) has the same link.
    expect(mail.headers.get('list')).toEqual({
      unsubscribe: { url: link },
      'unsubscribe-post': { name: 'List-Unsubscribe=One-Click' },
    });
    const local = link.replace('https://salon.example', '');
    // A link with its signature cut or altered does nothing.
    const forged = local.replace(/sig=[^&]+/, 'sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA');
    const refused = await s.http.get(forged);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'mail/bad_link' });
    const page = await s.http.get(local).expect(200);
    expect(page.text).toContain('vous ne recevrez plus ce type de message');
    const prefs = await as(s.http, visitor.token).get('/api/mail/preferences').expect(200);
    expect(prefs.body).toEqual({ off: ['registration.confirmed'] });
    // The mail program's one-click button posts to the same link.
    await s.http.post(local).expect(200);
  });

  it('sends nothing of a kind a person turned off, and shows organizers what went', async () => {
    // An edition of its own, so that the figures count only this test's mail.
    const edition = await s.createEdition({ name: 'Forum ESS Gard' });
    const quiet = await s.onboardExhibitor(edition.id);
    await as(s.http, quiet.token)
      .put('/api/mail/preferences', { off: ['meeting.requested'] })
      .expect(200);
    const bad = await as(s.http, quiet.token).put('/api/mail/preferences', { off: ['spam'] });
    expect(bad.status).toBe(400);
    const visitor = await s.registerVisitor(edition.id);
    await as(s.http, visitor.token)
      .post(`/api/editions/${edition.id}/meetings`, { toParticipantId: quiet.participantId })
      .expect(201);
    const figures = async () =>
      (
        await as(s.http, s.organizerToken)
          .get(`/api/editions/${edition.id}/mail/figures`)
          .expect(200)
      ).body as { kinds: { kind: string; sent: number; skipped: number; pending: number }[] };
    for (let wait = 0; wait < 600; wait++) {
      const requested = (await figures()).kinds.find((k) => k.kind === 'meeting.requested')!;
      if (requested.skipped >= 1 && requested.pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const kinds = (await figures()).kinds;
    expect(kinds.find((k) => k.kind === 'meeting.requested')).toMatchObject({
      skipped: 1,
      pending: 0,
    });
    await smtp.waitFor(visitor.email);
    expect((await figures()).kinds.find((k) => k.kind === 'registration.confirmed')).toMatchObject({
      sent: 1,
      pending: 0,
    });
    expect(smtp.to(quiet.email)).toHaveLength(0);
    // Figures are the organizers' own.
    await as(s.http, visitor.token).get(`/api/editions/${edition.id}/mail/figures`).expect(403);
  });

  it('reminds both parties of a meeting about to start, and tells them when it moves', async () => {
    // An edition happening now, in a zone where it is about noon (no day boundary in the way):
    // three 30-minute slots from 10 to 15 minutes from now. Reminders go 25 minutes before.
    const offset = 12 - new Date().getUTCHours();
    const zone = offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
    const local = new Date(Date.now() + offset * 3_600_000 + 10 * 60_000);
    const minutes = Math.ceil((local.getUTCHours() * 60 + local.getUTCMinutes()) / 5) * 5;
    const hhmm = (m: number) =>
      `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    const now = await s.createEdition({
      name: 'Salon de midi',
      timezone: zone,
      slotMinutes: 30,
      days: [
        { date: local.toISOString().slice(0, 10), start: hhmm(minutes), end: hhmm(minutes + 90) },
      ],
    });
    const [soon, later] = now.slots;
    const meet = async (slotId: string) => {
      const stand = await s.onboardExhibitor(now.id);
      const visitor = await s.registerVisitor(now.id);
      const request = await as(s.http, visitor.token)
        .post(`/api/editions/${now.id}/meetings`, { toParticipantId: stand.participantId })
        .expect(201);
      await as(s.http, stand.token)
        .post(`/api/meetings/${request.body.id}/accept`, { slotId })
        .expect(200);
      return { stand, visitor, meetingId: (request.body as { id: string }).id };
    };
    const first = await meet(soon.id);
    const second = await meet(later.id);
    const reminded = (m: ParsedMail) => /^Bientôt/.test(m.subject ?? '');
    const [toVisitor] = await smtp.waitFor(first.visitor.email, reminded);
    await smtp.waitFor(first.stand.email, reminded);
    expect(toVisitor.text).toMatch(/Quand : .+, \d\d:\d\d–\d\d:\d\d/);
    // The later meeting starts in 40 minutes or more: no reminder yet, however long we look.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(smtp.to(second.visitor.email).filter(reminded)).toHaveLength(0);

    // Moved into the next minutes: told of the new time, then reminded of it.
    await as(s.http, second.stand.token)
      .post(`/api/meetings/${second.meetingId}/reschedule`, { slotId: soon.id })
      .expect(200);
    const [moved] = await smtp.waitFor(second.visitor.email, (m) =>
      /déplacé/.test(m.subject ?? ''),
    );
    expect(ics(moved)).toContain(`UID:${second.meetingId}@coventis`);
    expect(ics(moved)).toMatch(/SEQUENCE:\d+/);
    await smtp.waitFor(second.visitor.email, reminded);
    // The one who moved it is reminded, not told of the move.
    await smtp.waitFor(second.stand.email, reminded);
    expect(smtp.to(second.stand.email).filter((m) => /déplacé/.test(m.subject ?? ''))).toHaveLength(
      0,
    );
    // One reminder each, whatever the number of sweeps since.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    for (const who of [first.visitor, first.stand, second.visitor, second.stand])
      expect(smtp.to(who.email).filter(reminded)).toHaveLength(1);
  });

  it('sends each person their whole agenda when the organizer publishes the schedule', async () => {
    const planned = await s.createEdition({ name: 'Salon planifié', tables: 4 });
    const stands = [await s.onboardExhibitor(planned.id), await s.onboardExhibitor(planned.id)];
    const visitor = await s.registerVisitor(planned.id, { firstName: 'Noé' });
    const idle = await s.registerVisitor(planned.id);
    for (const stand of stands) {
      await as(s.http, visitor.token)
        .post(`/api/editions/${planned.id}/meetings`, { toParticipantId: stand.participantId })
        .expect(201);
    }
    const published = await as(s.http, s.organizerToken)
      .post(`/api/editions/${planned.id}/schedule`, { commit: true, seed: 1 })
      .expect(200);
    expect(published.body).toMatchObject({ committed: true, placed: 2 });
    const agendaMail = (m: ParsedMail) => /agenda .* est publié/.test(m.subject ?? '');
    const [mine] = await smtp.waitFor(visitor.email, agendaMail);
    expect(mine.subject).toBe('Votre agenda de Salon planifié est publié');
    expect(mine.text).toContain('Bonjour Noé,');
    // One line per meeting, in time order: when, where, with whom.
    const lines = (mine.text ?? '').split('\n').filter((l) => l.startsWith('– '));
    expect(lines).toHaveLength(2);
    for (const line of lines)
      expect(line).toMatch(/^– mercredi 19 mai 2027, \d\d:\d\d–\d\d:\d\d · Table \d · .+, .+$/);
    expect([...lines].sort()).toEqual(lines);
    const calendar = ics(mine);
    expect(calendar.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    const agenda = await as(s.http, visitor.token)
      .get(`/api/editions/${planned.id}/agenda`)
      .expect(200);
    for (const m of (agenda.body as { meetings: { id: string }[] }).meetings)
      expect(calendar).toContain(`UID:${m.id}@coventis`);
    // Each stand has its one meeting; nobody without a meeting is written to.
    for (const stand of stands) {
      const [theirs] = await smtp.waitFor(stand.email, agendaMail);
      expect((theirs.text ?? '').split('\n').filter((l) => l.startsWith('– '))).toHaveLength(1);
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(smtp.to(idle.email).filter(agendaMail)).toHaveLength(0);
    expect(smtp.to(visitor.email).filter(agendaMail)).toHaveLength(1);
  });
});

describe('the digest of requests waiting for an answer', () => {
  let smtp: SmtpPeer;
  let s: TestSession;
  beforeAll(async () => {
    // Periods of 30 days: the test does not cross into another one.
    ({ smtp, s } = await startWithMail({ MAIL_DIGEST_HOURS: '720' }));
  });
  afterAll(() => stopWithMail({ smtp, s }));

  it('names who waits, once per period, and nobody with nothing waiting', async () => {
    const edition = await s.createEdition({ name: 'Rencontres ESS Aude' });
    const stand = await s.onboardExhibitor(edition.id);
    const idle = await s.onboardExhibitor(edition.id);
    const first = await s.registerVisitor(edition.id, { firstName: 'Inès', lastName: 'Roux' });
    await as(s.http, first.token)
      .post(`/api/editions/${edition.id}/meetings`, { toParticipantId: stand.participantId })
      .expect(201);
    const digest = (m: ParsedMail) => /attend/.test(m.subject ?? '');
    const [mail] = await smtp.waitFor(stand.email, digest);
    expect(mail.subject).toBe('Une demande de rendez-vous attend votre réponse');
    expect(mail.text).toContain('– Inès Roux, Mairie de Lunel');
    expect(mail.text).toContain('/inbox');
    // A second request in the same period: told of it, but no second digest.
    const second = await s.registerVisitor(edition.id);
    await as(s.http, second.token)
      .post(`/api/editions/${edition.id}/meetings`, { toParticipantId: stand.participantId })
      .expect(201);
    await smtp.waitFor(stand.email, (m) => /vous propose un rendez-vous/.test(m.subject ?? ''), 2);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(smtp.to(stand.email).filter(digest)).toHaveLength(1);
    expect(smtp.to(idle.email)).toHaveLength(0);
  });
});

/** `&#38;` and the like, as the pages write them, back to text. */
const unescape = (html: string) =>
  html.replace(/&#(\d+);/g, (_, code: string) => String.fromCharCode(Number(code)));

describe('feedback after the event, in two stages, from the links of the mail', () => {
  let smtp: SmtpPeer;
  let s: TestSession;
  beforeAll(async () => {
    ({ smtp, s } = await startWithMail({
      FEEDBACK_AFTER_HOURS: '2',
      FEEDBACK_FOLLOW_UP_DAYS: '2',
    }));
  });
  afterAll(() => stopWithMail({ smtp, s }));

  /** The clock, as the server sees the edition: its slots moved `days` into the past. */
  const age = (editionId: string, days: number) =>
    writeSql(
      s.testApp.databaseUrl,
      s.testApp.databaseUrl.startsWith('sqlite:')
        ? `UPDATE slots SET "startsAt" = strftime('%Y-%m-%d %H:%M:%f', "startsAt", '-${days} days'),
                            "endsAt" = strftime('%Y-%m-%d %H:%M:%f', "endsAt", '-${days} days')
            WHERE "editionId" = '${editionId}'`
        : `UPDATE slots SET "startsAt" = "startsAt" - interval '${days} days',
                            "endsAt" = "endsAt" - interval '${days} days'
            WHERE "editionId" = '${editionId}'`,
    );
  /** The link of the choice `label` in a feedback mail, on the test server. */
  const choice = (mail: ParsedMail, label: string) => {
    const line = (mail.text ?? '').split('\n').find((l) => l.startsWith(`– ${label} : `));
    return line!.slice(`– ${label} : `.length).replace('https://salon.example', '');
  };
  /** Opens a choice's link, as the person clicking it, and confirms it on the page. */
  const answer = async (mail: ParsedMail, label: string) => {
    const page = await s.http.get(choice(mail, label)).expect(200);
    expect(page.text).toContain(`Confirmer : ${label}`);
    const action = unescape(/<form method="post" action="([^"]+)">/.exec(page.text)![1]);
    return s.http.post(action).expect(200);
  };

  it('asks both parties how it went, records the answers as attendance and outcome, then asks again', async () => {
    const res = await as(s.http, s.organizerToken)
      .post('/api/editions', liveEditionBody({ name: 'Rencontres ESS Hérault' }))
      .expect(201);
    const edition = res.body as { id: string; slots: { id: string }[] };
    const stand = await s.onboardExhibitor(edition.id);
    const meet = async (slotId: string, cancel = false) => {
      const visitor = await s.registerVisitor(edition.id);
      const request = await as(s.http, visitor.token)
        .post(`/api/editions/${edition.id}/meetings`, { toParticipantId: stand.participantId })
        .expect(201);
      await as(s.http, stand.token)
        .post(`/api/meetings/${request.body.id}/accept`, { slotId })
        .expect(200);
      if (cancel)
        await as(s.http, visitor.token).post(`/api/meetings/${request.body.id}/cancel`).expect(200);
      return { visitor, meetingId: (request.body as { id: string }).id };
    };
    const [first, second, third] = edition.slots;
    const useful = await meet(first.id);
    const missed = await meet(second.id);
    const cancelled = await meet(third.id, true);
    const asked = (m: ParsedMail) => /qu’en est-il sorti/.test(m.subject ?? '');

    // The edition is not over: nobody is asked yet.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(smtp.to(useful.visitor.email).filter(asked)).toHaveLength(0);

    await age(edition.id, 1);
    const [question] = await smtp.waitFor(useful.visitor.email, asked);
    expect(question.subject).toMatch(/^Votre rendez-vous avec .+ : qu’en est-il sorti \?$/);
    for (const label of [
      'Il n’a pas eu lieu',
      'Pas pertinent',
      'Instructif',
      'Coopération possible',
    ])
      expect(choice(question, label)).toMatch(/^\/api\/feedback\?/);
    // Both sides of each meeting that may have happened; not the cancelled one.
    await smtp.waitFor(stand.email, asked, 2);
    await smtp.waitFor(missed.visitor.email, asked);
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(smtp.to(cancelled.visitor.email).filter(asked)).toHaveLength(0);
    expect(smtp.to(stand.email).filter(asked)).toHaveLength(2);

    // A link with another signature, or an answer of the other stage, records nothing.
    const link = choice(question, 'Coopération possible');
    const forged = await s.http.get(
      link.replace(/sig=[^&]+/, 'sig=AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
    );
    expect(forged.status).toBe(400);
    expect(forged.body).toMatchObject({ code: 'mail/bad_link' });
    const wrong = await s.http.post(link.replace('cooperation_possible', 'agreement_reached'));
    expect(wrong.status).toBe(400);
    expect(wrong.body).toMatchObject({ code: 'feedback/bad_answer' });
    // Opening the link alone (as a mail scanner does) records nothing either.
    const meeting = async (id: string) =>
      (await as(s.http, s.organizerToken).get(`/api/meetings/${id}`).expect(200)).body as {
        status: string;
        outcome: string | null;
      };
    await s.http.get(link).expect(200);
    expect(await meeting(useful.meetingId)).toMatchObject({ status: 'scheduled', outcome: null });

    const thanks = await answer(question, 'Coopération possible');
    expect(thanks.text).toContain('Merci, c’est noté : Coopération possible.');
    expect(await meeting(useful.meetingId)).toMatchObject({ status: 'held', outcome: 'follow_up' });
    // The stand says it was only informative, from its agenda: the outcome is not lowered.
    const fromAgenda = await as(s.http, stand.token)
      .post(`/api/meetings/${useful.meetingId}/feedback`, { stage: 'first', answer: 'informative' })
      .expect(200);
    expect(fromAgenda.body).toMatchObject({ status: 'held', outcome: 'follow_up' });
    // Somebody else's meeting is not theirs to answer about.
    await as(s.http, missed.visitor.token)
      .post(`/api/meetings/${useful.meetingId}/feedback`, { stage: 'first', answer: 'not_held' })
      .expect(404);
    const [missedQuestion] = smtp.to(missed.visitor.email).filter(asked);
    await answer(missedQuestion, 'Il n’a pas eu lieu');
    expect(await meeting(missed.meetingId)).toMatchObject({ status: 'no_show', outcome: null });

    const stats = async () =>
      (await as(s.http, s.organizerToken).get(`/api/editions/${edition.id}/stats`).expect(200))
        .body as { feedback: { meetingsAnswered: number; first: object; second: object } };
    expect((await stats()).feedback).toEqual({
      meetingsAnswered: 2,
      first: { not_held: 1, not_relevant: 0, informative: 1, cooperation_possible: 1 },
      second: { agreement_reached: 0, in_discussion: 0, no_agreement: 0 },
    });

    // Two days after the end: the meeting with a cooperation in view is asked about again, to both.
    const again = (m: ParsedMail) => /un accord a-t-il été trouvé/.test(m.subject ?? '');
    expect(smtp.to(useful.visitor.email).filter(again)).toHaveLength(0);
    await age(edition.id, 2);
    const [followUp] = await smtp.waitFor(useful.visitor.email, again);
    await smtp.waitFor(stand.email, again);
    const agreed = await answer(followUp, 'Oui, un accord a été trouvé');
    expect(agreed.text).toContain(
      `href="https://salon.example/agenda?declare=${useful.meetingId}"`,
    );
    expect(await meeting(useful.meetingId)).toMatchObject({
      status: 'held',
      outcome: 'convention_envisaged',
    });
    expect((await stats()).feedback.second).toEqual({
      agreement_reached: 1,
      in_discussion: 0,
      no_agreement: 0,
    });
    // Each question once, however many sweeps since; none about the meeting that did not happen.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(smtp.to(useful.visitor.email).filter(asked)).toHaveLength(1);
    expect(smtp.to(useful.visitor.email).filter(again)).toHaveLength(1);
    expect(smtp.to(missed.visitor.email).filter(again)).toHaveLength(0);
  });
});
