import i18next from 'i18next';
import { t } from './i18n';

const STATUSES = [400, 401, 403, 404, 409, 413, 429, 500] as const;

/**
 * The reader's sentence for an API error code (locales/errors.ts), in the current language; a code
 * with no sentence is told by its status, never by the server's English message.
 */
export function errorSentence(code: string | undefined, status: number, limit?: number): string {
  const options = limit === undefined ? {} : { count: limit };
  if (code && i18next.exists(`errors.${code}`, options)) return t(`errors.${code}`, options);
  const known = status >= 500 ? 500 : (STATUSES.find((s) => s === status) ?? 400);
  return t(`errorStatus.${known}`);
}
