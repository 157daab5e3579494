import { useEffect, useState } from 'preact/hooks';
import { api } from '../api';
import { ErrorText } from '../components';
import { t } from '../i18n';

/** The kinds of mail, in the order a person meets them. */
const KINDS = [
  'registration.confirmed',
  'meeting.requested',
  'requests.digest',
  'meeting.accepted',
  'meeting.declined',
  'meeting.rescheduled',
  'meeting.cancelled',
  'schedule.published',
  'meeting.reminder',
  'feedback.request',
  'feedback.follow_up',
] as const;

/** Which mail I get: a box per kind, ticked when it is sent to me; saved at each change. */
export function MailPreferences() {
  const [off, setOff] = useState<string[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    api<{ off: string[] }>('/mail/preferences').then((p) => setOff(p.off), setError);
  }, []);
  if (!off) return error ? <ErrorText error={error} /> : null;

  const toggle = async (kind: string, wanted: boolean) => {
    const before = off;
    const next = wanted ? off.filter((k) => k !== kind) : [...off, kind];
    setOff(next); // the box shows its new state at once, put back if the API refuses
    setError(null);
    setSaved('');
    try {
      const result = await api<{ off: string[] }>('/mail/preferences', {
        method: 'PUT',
        body: { off: next },
      });
      setOff(result.off);
      setSaved(
        t(wanted ? 'mail.on' : 'mail.off', { kind: t(`mail.kinds.${kind.replace('.', '_')}`) }),
      );
    } catch (e) {
      setError(e);
      setOff(before);
    }
  };

  return (
    <section class="mail-preferences" aria-labelledby="mail-title">
      <h2 id="mail-title">{t('mail.title')}</h2>
      <p class="hint">{t('mail.hint')}</p>
      <ErrorText error={error} />
      <p class="success" role="status">
        {saved}
      </p>
      <fieldset class="field">
        <legend>{t('mail.legend')}</legend>
        {KINDS.map((kind) => (
          <label key={kind} class="choice">
            <input
              type="checkbox"
              checked={!off.includes(kind)}
              onChange={(e) => void toggle(kind, e.currentTarget.checked)}
            />
            {t(`mail.kinds.${kind.replace('.', '_')}`)}
          </label>
        ))}
      </fieldset>
    </section>
  );
}
