import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Coverage, type Edition, type MatchRequests } from '../api';
import { ErrorText, SelectField } from '../components';
import { t } from '../i18n';

/** Rows shown at first; the rest behind one button. */
const SHOWN = 10;

/**
 * "Sans partenaire": exhibitors and professionals with no good match or no meeting, and the action
 * that turns the best mutual matches of those who asked nobody into pending requests.
 */
export function CoveragePanel({
  edition,
  onRequested,
}: {
  edition: Edition;
  onRequested: () => void;
}) {
  const [coverage, setCoverage] = useState<Coverage | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [all, setAll] = useState(false);
  const load = () =>
    api<Coverage>(`/editions/${edition.id}/recommendations/coverage`).then((c) => {
      setCoverage(c);
      setError(null);
    }, setError);
  useEffect(() => void load(), [edition.id]);
  const rows = coverage ? (all ? coverage.items : coverage.items.slice(0, SHOWN)) : [];

  return (
    <section class="panel coverage" aria-labelledby="coverage-title">
      <h2 id="coverage-title">{t('coverage.title')}</h2>
      <p class="hint">{t('coverage.lead')}</p>
      <ErrorText error={error} />
      {!coverage && !error && <p aria-busy="true">{t('common.loading')}</p>}
      {coverage && (
        <>
          <p class="count" role="status" aria-live="polite">
            {t('coverage.count', { count: coverage.total })}
          </p>
          {rows.length > 0 && (
            <div class="table-wrap">
              <table aria-label={t('coverage.caption')}>
                <thead>
                  <tr>
                    <th scope="col">{t('coverage.name')}</th>
                    <th scope="col" class="number">
                      {t('coverage.goodMatches')}
                    </th>
                    <th scope="col" class="number">
                      {t('coverage.meetings')}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((c) => (
                    <tr key={c.participantId}>
                      <th scope="row">
                        {c.name}
                        <span class="kind">{t(`coverage.kinds.${c.kind}`)}</span>
                      </th>
                      <td class="number">{c.goodMatches}</td>
                      <td class="number">{c.meetings}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {coverage.items.length > SHOWN && (
            <div class="actions">
              <button type="button" class="secondary" onClick={() => setAll(!all)}>
                {all ? t('coverage.fewer') : t('coverage.all', { count: coverage.items.length })}
              </button>
            </div>
          )}
        </>
      )}
      <MatchRequestsAction
        edition={edition}
        onCreated={() => {
          void load();
          onRequested();
        }}
      />
    </section>
  );
}

/** A preview of the requests to be made, then "Confirmer" makes them. */
function MatchRequestsAction({ edition, onCreated }: { edition: Edition; onCreated: () => void }) {
  const [perParticipant, setPerParticipant] = useState(2);
  const [preview, setPreview] = useState<MatchRequests | null>(null);
  const [created, setCreated] = useState<number | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const confirmButton = useRef<HTMLButtonElement>(null);
  // The confirmation takes the focus, as the scheduler's does.
  useEffect(() => {
    if (preview && preview.proposals.length > 0) confirmButton.current?.focus();
  }, [preview]);

  const run = async (commit: boolean) => {
    setBusy(true);
    setError(null);
    setCreated(null);
    try {
      const result = await api<MatchRequests>(`/editions/${edition.id}/recommendations/requests`, {
        method: 'POST',
        body: { commit, perParticipant },
      });
      if (commit) {
        setPreview(null);
        setCreated(result.created);
        onCreated();
      } else setPreview(result);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="match-requests">
      <h3>{t('matchRequests.title')}</h3>
      <p class="hint">{t('matchRequests.hint')}</p>
      <SelectField
        name="match-per-participant"
        label={t('matchRequests.perParticipant')}
        value={perParticipant}
        disabled={busy}
        options={[1, 2, 3, 4, 5].map((n) => [n, String(n)] as const)}
        onChange={(n) => {
          setPerParticipant(n);
          setPreview(null);
        }}
      />
      <div class="actions">
        <button type="button" class="secondary" disabled={busy} onClick={() => void run(false)}>
          {t('matchRequests.propose')}
        </button>
      </div>
      <ErrorText error={error} />
      {preview && (
        <div class="confirm" role="group" aria-labelledby="match-preview">
          <p id="match-preview" role="status">
            {t('matchRequests.preview', { count: preview.proposals.length })}
          </p>
          {preview.proposals.length > 0 && (
            <>
              <ol class="proposals" tabIndex={0} aria-labelledby="match-preview">
                {preview.proposals.map((p) => (
                  <li key={`${p.requesterId}-${p.inviteeId}`}>
                    {t('matchRequests.pair', { from: p.requesterName, to: p.inviteeName })}
                  </li>
                ))}
              </ol>
              <div class="actions">
                <button
                  type="button"
                  ref={confirmButton}
                  disabled={busy}
                  onClick={() => void run(true)}
                >
                  {t('matchRequests.confirm')}
                </button>
                <button type="button" class="secondary" onClick={() => setPreview(null)}>
                  {t('matchRequests.cancel')}
                </button>
              </div>
            </>
          )}
        </div>
      )}
      {created !== null && (
        <p class="success" role="status">
          {t('matchRequests.created', { count: created })}
        </p>
      )}
    </div>
  );
}
