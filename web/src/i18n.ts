import i18next from 'i18next';
import { useEffect, useState } from 'preact/hooks';
import en from './locales/en';
import fr from './locales/fr';

/** French first, English available; the choice is remembered on this device. */
export const LANGUAGES = ['fr', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
const KEY = 'coventis.lang';

const saved = localStorage.getItem(KEY);
void i18next.init({
  lng: saved === 'en' ? 'en' : 'fr',
  fallbackLng: 'fr',
  resources: { fr: { translation: fr }, en: { translation: en } },
  interpolation: { escapeValue: false },
  initAsync: false,
});
document.documentElement.lang = i18next.language;

export const t = i18next.t.bind(i18next);

export async function setLanguage(lng: Language): Promise<void> {
  localStorage.setItem(KEY, lng);
  await i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
}

/** The current language; a component using it re-renders when the language changes. */
export function useLanguage(): Language {
  const [lng, setLng] = useState(i18next.language as Language);
  useEffect(() => {
    const update = (next: string) => setLng(next as Language);
    i18next.on('languageChanged', update);
    // A change between the render and this subscription would otherwise be missed (see useStore).
    update(i18next.language);
    return () => i18next.off('languageChanged', update);
  }, []);
  return lng;
}

/** Times are shown in the edition's own zone (the convention is in Europe/Paris), whatever the device's. */
export function formatTime(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(i18next.language, {
    hour: '2-digit',
    minute: '2-digit',
    timeZone,
  }).format(new Date(iso));
}

export function formatDay(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(i18next.language, {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    timeZone,
  }).format(new Date(iso));
}

export function formatSlot(slot: { startsAt: string; endsAt: string }, timeZone?: string): string {
  return t('slot.range', {
    day: formatDay(slot.startsAt, timeZone),
    start: formatTime(slot.startsAt, timeZone),
    end: formatTime(slot.endsAt, timeZone),
  });
}

/** A duration in milliseconds as seconds with one decimal, written the language's way (2,5 or 2.5). */
export function formatSeconds(ms: number): string {
  return new Intl.NumberFormat(i18next.language, {
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(ms / 1000);
}
