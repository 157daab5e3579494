import { useEffect, useState } from 'preact/hooks';
import { MEETING_WINDOWS, type MeetingWindow } from '../../../src/meetings/meeting-rules';
import { api, type Edition, type Exhibitor, type Meeting } from '../api';
import { ErrorText, SelectField, SlotPicker } from '../components';
import { t } from '../i18n';
import { Link } from '../router';
import { myParticipantId, useStore } from '../store';
import { AlsoLike } from './Suggestions';

export function ExhibitorPage({ edition, id }: { edition: Edition; id: string }) {
  const [exhibitor, setExhibitor] = useState<Exhibitor | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<Exhibitor>(`/editions/${edition.id}/exhibitors/${id}`).then(setExhibitor, setError);
  }, [edition.id, id]);
  if (error) return <ErrorText error={error} />;
  if (!exhibitor) return <p aria-busy="true">{t('common.loading')}</p>;
  const o = exhibitor.organization;
  return (
    <article class="exhibitor">
      <p>
        <Link href="/">{t('exhibitor.back')}</Link>
      </p>
      <h1>{o.name}</h1>
      <p class="meta">
        {t(`legalForm.${o.legalForm}`)} · {o.city} ({o.department})
      </p>
      <p class="stand">{t('exhibitor.stand', { stand: exhibitor.stand })}</p>
      <ul class="tags" aria-label={t('catalogue.sectors')}>
        {o.sectors.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <p>{o.description}</p>
      <div class="columns">
        <section>
          <h2>{t('exhibitor.offers')}</h2>
          <ul>
            {o.offers.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </section>
        <section>
          <h2>{t('exhibitor.needs')}</h2>
          <ul>
            {o.needs.map((x) => (
              <li key={x}>{x}</li>
            ))}
          </ul>
        </section>
      </div>
      {o.website && (
        <p>
          <a href={o.website} rel="noopener noreferrer">
            {t('exhibitor.website')}
          </a>
        </p>
      )}
      <MeetingRequest edition={edition} exhibitor={exhibitor} />
      <AlsoLike edition={edition} exhibitorParticipantId={exhibitor.participantId} />
    </article>
  );
}

function MeetingRequest({ edition, exhibitor }: { edition: Edition; exhibitor: Exhibitor }) {
  const store = useStore();
  const [slotId, setSlotId] = useState('');
  const [message, setMessage] = useState('');
  const [priority, setPriority] = useState(0);
  const [halfDay, setHalfDay] = useState<MeetingWindow>('any');
  const [sent, setSent] = useState<Meeting | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const me = myParticipantId(store);

  if (!store.me) {
    return (
      <section class="panel">
        <h2>{t('request.title')}</h2>
        <p>
          <Link href={`/login?next=${encodeURIComponent(location.pathname)}`}>
            {t('request.loginFirst')}
          </Link>
        </p>
      </section>
    );
  }
  const contact = exhibitor.participantId;
  if (!me || !contact || me === contact) return null;
  if (sent) {
    return (
      <section class="panel" role="status">
        <h2>{t('request.title')}</h2>
        <p class="success">{t('request.sent', { name: exhibitor.organization.name })}</p>
        <p>
          <Link href="/agenda">{t('request.seeAgenda')}</Link>
        </p>
      </section>
    );
  }
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const meeting = await api<Meeting>(`/editions/${edition.id}/meetings`, {
        method: 'POST',
        body: {
          toParticipantId: contact,
          message: message.trim() || undefined,
          slotId: slotId || undefined,
          priority,
          window: halfDay,
        },
      });
      setSent(meeting);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section class="panel">
      <h2>{t('request.title')}</h2>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <SlotPicker
          editionId={edition.id}
          withParticipantId={contact}
          timeZone={edition.timezone}
          label={t('request.slot')}
          value={slotId}
          onChange={setSlotId}
          optional
        />
        <div class="field">
          <label for="message">{t('request.message')}</label>
          <textarea
            id="message"
            rows={3}
            maxLength={1000}
            value={message}
            onInput={(e) => setMessage(e.currentTarget.value)}
          />
        </div>
        <SelectField
          name="priority"
          label={t('request.priority')}
          hint={t('request.priorityHint')}
          value={priority}
          options={[0, 1, 2].map((p) => [p, t(`request.priorities.${p}`)] as const)}
          onChange={setPriority}
        />
        <SelectField
          name="window"
          label={t('request.window')}
          value={halfDay}
          options={MEETING_WINDOWS.map((w) => [w, t(`request.windows.${w}`)] as const)}
          onChange={setHalfDay}
        />
        <ErrorText error={error} />
        <button type="submit" disabled={busy}>
          {t('request.send')}
        </button>
      </form>
    </section>
  );
}
