import type { MailKind } from './outbox.entity.js';

export type Language = 'fr' | 'en';

/** What a message says, gathered by the sender when it renders it. */
export interface MessageFacts {
  firstName: string;
  editionName: string;
  /** A link into the web app. */
  url: string;
  badgeCode?: string;
  venue?: string;
  /** The other person of a meeting: "Camille Martin (Fromagerie du Larzac)". */
  partner?: string;
  /** The meeting's time, written in the edition's time zone and the reader's language. */
  when?: string | null;
  place?: string | null;
  note?: string | null;
  /** The people whose requests wait for an answer (the digest). */
  waiting?: string[];
  /** The signed link that turns this kind of message off. */
  unsubscribeUrl: string;
}

export interface Rendered {
  subject: string;
  text: string;
  html: string;
}

type Lines = (f: MessageFacts) => { subject: string; lines: string[]; action: string };

const where = (f: MessageFacts, lang: Language): string[] =>
  [
    f.when ? (lang === 'fr' ? `Quand : ${f.when}` : `When: ${f.when}`) : null,
    f.place ? (lang === 'fr' ? `Où : ${f.place}` : `Where: ${f.place}`) : null,
  ].filter((line): line is string => line !== null);

const quoted = (f: MessageFacts, lang: Language): string[] =>
  f.note ? [lang === 'fr' ? `Son message : « ${f.note} »` : `Their message: "${f.note}"`] : [];

const TEXTS: Record<Language, Record<MailKind, Lines>> = {
  fr: {
    'registration.confirmed': (f) => ({
      subject: `Votre inscription à ${f.editionName}`,
      lines: [
        `Bonjour ${f.firstName},`,
        `Votre inscription à ${f.editionName}${f.venue ? ` (${f.venue})` : ''} est enregistrée.`,
        `Votre badge : ${f.badgeCode}. Présentez son QR code, joint à ce message, à l’accueil.`,
        'Consultez les suggestions de rendez-vous et demandez ceux qui vous intéressent.',
      ],
      action: 'Voir mon badge',
    }),
    'meeting.requested': (f) => ({
      subject: `${f.partner} vous propose un rendez-vous`,
      lines: [
        `Bonjour ${f.firstName},`,
        `${f.partner} vous propose un rendez-vous à ${f.editionName}.`,
        ...quoted(f, 'fr'),
        'Acceptez-le ou déclinez-le depuis votre agenda.',
      ],
      action: 'Répondre',
    }),
    'meeting.accepted': (f) => ({
      subject: `Rendez-vous confirmé avec ${f.partner}`,
      lines: [
        `Bonjour ${f.firstName},`,
        `${f.partner} a accepté votre rendez-vous à ${f.editionName}.`,
        ...where(f, 'fr'),
        'Le rendez-vous est joint à ce message pour votre calendrier.',
      ],
      action: 'Voir mon agenda',
    }),
    'meeting.declined': (f) => ({
      subject: `${f.partner} a décliné votre demande`,
      lines: [
        `Bonjour ${f.firstName},`,
        `${f.partner} ne peut pas vous rencontrer à ${f.editionName}.`,
        'D’autres suggestions vous attendent.',
      ],
      action: 'Voir mes suggestions',
    }),
    'meeting.cancelled': (f) => ({
      subject: `Rendez-vous annulé avec ${f.partner}`,
      lines: [
        `Bonjour ${f.firstName},`,
        `Votre rendez-vous avec ${f.partner} à ${f.editionName} est annulé.`,
        ...where(f, 'fr'),
      ],
      action: 'Voir mon agenda',
    }),
    'meeting.rescheduled': (f) => ({
      subject: `Rendez-vous déplacé avec ${f.partner}`,
      lines: [
        `Bonjour ${f.firstName},`,
        `Votre rendez-vous avec ${f.partner} à ${f.editionName} change d’horaire.`,
        ...where(f, 'fr'),
        'Le nouvel horaire est joint à ce message pour votre calendrier.',
      ],
      action: 'Voir mon agenda',
    }),
    'requests.digest': (f) => ({
      subject:
        f.waiting!.length === 1
          ? `Une demande de rendez-vous attend votre réponse`
          : `${f.waiting!.length} demandes de rendez-vous attendent votre réponse`,
      lines: [
        `Bonjour ${f.firstName},`,
        `Pour ${f.editionName}, ${f.waiting!.length === 1 ? 'cette personne attend' : 'ces personnes attendent'} votre réponse :`,
        ...f.waiting!.map((who) => `– ${who}`),
      ],
      action: 'Répondre',
    }),
    'meeting.reminder': (f) => ({
      subject: `Bientôt : votre rendez-vous avec ${f.partner}`,
      lines: [
        `Bonjour ${f.firstName},`,
        `Votre rendez-vous avec ${f.partner} approche.`,
        ...where(f, 'fr'),
      ],
      action: 'Voir mon agenda',
    }),
  },
  en: {
    'registration.confirmed': (f) => ({
      subject: `Your registration for ${f.editionName}`,
      lines: [
        `Hello ${f.firstName},`,
        `Your registration for ${f.editionName}${f.venue ? ` (${f.venue})` : ''} is recorded.`,
        `Your badge: ${f.badgeCode}. Show its QR code, attached, at the entrance.`,
        'Look at the meetings suggested to you and request those you want.',
      ],
      action: 'See my badge',
    }),
    'meeting.requested': (f) => ({
      subject: `${f.partner} would like to meet you`,
      lines: [
        `Hello ${f.firstName},`,
        `${f.partner} would like to meet you at ${f.editionName}.`,
        ...quoted(f, 'en'),
        'Accept or decline it from your agenda.',
      ],
      action: 'Answer',
    }),
    'meeting.accepted': (f) => ({
      subject: `Meeting confirmed with ${f.partner}`,
      lines: [
        `Hello ${f.firstName},`,
        `${f.partner} accepted your meeting at ${f.editionName}.`,
        ...where(f, 'en'),
        'The meeting is attached for your calendar.',
      ],
      action: 'See my agenda',
    }),
    'meeting.declined': (f) => ({
      subject: `${f.partner} declined your request`,
      lines: [
        `Hello ${f.firstName},`,
        `${f.partner} cannot meet you at ${f.editionName}.`,
        'Other suggestions are waiting for you.',
      ],
      action: 'See my suggestions',
    }),
    'meeting.cancelled': (f) => ({
      subject: `Meeting cancelled with ${f.partner}`,
      lines: [
        `Hello ${f.firstName},`,
        `Your meeting with ${f.partner} at ${f.editionName} is cancelled.`,
        ...where(f, 'en'),
      ],
      action: 'See my agenda',
    }),
    'meeting.rescheduled': (f) => ({
      subject: `Meeting moved with ${f.partner}`,
      lines: [
        `Hello ${f.firstName},`,
        `Your meeting with ${f.partner} at ${f.editionName} has a new time.`,
        ...where(f, 'en'),
        'The new time is attached for your calendar.',
      ],
      action: 'See my agenda',
    }),
    'requests.digest': (f) => ({
      subject:
        f.waiting!.length === 1
          ? 'A meeting request is waiting for your answer'
          : `${f.waiting!.length} meeting requests are waiting for your answer`,
      lines: [
        `Hello ${f.firstName},`,
        `For ${f.editionName}, ${f.waiting!.length === 1 ? 'this person is' : 'these people are'} waiting for your answer:`,
        ...f.waiting!.map((who) => `– ${who}`),
      ],
      action: 'Answer',
    }),
    'meeting.reminder': (f) => ({
      subject: `Soon: your meeting with ${f.partner}`,
      lines: [
        `Hello ${f.firstName},`,
        `Your meeting with ${f.partner} is coming up.`,
        ...where(f, 'en'),
      ],
      action: 'See my agenda',
    }),
  },
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The message in the reader's language, as plain text and as HTML saying the same. */
export function render(kind: MailKind, facts: MessageFacts, lang: Language): Rendered {
  const { subject, lines, action } = TEXTS[lang][kind](facts);
  // French puts a space before a colon.
  const link = `${action}${lang === 'fr' ? ' : ' : ': '}${facts.url}`;
  const stop = lang === 'fr' ? 'Ne plus recevoir ce type de message' : 'Stop this kind of message';
  const text = [
    ...lines,
    '',
    link,
    '',
    '— Coventis',
    `${stop}${lang === 'fr' ? ' : ' : ': '}${facts.unsubscribeUrl}`,
  ].join('\n');
  const html = [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a">',
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${escapeHtml(facts.url)}" style="background: #0b6e4f; color: #fff; padding: 8px 16px; border-radius: 4px; text-decoration: none">${escapeHtml(action)}</a></p>`,
    '<p style="color: #666">— Coventis</p>',
    `<p style="color: #666; font-size: small"><a href="${escapeHtml(facts.unsubscribeUrl)}">${escapeHtml(stop)}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
