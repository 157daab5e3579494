import { useEffect, useRef, useState } from 'preact/hooks';
import type { ScheduleFigures } from '../../../src/schedule/schedule-figures';
import { api, type Edition, type Person } from '../api';
import { ErrorText, SelectField } from '../components';
import { formatSeconds, t } from '../i18n';
import { useLive } from '../live';
import { useStore } from '../store';

interface Unplaced {
  meetingId: string;
  requester: Person;
  invitee: Person;
  reason: string;
  detail?: string;
}

interface Proposal extends ScheduleFigures {
  unplaced: Unplaced[];
}

/** Seconds of exact refinement the organizer may give: fewer holes for a small edition. */
const REFINE_CHOICES = [0, 30, 60, 120];

const who = (p: Person) => p.organizationName ?? `${p.firstName} ${p.lastName}`;

/** The batch scheduler: a dry run shows what it would place; publishing it, once confirmed, books them. */
export function Scheduler({ edition, onPublished }: { edition: Edition; onPublished: () => void }) {
  const { token } = useStore();
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [refineSeconds, setRefineSeconds] = useState(0);
  const confirmButton = useRef<HTMLButtonElement>(null);
  const running = useRef(false);
  // The confirmation takes the focus, so that the keyboard answers it at once.
  useEffect(() => {
    if (confirming) confirmButton.current?.focus();
  }, [confirming]);
  useLive(token, ['schedule.progress'], ({ payload: p }) => {
    // A late event of a finished run must not show a bar again.
    if (p.editionId === edition.id && running.current) setProgress(p.fraction);
  });

  const run = async (commit: boolean) => {
    setConfirming(false);
    setError(null);
    setProgress(0);
    running.current = true;
    try {
      const result = await api<Proposal>(`/editions/${edition.id}/schedule`, {
        method: 'POST',
        // The same refinement for the publication as for the dry run: the server then publishes the
        // proposal just shown.
        body: { ...(commit ? { commit: true } : {}), ...(refineSeconds ? { refineSeconds } : {}) },
      });
      setProposal(result);
      if (commit) onPublished();
    } catch (e) {
      setError(e);
    } finally {
      running.current = false;
      setProgress(null);
    }
  };
  const busy = progress !== null;

  return (
    <section class="panel scheduler" aria-labelledby="scheduler-title">
      <h2 id="scheduler-title">{t('scheduler.title')}</h2>
      <p class="hint">{t('scheduler.hint')}</p>
      <SelectField
        name="scheduler-refine"
        label={t('scheduler.refine')}
        hint={t('scheduler.refineHint')}
        value={refineSeconds}
        disabled={busy}
        options={REFINE_CHOICES.map(
          (seconds) =>
            [
              seconds,
              seconds === 0
                ? t('scheduler.refineNone')
                : t('scheduler.refineSeconds', { count: seconds }),
            ] as const,
        )}
        onChange={setRefineSeconds}
      />
      <div class="actions">
        <button type="button" class="secondary" disabled={busy} onClick={() => void run(false)}>
          {t('scheduler.dryRun')}
        </button>
        <button type="button" disabled={busy} onClick={() => setConfirming(true)}>
          {t('scheduler.publish')}
        </button>
      </div>
      {confirming && (
        <div class="confirm" role="group" aria-labelledby="scheduler-confirm">
          <p id="scheduler-confirm">{t('scheduler.confirmText')}</p>
          <div class="actions">
            <button type="button" ref={confirmButton} onClick={() => void run(true)}>
              {t('scheduler.confirm')}
            </button>
            <button type="button" class="secondary" onClick={() => setConfirming(false)}>
              {t('common.back')}
            </button>
          </div>
        </div>
      )}
      {busy && (
        <div class="field">
          <label for="scheduler-progress">{t('scheduler.running')}</label>
          <progress id="scheduler-progress" max={1} value={progress || undefined} />
        </div>
      )}
      <ErrorText error={error} />
      {proposal && <Result proposal={proposal} />}
    </section>
  );
}

const FIRST_UNPLACED = 10;

function UnplacedList({ items }: { items: Unplaced[] }) {
  return (
    <ul class="unplaced">
      {items.map((u) => (
        <li key={u.meetingId}>
          {t('scheduler.pair', { from: who(u.requester), to: who(u.invitee) })}
          {' — '}
          {t(`scheduler.reasons.${u.reason}`, { defaultValue: u.reason })}
        </li>
      ))}
    </ul>
  );
}

function Result({ proposal: p }: { proposal: Proposal }) {
  return (
    <div role="status" class="scheduler-result">
      <p class={p.committed ? 'success' : ''}>
        {t(p.committed ? 'scheduler.published' : 'scheduler.proposed', { count: p.placed })}
      </p>
      <dl class="figures">
        <dt>{t('scheduler.requested')}</dt>
        <dd data-figure="requested">{p.requested}</dd>
        <dt>{t('scheduler.placed')}</dt>
        <dd data-figure="placed">{p.placed}</dd>
        <dt>{t('scheduler.bound')}</dt>
        <dd data-figure="bound">{p.upperBound}</dd>
        <dt>{t('scheduler.unplaced')}</dt>
        <dd data-figure="unplaced">{p.unplaced.length}</dd>
        <dt>{t('scheduler.holes')}</dt>
        <dd data-figure="holes">
          {p.holes <= p.holesLowerBound
            ? t('scheduler.holesOptimal', { holes: p.holes })
            : p.holesLowerBound === 0
              ? t('scheduler.holesAvoidable', { holes: p.holes })
              : t('scheduler.holesValue', { holes: p.holes, bound: p.holesLowerBound })}
        </dd>
        <dt>{t('scheduler.maxHoles')}</dt>
        <dd data-figure="max-holes">{p.maxHolesPerParticipant}</dd>
        {p.refined && (
          <>
            <dt>{t('scheduler.holesBeforeRefine')}</dt>
            <dd data-figure="holes-before-refine">{p.refined.holesBefore}</dd>
            <dt>{t('scheduler.reached')}</dt>
            <dd data-figure="refine-reached">
              {t('scheduler.reachedValue', {
                reached: formatSeconds(p.refined.reachedMs),
                total: formatSeconds(p.refined.timeMs),
              })}
            </dd>
          </>
        )}
        <dt>{t('scheduler.kept')}</dt>
        <dd data-figure="kept">{p.kept}</dd>
      </dl>
      {p.unplaced.length > 0 && (
        <>
          <h3>{t('scheduler.unplacedTitle')}</h3>
          <UnplacedList items={p.unplaced.slice(0, FIRST_UNPLACED)} />
          {p.unplaced.length > FIRST_UNPLACED && (
            // Hundreds of lines stay folded, and scroll in their own box once opened.
            <details class="unplaced-more">
              <summary>
                {t('scheduler.unplacedMore', { count: p.unplaced.length - FIRST_UNPLACED })}
              </summary>
              <UnplacedList items={p.unplaced.slice(FIRST_UNPLACED)} />
            </details>
          )}
        </>
      )}
    </div>
  );
}
