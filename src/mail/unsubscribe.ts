import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * The signature of a "stop this kind of mail" link: whoever holds the message may use it, without
 * logging in, for that person and that kind only.
 */
export function unsubscribeSignature(secret: string, userId: string, kind: string): string {
  return createHmac('sha256', secret)
    .update(`unsubscribe:${userId}:${kind}`)
    .digest('base64url')
    .slice(0, 32);
}

export function validUnsubscribe(
  secret: string,
  userId: string,
  kind: string,
  signature: string,
): boolean {
  const expected = Buffer.from(unsubscribeSignature(secret, userId, kind));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
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
    sig: unsubscribeSignature(secret, userId, kind),
  });
  return `${publicUrl.replace(/\/$/, '')}/api/mail/unsubscribe?${query}`;
}
