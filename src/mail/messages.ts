import type { FeedbackAnswer } from '../contract/vocabularies.js';
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
  /** The reader's meetings, one line each (the published schedule). */
  agenda?: string[];
  /** The answers offered, each a link that records it (the feedback questions). */
  choices?: { label: string; url: string }[];
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
    'schedule.published': (f) => ({
      subject: `Votre agenda de ${f.editionName} est publié`,
      lines: [
        `Bonjour ${f.firstName},`,
        `Le planning des rendez-vous de ${f.editionName} est publié. Voici le vôtre :`,
        ...f.agenda!.map((line) => `– ${line}`),
        'Vos rendez-vous sont joints à ce message pour votre calendrier.',
      ],
      action: 'Voir mon agenda',
    }),
    'feedback.request': (f) => ({
      subject: `Votre rendez-vous avec ${f.partner} : qu’en est-il sorti ?`,
      lines: [
        `Bonjour ${f.firstName},`,
        `À ${f.editionName}, vous aviez rendez-vous avec ${f.partner}.`,
        ...where(f, 'fr'),
        'Dites-nous en un clic ce qu’il a donné : vos réponses aident les organisateurs à suivre les coopérations nées de la convention.',
      ],
      action: 'Voir mon agenda',
    }),
    'feedback.follow_up': (f) => ({
      subject: `${f.partner} : un accord a-t-il été trouvé ?`,
      lines: [
        `Bonjour ${f.firstName},`,
        `Après votre rendez-vous avec ${f.partner} à ${f.editionName}, une coopération vous semblait possible.`,
        'Où en êtes-vous ? Si un accord a été trouvé, vous pourrez déclarer la convention.',
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
    'schedule.published': (f) => ({
      subject: `Your agenda for ${f.editionName} is published`,
      lines: [
        `Hello ${f.firstName},`,
        `The meeting schedule of ${f.editionName} is published. Here is yours:`,
        ...f.agenda!.map((line) => `– ${line}`),
        'Your meetings are attached for your calendar.',
      ],
      action: 'See my agenda',
    }),
    'feedback.request': (f) => ({
      subject: `Your meeting with ${f.partner}: what came of it?`,
      lines: [
        `Hello ${f.firstName},`,
        `At ${f.editionName}, you had a meeting with ${f.partner}.`,
        ...where(f, 'en'),
        'Tell us in one click how it went: your answers help the organizers follow the cooperations born at the convention.',
      ],
      action: 'See my agenda',
    }),
    'feedback.follow_up': (f) => ({
      subject: `${f.partner}: was an agreement reached?`,
      lines: [
        `Hello ${f.firstName},`,
        `After your meeting with ${f.partner} at ${f.editionName}, a cooperation seemed possible.`,
        'Where do things stand? If an agreement was reached, you can declare the convention.',
      ],
      action: 'See my agenda',
    }),
  },
};

/** The answers of the feedback questions, as the mail and the page of its links name them. */
export const FEEDBACK_LABELS: Record<Language, Record<FeedbackAnswer, string>> = {
  fr: {
    not_held: 'Il n’a pas eu lieu',
    not_relevant: 'Pas pertinent',
    informative: 'Instructif',
    cooperation_possible: 'Coopération possible',
    agreement_reached: 'Oui, un accord a été trouvé',
    in_discussion: 'Nous en discutons encore',
    no_agreement: 'Non, pas d’accord',
  },
  en: {
    not_held: 'It did not take place',
    not_relevant: 'Not relevant',
    informative: 'Informative',
    cooperation_possible: 'Cooperation possible',
    agreement_reached: 'Yes, we reached an agreement',
    in_discussion: 'We are still discussing',
    no_agreement: 'No agreement',
  },
};

export const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The message in the reader's language, as plain text and as HTML saying the same. */
export function render(kind: MailKind, facts: MessageFacts, lang: Language): Rendered {
  const { subject, lines, action } = TEXTS[lang][kind](facts);
  // French puts a space before a colon.
  const colon = lang === 'fr' ? ' : ' : ': ';
  const link = `${action}${colon}${facts.url}`;
  const stop = lang === 'fr' ? 'Ne plus recevoir ce type de message' : 'Stop this kind of message';
  const choices = facts.choices ?? [];
  const text = [
    ...lines,
    ...(choices.length ? ['', ...choices.map((c) => `– ${c.label}${colon}${c.url}`)] : []),
    '',
    link,
    '',
    '— Coventis',
    `${stop}${colon}${facts.unsubscribeUrl}`,
  ].join('\n');
  const html = [
    `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    '<body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a">',
    ...lines.map((line) => `<p>${escapeHtml(line)}</p>`),
    ...choices.map(
      (c) =>
        `<p><a href="${escapeHtml(c.url)}" style="display: inline-block; border: 1px solid #0b6e4f; color: #0b6e4f; padding: 6px 14px; border-radius: 4px; text-decoration: none">${escapeHtml(c.label)}</a></p>`,
    ),
    `<p><a href="${escapeHtml(facts.url)}" style="background: #0b6e4f; color: #fff; padding: 8px 16px; border-radius: 4px; text-decoration: none">${escapeHtml(action)}</a></p>`,
    '<p style="color: #666">— Coventis</p>',
    `<p style="color: #666; font-size: small"><a href="${escapeHtml(facts.unsubscribeUrl)}">${escapeHtml(stop)}</a></p>`,
    '</body></html>',
  ].join('\n');
  return { subject, text, html };
}
