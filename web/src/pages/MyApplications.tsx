import { useEffect, useState } from 'preact/hooks';
import type { Application } from '../../../src/contract/api';
import { api } from '../api';
import { ErrorText } from '../components';
import { formatDay, t } from '../i18n';
import { Link } from '../router';
import { logIn, useStore } from '../store';

/** The applicant's applications and what the organizers answered. */
export function MyApplications() {
  const store = useStore();
  const [applications, setApplications] = useState<Application[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    api<Application[]>('/applications/mine').then((mine) => {
      setApplications(mine);
      // Approved since the login: who I am now includes the new stand (its agenda, its inbox).
      const known = new Set(store.me?.participations.map((p) => p.editionId));
      const approvedSince = mine.some((a) => a.status === 'approved' && !known.has(a.editionId));
      if (approvedSince && store.token) void logIn(store.token);
    }, setError);
  }, [store.me?.id]);

  if (error) return <ErrorText error={error} />;
  if (!applications) return <p aria-busy="true">{t('common.loading')}</p>;
  return (
    <section class="narrow">
      <h1>{t('myApplications.title')}</h1>
      {applications.length === 0 && (
        <p>
          {t('myApplications.empty')} <Link href="/apply">{t('myApplications.apply')}</Link>
        </p>
      )}
      <ul class="cards">
        {applications.map((a) => (
          <li key={a.id} class="card" data-status={a.status}>
            <h2>{a.organization.name}</h2>
            <p class="meta">
              {t('myApplications.edition', { name: a.editionName })} ·{' '}
              {t('myApplications.submitted', { day: formatDay(a.createdAt) })}
            </p>
            <p>
              <span class={`status status-${a.status}`}>{t(`applicationStatus.${a.status}`)}</span>
              {a.decidedAt && ` · ${t('myApplications.decided', { day: formatDay(a.decidedAt) })}`}
            </p>
            {a.status === 'pending' && <p>{t('myApplications.pendingHelp')}</p>}
            {a.status === 'approved' && (
              <p>
                {t('myApplications.approved')}
                {a.stand && ` ${t('myApplications.stand', { stand: a.stand })}`}{' '}
                {a.exhibitorId && a.editionId === store.edition?.id && (
                  <Link href={`/exhibitors/${a.exhibitorId}`}>{t('myApplications.seeEntry')}</Link>
                )}
              </p>
            )}
            {a.note && (
              <div class="note">
                <h3>{t('myApplications.note')}</h3>
                <blockquote>{a.note}</blockquote>
              </div>
            )}
            {a.standWishes && (
              <p>
                <strong>{t('myApplications.standWishes')}</strong> {a.standWishes}
              </p>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
