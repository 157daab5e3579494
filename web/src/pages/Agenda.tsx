import { useEffect, useState } from 'preact/hooks';
import { api, MEETING_EVENTS, type Agenda as AgendaData, type Edition, type Meeting } from '../api';
import { ErrorText, LiveIndicator } from '../components';
import { formatDay, formatSlot, formatTime, t } from '../i18n';
import { useLive } from '../live';
import { useStore } from '../store';
import { Availability } from './Availability';
import { DeclareConvention } from './DeclareConvention';

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
  if (error) return <ErrorText error={error} />;
  if (!agenda) return <p aria-busy="true">{t('common.loading')}</p>;
  const tz = edition.timezone;
  const booked = agenda.meetings
    .filter((m) => (m.status === 'scheduled' || m.status === 'held') && m.slot)
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
      <p>
        <a class="button secondary" href={agenda.calendarUrl}>
          {t('agenda.addToCalendar')}
        </a>
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
                    <p class="meta">
                      {m.place ?? ''}
                      {m.partner.stand
                        ? ` · ${t('exhibitor.standShort', { stand: m.partner.stand })}`
                        : ''}
                    </p>
                    {m.status === 'scheduled' && (
                      <button type="button" class="link" onClick={() => void cancel(m)}>
                        {t('agenda.cancel')}
                      </button>
                    )}
                    <DeclareConvention edition={edition} meeting={m} />
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
    </section>
  );
}
