import { useState } from 'preact/hooks';
import { api, type Edition, type Meeting } from '../api';
import { ErrorText, LiveIndicator, SlotPicker } from '../components';
import { formatSlot, t } from '../i18n';
import { Link } from '../router';
import { partnerName, useAgenda } from './Agenda';

/** Requests waiting for my answer, arriving live; accepting means choosing a slot we both have free. */
export function Inbox({ edition }: { edition: Edition }) {
  const { agenda, error, live, reload } = useAgenda(edition);
  if (error) return <ErrorText error={error} />;
  if (!agenda) return <p aria-busy="true">{t('common.loading')}</p>;
  const incoming = agenda.meetings.filter(
    (m) => m.status === 'requested' && m.direction === 'incoming',
  );
  return (
    <section>
      <div class="title-row">
        <h1>{t('inbox.title')}</h1>
        <LiveIndicator live={live} />
      </div>
      <p>
        <Link href="/profile">{t('profile.link')}</Link>
      </p>
      <p role="status" aria-live="polite">
        {t('inbox.count', { count: incoming.length })}
      </p>
      <ul class="meetings">
        {incoming.map((m) => (
          <Request key={m.id} edition={edition} meeting={m} onDone={() => void reload()} />
        ))}
      </ul>
    </section>
  );
}

function Request({
  edition,
  meeting,
  onDone,
}: {
  edition: Edition;
  meeting: Meeting;
  onDone: () => void;
}) {
  const [picking, setPicking] = useState(false);
  const [slotId, setSlotId] = useState('');
  const [error, setError] = useState<unknown>(null);
  const answer = async (action: 'accept' | 'decline') => {
    setError(null);
    try {
      await api(`/meetings/${meeting.id}/${action}`, {
        method: 'POST',
        body: action === 'accept' ? { slotId } : {},
      });
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  const name = partnerName(meeting);
  return (
    <li class="meeting request" aria-label={name}>
      <div>
        <p class="partner">{name}</p>
        {meeting.message && <blockquote>{meeting.message}</blockquote>}
        {meeting.wishedSlot && (
          <p class="meta">
            {t('agenda.wished', { slot: formatSlot(meeting.wishedSlot, edition.timezone) })}
          </p>
        )}
        {picking ? (
          <form
            onSubmit={(e) => {
              e.preventDefault();
              void answer('accept');
            }}
          >
            <SlotPicker
              editionId={edition.id}
              withParticipantId={meeting.partner.participantId}
              timeZone={edition.timezone}
              label={t('inbox.slot')}
              value={slotId}
              onChange={setSlotId}
              preferred={meeting.wishedSlot?.id}
            />
            <div class="actions">
              <button type="submit" disabled={!slotId}>
                {t('inbox.confirm')}
              </button>
              <button type="button" class="secondary" onClick={() => setPicking(false)}>
                {t('common.back')}
              </button>
            </div>
          </form>
        ) : (
          <div class="actions">
            <button type="button" onClick={() => setPicking(true)}>
              {t('inbox.accept')}
            </button>
            <button type="button" class="secondary" onClick={() => void answer('decline')}>
              {t('inbox.decline')}
            </button>
          </div>
        )}
        <ErrorText error={error} />
      </div>
    </li>
  );
}
