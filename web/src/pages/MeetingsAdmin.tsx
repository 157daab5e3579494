import { useEffect, useState } from 'preact/hooks';
import { api, type Edition, type MeetingStatus, type Page, type Person as Party } from '../api';
// An organizer sees meetings from neither side: the contract's shape, `partner` null.
import type { Meeting } from '../../../src/contract/api';
import { ErrorText, Field, Pager, SelectField } from '../components';
import { formatSlot, t } from '../i18n';
import { Link } from '../router';

const LIMIT = 50;
type Filter = '' | MeetingStatus;

const person = (p: Party) =>
  `${p.firstName} ${p.lastName}${p.organizationName ? ` (${p.organizationName})` : ''}`;

/** The organizer finds any meeting of the edition and records whether it took place. */
export function MeetingsAdmin({ edition }: { edition: Edition }) {
  const [q, setQ] = useState('');
  const [status, setStatus] = useState<Filter>('scheduled');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<Meeting> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [reload, setReload] = useState(0);
  useEffect(() => {
    const timer = setTimeout(() => {
      const params = new URLSearchParams({ page: String(page), limit: String(LIMIT) });
      if (q.trim()) params.set('q', q.trim());
      if (status) params.set('status', status);
      api<Page<Meeting>>(`/editions/${edition.id}/meetings?${params.toString()}`).then((answer) => {
        setData(answer);
        setError(null);
      }, setError);
    }, 250);
    return () => clearTimeout(timer);
  }, [edition.id, q, status, page, reload]);
  const pages = data ? Math.max(1, Math.ceil(data.total / LIMIT)) : 1;
  const statuses: [Filter, string][] = [
    ['', t('meetingsAdmin.all')],
    ...(
      ['scheduled', 'held', 'no_show', 'requested', 'declined', 'cancelled', 'expired'] as const
    ).map((s): [Filter, string] => [s, t(`meetingsAdmin.statuses.${s}`)]),
  ];

  return (
    <section class="meetings-admin">
      <p>
        <Link href="/dashboard">{t('registrationsList.back')}</Link>
      </p>
      <h1>{t('meetingsAdmin.title')}</h1>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <Field
          name="q"
          type="search"
          label={t('meetingsAdmin.search')}
          hint={t('meetingsAdmin.searchHint')}
          value={q}
          onInput={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
        />
        <SelectField<Filter>
          name="status"
          label={t('meetingsAdmin.status')}
          value={status}
          options={statuses}
          onChange={(value) => {
            setStatus(value);
            setPage(1);
          }}
        />
      </form>
      <ErrorText error={error} />
      {data && (
        <>
          <p role="status">{t('meetingsAdmin.total', { count: data.total })}</p>
          <ul class="cards">
            {data.items.map((m) => (
              <MeetingRow
                key={`${m.id}-${m.status}`}
                meeting={m}
                edition={edition}
                onChanged={() => setReload((n) => n + 1)}
              />
            ))}
          </ul>
          <Pager page={page} pages={pages} label={t('meetingsAdmin.title')} onPage={setPage} />
        </>
      )}
    </section>
  );
}

function MeetingRow(props: { meeting: Meeting; edition: Edition; onChanged: () => void }) {
  const { meeting: m, edition, onChanged } = props;
  const [asked, setAsked] = useState<'held' | 'no_show' | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const future = m.slot !== null && Date.parse(m.slot.startsAt) > Date.now();
  const record = async (attendance: 'held' | 'no_show', confirmFuture: boolean) => {
    // Before its slot, a meeting's attendance is recorded only once confirmed.
    if (future && !confirmFuture) return setAsked(attendance);
    setBusy(true);
    setError(null);
    try {
      await api(`/meetings/${m.id}/attendance`, {
        method: 'POST',
        body: { attendance, ...(confirmFuture ? { confirmFuture: true } : {}) },
      });
      setAsked(null);
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const label = `${person(m.requester)} ↔ ${person(m.invitee)}`;
  return (
    <li class="card" data-status={m.status}>
      <h2>{label}</h2>
      <p>
        {m.slot ? formatSlot(m.slot, edition.timezone) : t('meetingsAdmin.noSlot')}
        {m.place ? ` · ${m.place}` : ''}
        {' · '}
        <strong class="status">{t(`meetingsAdmin.statuses.${m.status}`)}</strong>
      </p>
      {m.status === 'scheduled' && !asked && (
        <div class="actions">
          <button type="button" disabled={busy} onClick={() => void record('held', false)}>
            {t('meetingsAdmin.held')}
          </button>
          <button
            type="button"
            class="secondary"
            disabled={busy}
            onClick={() => void record('no_show', false)}
          >
            {t('meetingsAdmin.noShow')}
          </button>
        </div>
      )}
      {asked && (
        <div class="confirm" role="alertdialog" aria-label={t('meetingsAdmin.confirmTitle')}>
          <p>{t(asked === 'held' ? 'meetingsAdmin.confirmHeld' : 'meetingsAdmin.confirmNoShow')}</p>
          <div class="actions">
            <button type="button" disabled={busy} onClick={() => void record(asked, true)}>
              {t('meetingsAdmin.confirm')}
            </button>
            <button type="button" class="secondary" onClick={() => setAsked(null)}>
              {t('meetingsAdmin.cancel')}
            </button>
          </div>
        </div>
      )}
      <ErrorText error={error} />
    </li>
  );
}
