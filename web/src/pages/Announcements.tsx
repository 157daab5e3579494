import { useState } from 'preact/hooks';
import { api, ApiError, type Edition } from '../api';
import { ErrorText, TextAreaField } from '../components';
import { formatTime, t } from '../i18n';
import { useLive } from '../live';
import { useStore } from '../store';

interface Announcement {
  id: string;
  editionId: string;
  message: string;
  sentAt: string;
}

/** The organizers' announcements of the shown edition, as they arrive, until closed. */
export function AnnouncementBanner() {
  const { token, edition } = useStore();
  const [shown, setShown] = useState<Announcement[]>([]);
  useLive(token, ['announcement'], ({ payload }) => {
    if (payload.editionId === edition?.id) setShown((list) => [payload, ...list].slice(0, 3));
  });
  if (shown.length === 0) return null;
  return (
    <div class="announcements" role="status" aria-live="polite">
      {shown.map((a) => (
        <p key={a.id} class="announcement">
          <strong>{t('announcements.banner')}</strong>{' '}
          <time dateTime={a.sentAt}>{formatTime(a.sentAt, edition?.timezone)}</time> — {a.message}{' '}
          <button
            type="button"
            class="link"
            aria-label={t('announcements.close')}
            onClick={() => setShown((list) => list.filter((x) => x.id !== a.id))}
          >
            ×
          </button>
        </p>
      ))}
    </div>
  );
}

/** The organizer writes to everyone taking part in the edition. */
export function AnnouncementForm({ edition }: { edition: Edition }) {
  const [message, setMessage] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const send = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSent(false);
    try {
      await api(`/editions/${edition.id}/announcements`, { method: 'POST', body: { message } });
      setMessage('');
      setSent(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="card" aria-labelledby="announce-title">
      <h2 id="announce-title">{t('announcements.title')}</h2>
      <form noValidate onSubmit={(e) => void send(e)}>
        <TextAreaField
          name="message"
          label={t('announcements.message')}
          hint={t('announcements.hint')}
          rows={2}
          value={message}
          onInput={(e) => {
            setSent(false);
            setMessage(e.currentTarget.value);
          }}
          errors={error instanceof ApiError ? error.about('message') : []}
        />
        <ErrorText error={error} placed={['message']} />
        <p class="success" role="status">
          {sent ? t('announcements.sent') : ''}
        </p>
        <button type="submit" disabled={busy}>
          {t('announcements.send')}
        </button>
      </form>
    </section>
  );
}
