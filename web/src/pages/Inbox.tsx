import { useState } from 'preact/hooks';
import type { TeamMember } from '../../../src/contract/api';
import { api, type Edition, type Meeting } from '../api';
import { ErrorText, LiveIndicator, SelectField, SlotPicker } from '../components';
import { formatSlot, t } from '../i18n';
import { Link } from '../router';
import { myParticipantId, useStore } from '../store';
import { partnerName, useAgenda } from './Agenda';
import { memberName, useTeam } from './Team';

/** Requests waiting for my answer, arriving live; accepting means choosing a slot we both have free. */
export function Inbox({ edition }: { edition: Edition }) {
  const { agenda, error, live, reload } = useAgenda(edition);
  // The stand's members, who may hold what I accept (the stand's requests reach us all).
  const members = useTeam(edition).team?.members ?? [];
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
          <Request
            key={m.id}
            edition={edition}
            meeting={m}
            members={members}
            onDone={() => void reload()}
          />
        ))}
      </ul>
    </section>
  );
}

function Request({
  edition,
  meeting,
  members,
  onDone,
}: {
  edition: Edition;
  meeting: Meeting;
  members: TeamMember[];
  onDone: () => void;
}) {
  const me = myParticipantId(useStore());
  const [picking, setPicking] = useState(false);
  const [slotId, setSlotId] = useState('');
  const [holderId, setHolderId] = useState(me ?? '');
  const [error, setError] = useState<unknown>(null);
  const answer = async (action: 'accept' | 'decline') => {
    setError(null);
    try {
      await api(`/meetings/${meeting.id}/${action}`, {
        method: 'POST',
        body: action === 'accept' ? { slotId, ...(holderId ? { holderId } : {}) } : {},
      });
      onDone();
    } catch (e) {
      setError(e);
    }
  };
  const name = partnerName(meeting);
  const addressed = meeting.invitee.participantId !== me ? meeting.invitee : null;
  return (
    <li class="meeting request" aria-label={name}>
      <div>
        <p class="partner">{name}</p>
        {addressed && <p class="meta">{t('holder.addressed', { name: memberName(addressed) })}</p>}
        {meeting.message && <blockquote>{meeting.message}</blockquote>}
        {meeting.wishedSlot && (
          <p class="meta">
            {t('agenda.wished', { slot: formatSlot(meeting.wishedSlot, edition.timezone) })}
          </p>
        )}
        {picking ? (
          <form
            noValidate
            onSubmit={(e) => {
              e.preventDefault();
              void answer('accept');
            }}
          >
            {members.length > 1 && (
              <SelectField
                name={`holder-${meeting.id}`}
                label={t('holder.label')}
                value={holderId}
                options={members.map(
                  (m) =>
                    [
                      m.participantId,
                      m.participantId === me
                        ? t('holder.me', { name: memberName(m) })
                        : memberName(m),
                    ] as const,
                )}
                onChange={(id) => {
                  setHolderId(id);
                  setSlotId('');
                }}
              />
            )}
            <SlotPicker
              key={holderId}
              holderId={holderId && holderId !== me ? holderId : undefined}
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
