import { Fragment } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, download, type Convention, type Edition, type Stats } from '../api';
import { ErrorText, LiveIndicator } from '../components';
import { t } from '../i18n';
import { useLive } from '../live';
import { Link } from '../router';
import { useStore } from '../store';
import { AnnouncementForm } from './Announcements';
import { ApplicationsLink } from './ApplicationsPanel';
import { CheckInDesk } from './CheckIn';
import { ConventionPanel } from './ConventionPanel';
import { CoveragePanel } from './CoveragePanel';
import { FeedbackPanel, MailPanel } from './FollowUpPanel';
import { PrintPanel } from './PrintPanel';
import { Scheduler } from './Scheduler';
import { SlotChart } from './SlotChart';

/** The organizer's screen: figures that move live, check-in at the door, exports, conventions. */
export function Dashboard({ edition }: { edition: Edition }) {
  const { token } = useStore();
  const [stats, setStats] = useState<Stats | null>(null);
  const [conventions, setConventions] = useState<Convention[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [openId, setOpenId] = useState<string | null>(null);
  // Bumped whenever the figures move, so the chart of meetings per slot fetches its own again.
  const [slotsVersion, setSlotsVersion] = useState(0);
  const loadStats = () => api<Stats>(`/editions/${edition.id}/stats`).then(setStats, setError);
  const loadConventions = () =>
    api<Convention[]>(`/conventions?editionId=${edition.id}`).then(setConventions, setError);
  useEffect(() => {
    void loadStats();
    void loadConventions();
  }, [edition.id]);
  const live = useLive(
    token,
    ['stats.updated', 'convention.updated', 'convention.signed'],
    (event) => {
      if (event.name !== 'stats.updated') return void loadConventions();
      if (event.payload.editionId !== edition.id) return;
      setStats(event.payload);
      setSlotsVersion((v) => v + 1);
    },
    () => {
      void loadStats();
      void loadConventions();
      setSlotsVersion((v) => v + 1);
    },
  );

  return (
    <section>
      <div class="title-row">
        <h1>{t('dashboard.title')}</h1>
        <LiveIndicator live={live} />
      </div>
      <p class="lead">{edition.name}</p>
      <ul class="actions organizer-links">
        <ApplicationsLink edition={edition} />
        <li>
          <Link href="/check-in">{t('checkIn.page')}</Link>
        </li>
        <li>
          <Link href="/registrations">{t('organizerLinks.registrations')}</Link>
        </li>
        <li>
          <Link href="/meetings">{t('organizerLinks.meetings')}</Link>
        </li>
        <li>
          <Link href="/sectors">{t('sectorList.nav')}</Link>
        </li>
        <li>
          <Link href={`/editions/${edition.id}/edit`}>{t('organizerLinks.editEdition')}</Link>
        </li>
        <li>
          <Link href="/editions/new">{t('organizerLinks.newEdition')}</Link>
        </li>
      </ul>
      <ErrorText error={error} />
      {stats && (
        <dl class="counters">
          <Counter id="exhibitors" label={t('dashboard.exhibitors')} value={stats.exhibitors} />
          <Counter
            id="registrations"
            label={t('dashboard.registrations')}
            value={stats.registrations.visitors}
          />
          <Counter id="checkins" label={t('dashboard.checkIns')} value={stats.checkIns} />
          <Counter
            id="requested"
            label={t('dashboard.requested')}
            value={stats.meetings.requested}
          />
          <Counter
            id="scheduled"
            label={t('dashboard.scheduled')}
            value={stats.meetings.scheduled}
          />
          <Counter id="held" label={t('dashboard.held')} value={stats.meetings.held} />
          <Counter id="signed" label={t('dashboard.signed')} value={stats.conventions.signed} />
          <Counter
            id="conventions"
            label={t('dashboard.conventions')}
            value={stats.conventions.total}
          />
        </dl>
      )}
      {/* Counts only: who the stands scanned is theirs. */}
      {stats && (
        <p class="hint" id="leads-figure">
          {t('dashboard.leads', stats.leads)}
        </p>
      )}
      <SlotChart edition={edition} refresh={slotsVersion} />
      <div class="columns">
        <CheckInDesk edition={edition} onDone={() => void loadStats()} />
        <section class="panel">
          <h2>{t('dashboard.exports')}</h2>
          <Exports edition={edition} />
        </section>
      </div>
      <PrintPanel edition={edition} />
      <AnnouncementForm edition={edition} />
      <CoveragePanel edition={edition} onRequested={() => void loadStats()} />
      <Scheduler edition={edition} onPublished={() => void loadStats()} />
      <div class="columns">
        {stats && <FeedbackPanel feedback={stats.feedback} />}
        <MailPanel edition={edition} />
      </div>
      <h2>{t('dashboard.conventionsList', { count: conventions.length })}</h2>
      {conventions.length === 0 ? (
        <p>{t('dashboard.noConventions')}</p>
      ) : (
        <div class="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('convention.title')}</th>
                <th scope="col">{t('convention.kind')}</th>
                <th scope="col">{t('convention.parties')}</th>
                <th scope="col">{t('convention.status')}</th>
                <th scope="col">{t('conventionPanel.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {conventions.map((c) => (
                <Fragment key={c.id}>
                  <tr>
                    <td>{c.title}</td>
                    <td>{t(`convention.kinds.${c.kind}`)}</td>
                    <td>{c.parties.map((p) => p.name).join(', ')}</td>
                    <td>
                      <span class={`status status-${c.status}`}>
                        {t(`convention.statuses.${c.status}`)}
                      </span>
                    </td>
                    <td>
                      <button
                        type="button"
                        class="link"
                        aria-expanded={openId === c.id}
                        aria-controls={`follow-${c.id}`}
                        onClick={() => setOpenId(openId === c.id ? null : c.id)}
                      >
                        {openId === c.id
                          ? t('conventionPanel.close')
                          : t('conventionPanel.open', { title: c.title })}
                      </button>
                    </td>
                  </tr>
                  {openId === c.id && (
                    <tr id={`follow-${c.id}`}>
                      <td colSpan={5}>
                        <ConventionPanel
                          convention={c}
                          timeZone={edition.timezone}
                          onChanged={() => {
                            void loadConventions();
                            void loadStats();
                          }}
                        />
                      </td>
                    </tr>
                  )}
                </Fragment>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function Counter({ id, label, value }: { id: string; label: string; value: number }) {
  return (
    <div class="counter" data-counter={id}>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

function Exports({ edition }: { edition: Edition }) {
  const [error, setError] = useState<unknown>(null);
  const get = (name: 'conventions' | 'meetings') =>
    download(`/editions/${edition.id}/${name}.csv`, `coventis-${name}.csv`).catch(setError);
  return (
    <>
      <div class="actions">
        <button type="button" class="secondary" onClick={() => void get('conventions')}>
          {t('dashboard.exportConventions')}
        </button>
        <button type="button" class="secondary" onClick={() => void get('meetings')}>
          {t('dashboard.exportMeetings')}
        </button>
      </div>
      <ErrorText error={error} />
    </>
  );
}
