import { useEffect, useState } from 'preact/hooks';
import {
  api,
  download,
  downloadDocument,
  type Edition,
  type Page,
  type Registration,
} from '../api';
import { ErrorText, Field, Pager, SelectField } from '../components';
import { formatDay, formatTime, t } from '../i18n';
import { Link } from '../router';

const LIMIT = 50;
type Kind = '' | 'visitor' | 'exhibitor';

/** The organizer's list of everyone registered, searchable, page by page, and as a spreadsheet. */
export function Registrations({ edition }: { edition: Edition }) {
  const [q, setQ] = useState('');
  const [kind, setKind] = useState<Kind>('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<Page<Registration> | null>(null);
  const [error, setError] = useState<unknown>(null);
  const filter = () => {
    const params = new URLSearchParams();
    if (q.trim()) params.set('q', q.trim());
    if (kind) params.set('kind', kind);
    return params;
  };
  useEffect(() => {
    // A search typed quickly asks once, when the typing pauses.
    const timer = setTimeout(() => {
      const params = filter();
      params.set('page', String(page));
      params.set('limit', String(LIMIT));
      api<Page<Registration>>(`/editions/${edition.id}/registrations?${params.toString()}`).then(
        (answer) => {
          setData(answer);
          setError(null);
        },
        setError,
      );
    }, 250);
    return () => clearTimeout(timer);
  }, [edition.id, q, kind, page]);
  const pages = data ? Math.max(1, Math.ceil(data.total / LIMIT)) : 1;
  const arrived = (iso: string | null) =>
    iso
      ? `${formatDay(iso, edition.timezone)} ${formatTime(iso, edition.timezone)}`
      : t('registrationsList.notArrived');

  return (
    <section class="registrations">
      <p>
        <Link href="/dashboard">{t('registrationsList.back')}</Link>
      </p>
      <h1>{t('registrationsList.title')}</h1>
      <form class="filters" role="search" onSubmit={(e) => e.preventDefault()}>
        <Field
          name="q"
          type="search"
          label={t('registrationsList.search')}
          hint={t('registrationsList.searchHint')}
          value={q}
          onInput={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
        />
        <SelectField<Kind>
          name="kind"
          label={t('registrationsList.kind')}
          value={kind}
          options={[
            ['', t('registrationsList.kinds.all')],
            ['visitor', t('registrationsList.kinds.visitor')],
            ['exhibitor', t('registrationsList.kinds.exhibitor')],
          ]}
          onChange={(value) => {
            setKind(value);
            setPage(1);
          }}
        />
        <button
          type="button"
          class="secondary"
          onClick={() =>
            void download(
              `/editions/${edition.id}/registrations.csv?${filter().toString()}`,
              'inscriptions.csv',
            ).catch(setError)
          }
        >
          {t('registrationsList.csv')}
        </button>
        {data && data.items.length > 0 && (
          <button
            type="button"
            class="secondary"
            onClick={() =>
              void downloadDocument(
                `/editions/${edition.id}/print/badges.pdf?participantIds=${data.items
                  .map((r) => r.id)
                  .join(',')}`,
                'badges.pdf',
              ).catch(setError)
            }
          >
            {t('registrationsList.badges')}
          </button>
        )}
      </form>
      <ErrorText error={error} />
      {data && (
        <>
          <p role="status">{t('registrationsList.total', { count: data.total })}</p>
          {data.items.length === 0 ? (
            <p>{t('registrationsList.none')}</p>
          ) : (
            <div class="table-scroll">
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('registrationsList.name')}</th>
                    <th scope="col">{t('registrationsList.email')}</th>
                    <th scope="col">{t('registrationsList.type')}</th>
                    <th scope="col">{t('registrationsList.organization')}</th>
                    <th scope="col">{t('registrationsList.badge')}</th>
                    <th scope="col">{t('registrationsList.arrived')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.items.map((r) => (
                    <tr key={r.id}>
                      <td>
                        {r.firstName} {r.lastName}
                      </td>
                      <td>{r.email}</td>
                      <td>
                        {t(`registrationsList.${r.kind}`)}
                        {r.category ? ` (${t(`registrationsList.${r.category}`)})` : ''}
                      </td>
                      <td>{r.organizationName ?? ''}</td>
                      <td>
                        <code>{r.badgeCode}</code>
                      </td>
                      <td>{arrived(r.checkedInAt)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager page={page} pages={pages} label={t('registrationsList.title')} onPage={setPage} />
        </>
      )}
    </section>
  );
}
