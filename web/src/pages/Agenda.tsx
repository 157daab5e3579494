import { useEffect, useState } from 'preact/hooks';
import {
  api,
  downloadDocument,
  MEETING_EVENTS,
  type Agenda as AgendaData,
  type Edition,
  type Meeting,
} from '../api';
import { ErrorText, LiveIndicator, SlotPicker } from '../components';
import { formatDay, formatSlot, formatTime, t } from '../i18n';
import { useLive } from '../live';
import { useStore } from '../store';
import { Availability } from './Availability';
import { MailPreferences } from './MailPreferences';
import { DeclareConvention } from './DeclareConvention';
import { HolderControl, useTeam } from './Team';

/** Everything that changes my agenda. */
const AGENDA_EVENTS = [...MEETING_EVENTS, 'agenda.updated'] as const;

/** My agenda, refetched whenever the server says something about my meetings. */
export function useAgenda(edition: Edition) {
  const { token } = useStore();
  const [agenda, setAgenda] = useState<AgendaData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () =>
    api<AgendaData>(`/editions/${edition.id}/agenda`).then((a) => {
      setAgenda(a);
      setError(null);
    }, setError);
  useEffect(() => void load(), [edition.id, token]);
  const live = useLive(
    token,
    AGENDA_EVENTS,
    () => void load(),
    () => void load(),
  );
  return { agenda, error, live, reload: load };
}

export function partnerName(m: Meeting): string {
  const p = m.partner;
  const person = `${p.firstName} ${p.lastName}`;
  return p.organizationName ? `${p.organizationName} (${person})` : person;
}

export function Agenda({ edition }: { edition: Edition }) {
  const { agenda, error, live, reload } = useAgenda(edition);
  const [actionError, setActionError] = useState<unknown>(null);
  // My stand's colleagues, to whom I may hand a meeting (empty for a visitor).
  const members = useTeam(edition).team?.members ?? [];
  // The meeting the mail "an agreement was reached?" sent the person here to declare.
  const [declaring] = useState(() => new URLSearchParams(location.search).get('declare'));
  useEffect(() => {
    if (agenda && declaring) document.getElementById(`field-declare-${declaring}-title`)?.focus();
  }, [agenda !== null, declaring]);
  if (error) return <ErrorText error={error} />;
  if (!agenda) return <p aria-busy="true">{t('common.loading')}</p>;
  const tz = edition.timezone;
  const booked = agenda.meetings
    .filter((m) => ['scheduled', 'held', 'no_show'].includes(m.status) && m.slot)
    .sort((a, b) => a.slot!.startsAt.localeCompare(b.slot!.startsAt));
  const pending = agenda.meetings.filter((m) => m.status === 'requested');
  const days = [...new Set(booked.map((m) => formatDay(m.slot!.startsAt, tz)))];
  const cancel = async (m: Meeting) => {
    setActionError(null);
    try {
      await api(`/meetings/${m.id}/cancel`, { method: 'POST', body: {} });
      await reload();
    } catch (e) {
      setActionError(e);
    }
  };

  return (
    <section>
      <div class="title-row">
        <h1>{t('agenda.title')}</h1>
        <LiveIndicator live={live} />
      </div>
      <p class="actions">
        <a class="button secondary" href={agenda.calendarUrl}>
          {t('agenda.addToCalendar')}
        </a>
        <button
          type="button"
          class="secondary"
          onClick={() => {
            setActionError(null);
            downloadDocument(`/editions/${edition.id}/print/agenda.pdf`, 'agenda.pdf').catch(
              setActionError,
            );
          }}
        >
          {t('agenda.downloadPdf')}
        </button>
      </p>
      <ErrorText error={actionError} />
      <h2>{t('agenda.scheduled', { count: booked.length })}</h2>
      {booked.length === 0 && <p>{t('agenda.none')}</p>}
      {days.map((day) => (
        <section key={day} class="day">
          <h3>{day}</h3>
          <ol class="meetings">
            {booked
              .filter((m) => formatDay(m.slot!.startsAt, tz) === day)
              .map((m) => (
                <li key={m.id} class="meeting" data-status={m.status}>
                  <p class="time">
                    {formatTime(m.slot!.startsAt, tz)}–{formatTime(m.slot!.endsAt, tz)}
                  </p>
                  <div>
                    <p class="partner">{partnerName(m)}</p>
                    {/* Where the meeting is: its table, or the stand it is held at; nothing else. */}
                    <p class="meta">
                      {m.place ?? ''}
                      {m.status !== 'scheduled' && (
                        <span class={`tag tag-${m.status}`}>
                          {t(m.status === 'held' ? 'agenda.held' : 'agenda.noShow')}
                        </span>
                      )}
                    </p>
                    {m.status === 'scheduled' && (
                      <MeetingActions
                        meeting={m}
                        edition={edition}
                        onDone={() => void reload()}
                        onError={setActionError}
                      />
                    )}
                    {m.status === 'scheduled' && (
                      <button type="button" class="link" onClick={() => void cancel(m)}>
                        {t('agenda.cancel')}
                      </button>
                    )}
                    {m.status === 'scheduled' && (
                      <HolderControl meeting={m} members={members} onDone={() => void reload()} />
                    )}
                    <DeclareConvention edition={edition} meeting={m} invited={m.id === declaring} />
                  </div>
                </li>
              ))}
          </ol>
        </section>
      ))}
      <h2>{t('agenda.pending', { count: pending.length })}</h2>
      <ul class="meetings">
        {pending.map((m) => (
          <li key={m.id} class="meeting" data-status={m.status}>
            <div>
              <p class="partner">{partnerName(m)}</p>
              <p class="meta">
                {m.direction === 'incoming' ? t('agenda.incoming') : t('agenda.outgoing')}
                {m.wishedSlot
                  ? ` · ${t('agenda.wished', { slot: formatSlot(m.wishedSlot, tz) })}`
                  : ''}
              </p>
              {m.direction === 'outgoing' && (
                <button type="button" class="link" onClick={() => void cancel(m)}>
                  {t('agenda.withdraw')}
                </button>
              )}
            </div>
          </li>
        ))}
      </ul>
      <Availability edition={edition} />
      <MailPreferences />
    </section>
  );
}

/**
 * What a party does with a confirmed meeting: once its slot has begun, say whether it took place;
 * before, move it to another slot both have free.
 */
function MeetingActions(props: {
  meeting: Meeting;
  edition: Edition;
  onDone: () => void;
  onError: (error: unknown) => void;
}) {
  const { meeting: m, edition, onDone, onError } = props;
  const [moving, setMoving] = useState(false);
  const [slotId, setSlotId] = useState('');
  const [busy, setBusy] = useState(false);
  const begun = m.slot !== null && Date.parse(m.slot.startsAt) <= Date.now();
  const post = async (path: string, body: object) => {
    setBusy(true);
    onError(null);
    try {
      await api(`/meetings/${m.id}/${path}`, { method: 'POST', body });
      setMoving(false);
      onDone();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  };
  if (begun) {
    return (
      <div class="actions">
        <button
          type="button"
          disabled={busy}
          onClick={() => void post('attendance', { attendance: 'held' })}
        >
          {t('agenda.markHeld')}
        </button>
        <button
          type="button"
          class="secondary"
          disabled={busy}
          onClick={() => void post('attendance', { attendance: 'no_show' })}
        >
          {t('agenda.markNoShow')}
        </button>
      </div>
    );
  }
  if (!moving) {
    return (
      <button type="button" class="link" onClick={() => setMoving(true)}>
        {t('agenda.reschedule')}
      </button>
    );
  }
  return (
    <form
      noValidate
      class="reschedule"
      onSubmit={(e) => {
        e.preventDefault();
        if (slotId) void post('reschedule', { slotId });
      }}
    >
      <SlotPicker
        editionId={edition.id}
        withParticipantId={m.partner.participantId}
        timeZone={edition.timezone}
        label={t('agenda.newSlot')}
        value={slotId}
        onChange={setSlotId}
      />
      <div class="actions">
        <button type="submit" disabled={busy || !slotId}>
          {t('agenda.move')}
        </button>
        <button type="button" class="secondary" onClick={() => setMoving(false)}>
          {t('agenda.keep')}
        </button>
      </div>
    </form>
  );
}
