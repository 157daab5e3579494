import type { ParsedMail } from 'mailparser';
import {
  as,
  TestSession,
  type EditionInfo,
  type ExhibitorInfo,
  type VisitorInfo,
} from './support/session.js';
import { SmtpPeer } from './support/smtp.js';

const ics = (mail: ParsedMail) =>
  mail.attachments.find((a) => a.contentType.startsWith('text/calendar'))?.content.toString() ?? '';

describe('mail through a real SMTP server, from the outbox', () => {
  let smtp: SmtpPeer;
  let s: TestSession;
  let edition: EditionInfo;
  let exhibitor: ExhibitorInfo;

  beforeAll(async () => {
    smtp = await SmtpPeer.start();
    s = await TestSession.start({
      SMTP_URL: smtp.url,
      MAIL_POLL_MS: '200',
      PUBLIC_URL: 'https://salon.example',
    });
    edition = await s.createEdition({ name: 'Rencontres ESS Occitanie' });
    exhibitor = await s.onboardExhibitor(edition.id);
  });
  afterAll(async () => {
    await s.close();
    await smtp.stop();
  });

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
});

describe('the digest of requests waiting for an answer', () => {
  let smtp: SmtpPeer;
  let s: TestSession;
  beforeAll(async () => {
    smtp = await SmtpPeer.start();
    // Periods of 30 days: the test does not cross into another one.
    s = await TestSession.start({
      SMTP_URL: smtp.url,
      MAIL_POLL_MS: '200',
      MAIL_DIGEST_HOURS: '720',
    });
  });
  afterAll(async () => {
    await s.close();
    await smtp.stop();
  });

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
