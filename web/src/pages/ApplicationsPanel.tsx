import { useEffect, useState } from 'preact/hooks';
import {
  APPLICATION_STATUSES,
  type ApplicationStatus,
} from '../../../src/applications/application-rules';
import type { Application, Page } from '../../../src/contract/api';
import { api, ApiError, type Edition } from '../api';
import { ErrorText, Field, SelectField, TextAreaField } from '../components';
import { formatDay, t } from '../i18n';
import { Link } from '../router';

const PAGE_SIZE = 20;

/** The dashboard's way in (an item of its list of links): how many applications wait for a decision. */
export function ApplicationsLink({ edition }: { edition: Edition }) {
  const [waiting, setWaiting] = useState<number | null>(null);
  useEffect(() => {
    api<Page<Application>>(`/editions/${edition.id}/applications?status=pending&limit=1`).then(
      (res) => setWaiting(res.total),
      () => setWaiting(null),
    );
  }, [edition.id]);
  return (
    <li>
      <Link href="/applications">{t('applicationsPanel.link', { count: waiting ?? 0 })}</Link>
    </li>
  );
}

/** The organizer's applications panel: read each structure's file, approve it with a stand, or refuse it with a note. */
export function ApplicationsPanel({ edition }: { edition: Edition }) {
  const [status, setStatus] = useState<ApplicationStatus | ''>('pending');
  const [result, setResult] = useState<Page<Application> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const query = (page: number) =>
    `/editions/${edition.id}/applications?limit=${PAGE_SIZE}&page=${page}${status ? `&status=${status}` : ''}`;
  const load = () => api<Page<Application>>(query(1)).then(setResult, setError);
  useEffect(() => {
    setResult(null);
    void load();
  }, [edition.id, status]);
  const more = async () => {
    if (!result) return;
    const next = await api<Page<Application>>(query(result.page + 1));
    setResult({ ...next, items: [...result.items, ...next.items] });
  };

  return (
    <section>
      <p>
        <Link href="/dashboard">{t('applicationsPanel.back')}</Link>
      </p>
      <h1>{t('applicationsPanel.title')}</h1>
      <p class="lead">{edition.name}</p>
      <form class="filters" onSubmit={(e) => e.preventDefault()}>
        <SelectField
          name="application-status"
          label={t('applicationsPanel.status')}
          value={status}
          options={[
            ['', t('applicationsPanel.all')] as const,
            ...APPLICATION_STATUSES.map((s) => [s, t(`applicationStatus.${s}`)] as const),
          ]}
          onChange={setStatus}
        />
      </form>
      <ErrorText error={error} />
      <p class="count" role="status" aria-live="polite">
        {result ? t('applicationsPanel.count', { count: result.total }) : t('common.loading')}
      </p>
      <ul class="cards">
        {result?.items.map((a) => (
          <ApplicationCard key={a.id} application={a} onDecided={() => void load()} />
        ))}
      </ul>
      {result && result.items.length < result.total && (
        <button type="button" class="secondary" onClick={() => void more()}>
          {t('applicationsPanel.more')}
        </button>
      )}
    </section>
  );
}

function ApplicationCard({
  application: a,
  onDecided,
}: {
  application: Application;
  onDecided: () => void;
}) {
  const [stand, setStand] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const about = (field: string) => (error instanceof ApiError ? error.about(field) : []);
  const decide = async (decision: 'approve' | 'refuse') => {
    setBusy(true);
    setError(null);
    try {
      const body =
        decision === 'approve'
          ? { stand: stand.trim() || null, note: note.trim() || undefined }
          : { note };
      await api(`/applications/${a.id}/${decision}`, { method: 'POST', body });
      onDecided();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  const o = a.organization;
  const id = `application-${a.id}`;

  return (
    <li class="card" data-status={a.status} aria-labelledby={`${id}-name`}>
      <h2 id={`${id}-name`}>{o.name}</h2>
      <p class="meta">
        {t(`legalForm.${o.legalForm}`)} · {o.city} ({o.department}) ·{' '}
        {t('applicationsPanel.submitted', { day: formatDay(a.createdAt) })}
        {a.organizationId && ` · ${t('applicationsPanel.returning')}`}
      </p>
      <p>
        <span class={`status status-${a.status}`}>{t(`applicationStatus.${a.status}`)}</span>
        {a.stand && ` · ${t('applicationsPanel.givenStand', { stand: a.stand })}`}
      </p>
      {o.sectors.length > 0 && (
        <ul class="tags">
          {o.sectors.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      )}
      {o.description && <p>{o.description}</p>}
      {o.offers.length > 0 && (
        <p>
          <strong>{t('applicationsPanel.offers')}</strong> {o.offers.join(' · ')}
        </p>
      )}
      {o.needs.length > 0 && (
        <p>
          <strong>{t('applicationsPanel.needs')}</strong> {o.needs.join(' · ')}
        </p>
      )}
      {o.website && (
        <p>
          <strong>{t('applicationsPanel.website')}</strong>{' '}
          <a href={o.website} rel="noopener noreferrer" target="_blank">
            {o.website}
          </a>
        </p>
      )}
      {a.standWishes && (
        <p>
          <strong>{t('applicationsPanel.standWishes')}</strong> {a.standWishes}
        </p>
      )}
      <p>
        <strong>{t('applicationsPanel.contact')}</strong> {a.contact.firstName} {a.contact.lastName}{' '}
        · <a href={`mailto:${a.contact.email}`}>{a.contact.email}</a>
        {a.contact.phone && ` · ${a.contact.phone}`}
      </p>
      {a.status === 'pending' ? (
        <form noValidate onSubmit={(e) => e.preventDefault()}>
          <Field
            name={`${id}-stand`}
            label={t('applicationsPanel.stand')}
            hint={t('applicationsPanel.standHint')}
            maxLength={20}
            value={stand}
            onInput={(e) => setStand(e.currentTarget.value)}
            errors={about('stand')}
          />
          <TextAreaField
            name={`${id}-note`}
            label={t('applicationsPanel.note')}
            hint={t('applicationsPanel.noteHint')}
            rows={2}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
            errors={about('note')}
          />
          <ErrorText error={error} placed={['stand', 'note']} />
          <div class="actions">
            <button type="button" disabled={busy} onClick={() => void decide('approve')}>
              {t('applicationsPanel.approve')}
            </button>
            <button
              type="button"
              class="secondary"
              disabled={busy}
              onClick={() => void decide('refuse')}
            >
              {t('applicationsPanel.refuse')}
            </button>
          </div>
        </form>
      ) : (
        a.note && (
          <div class="note">
            <h3>{t('applicationsPanel.decidedNote')}</h3>
            <blockquote>{a.note}</blockquote>
          </div>
        )
      )}
    </li>
  );
}
