import { useEffect, useState } from 'preact/hooks';
import { CONVENTION_TRANSITIONS } from '../../../src/conventions/convention-rules';
import { api, type Convention } from '../api';
import { ErrorText, TextAreaField } from '../components';
import { formatDay, formatTime, t } from '../i18n';

interface HistoryEntry {
  status: string;
  at: string;
  by: { id: string; name: string } | null;
  note: string | null;
  correction: boolean;
}

/** One convention's history, and its next status with an optional note. */
export function ConventionPanel({
  convention,
  timeZone,
  onChanged,
}: {
  convention: Convention;
  timeZone: string;
  onChanged: () => void;
}) {
  const [history, setHistory] = useState<HistoryEntry[] | null>(null);
  const [status, setStatus] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const load = () =>
    api<{ history: HistoryEntry[] }>(`/conventions/${convention.id}`).then(
      (c) => setHistory(c.history),
      setError,
    );
  useEffect(() => {
    void load();
    setStatus(CONVENTION_TRANSITIONS[convention.status][0] ?? '');
  }, [convention.id, convention.status]);
  const next = CONVENTION_TRANSITIONS[convention.status];
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api(`/conventions/${convention.id}/status`, {
        method: 'POST',
        body: { status, note: note.trim() || undefined },
      });
      setNote('');
      await load();
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const idPrefix = `convention-${convention.id}`;

  const confirmFor = async (organizationId: string) => {
    setBusy(true);
    setError(null);
    try {
      await api(`/conventions/${convention.id}/confirm`, {
        method: 'POST',
        body: { organizationId },
      });
      await load();
      onChanged();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="convention-panel">
      <h3>{t('conventionPanel.parties')}</h3>
      <ul class="parties">
        {convention.parties.map((p) => (
          <li key={p.organizationId} data-confirmed={p.confirmed}>
            <strong>{p.name}</strong> ({p.role}) —{' '}
            {p.confirmed ? t('conventionPanel.confirmed') : t('conventionPanel.notConfirmed')}
            {!p.confirmed && (
              <>
                {' '}
                <button
                  type="button"
                  class="secondary"
                  disabled={busy}
                  onClick={() => void confirmFor(p.organizationId)}
                >
                  {t('conventionPanel.confirmFor', { name: p.name })}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      <h3>{t('conventionPanel.history')}</h3>
      {history ? (
        <ol class="history">
          {history.map((h, i) => (
            <li key={i}>
              <span class={`status status-${h.status}`}>
                {t(`convention.statuses.${h.status}`)}
              </span>{' '}
              {t('conventionPanel.when', {
                day: formatDay(h.at, timeZone),
                time: formatTime(h.at, timeZone),
              })}
              {h.by ? ` · ${h.by.name}` : ''}
              {h.note && <blockquote>{h.note}</blockquote>}
            </li>
          ))}
        </ol>
      ) : (
        <p aria-busy="true">{t('common.loading')}</p>
      )}
      {next.length === 0 ? (
        <p>{t('conventionPanel.final')}</p>
      ) : (
        <form noValidate onSubmit={(e) => void submit(e)}>
          <div class="field">
            <label for={`${idPrefix}-status`}>{t('conventionPanel.next')}</label>
            <select
              id={`${idPrefix}-status`}
              value={status}
              onChange={(e) => setStatus(e.currentTarget.value)}
            >
              {next.map((s) => (
                <option key={s} value={s}>
                  {t(`convention.statuses.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <TextAreaField
            name={`${idPrefix}-note`}
            label={t('conventionPanel.note')}
            rows={2}
            maxLength={2000}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <button type="submit" disabled={busy || !status}>
            {t('conventionPanel.submit')}
          </button>
        </form>
      )}
      <ErrorText error={error} />
    </div>
  );
}
