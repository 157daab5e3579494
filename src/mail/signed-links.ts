import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Links in mail that act without logging in ("stop this kind of mail", "how did the meeting go"):
 * the signature covers who and what, so whoever holds the message may use it for that only.
 */
export function linkSignature(secret: string, ...parts: string[]): string {
  return createHmac('sha256', secret).update(parts.join(':')).digest('base64url').slice(0, 32);
}

export function validLinkSignature(
  secret: string,
  signature: unknown,
  ...parts: string[]
): boolean {
  if (typeof signature !== 'string') return false;
  const expected = Buffer.from(linkSignature(secret, ...parts));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export function validUnsubscribe(
  secret: string,
  userId: string,
  kind: string,
  signature: string,
): boolean {
  return validLinkSignature(secret, signature, 'unsubscribe', userId, kind);
}

export function unsubscribeUrl(
  publicUrl: string,
  secret: string,
  userId: string,
  kind: string,
): string {
  const query = new URLSearchParams({
    user: userId,
    kind,
    sig: linkSignature(secret, 'unsubscribe', userId, kind),
  });
  return `${publicUrl.replace(/\/$/, '')}/api/mail/unsubscribe?${query}`;
}

/** What a feedback link answers for: a meeting, the side answering, the account, the stage. */
export interface FeedbackLink {
  meeting: string;
  party: string;
  user: string;
  stage: string;
}

const feedbackParts = (l: FeedbackLink) => ['feedback', l.meeting, l.party, l.user, l.stage];

/** The page that records `answer` (the link of one choice in the mail). */
export function feedbackUrl(
  publicUrl: string,
  secret: string,
  link: FeedbackLink,
  answer: string,
): string {
  const query = new URLSearchParams({
    ...link,
    answer,
    sig: linkSignature(secret, ...feedbackParts(link)),
  });
  return `${publicUrl.replace(/\/$/, '')}/api/feedback?${query}`;
}

export function validFeedbackLink(secret: string, link: FeedbackLink, signature: unknown): boolean {
  return validLinkSignature(secret, signature, ...feedbackParts(link));
}
