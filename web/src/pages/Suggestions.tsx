import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Edition, type Recommendation, type Recommendations } from '../api';
import { ErrorText } from '../components';
import { t } from '../i18n';
import { Link } from '../router';
import { myParticipantId, useStore } from '../store';

/** Suggestions shown at first; the rest behind one button, so the catalogue stays near the top. */
const SHOWN = 3;

/** The logged-in participant's suggestions at this edition; nothing is asked for anyone else. */
function useRecommendations(edition: Edition, limit: number) {
  const store = useStore();
  const participantId = myParticipantId(store);
  const [data, setData] = useState<Recommendations | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    setData(null);
    setError(null);
    if (!participantId) return;
    let current = true;
    api<Recommendations>(`/editions/${edition.id}/recommendations?limit=${limit}`).then(
      (d) => current && setData(d),
      (e: unknown) => current && setError(e),
    );
    return () => void (current = false);
  }, [edition.id, participantId, limit]);
  const kind: 'exhibitor' | 'visitor' = store.me?.role === 'exhibitor' ? 'exhibitor' : 'visitor';
  return { participantId, kind, data, error };
}

/** The sentence for an empty list, from the API's code (its English message is not shown). */
function hintText(code: string | undefined, kind: 'exhibitor' | 'visitor'): string {
  return code === 'recommendation/empty_profile'
    ? t(`suggestions.hints.empty_profile.${kind}`)
    : t('suggestions.hints.none_left');
}

function Name({ item }: { item: Recommendation }) {
  return item.exhibitorId ? (
    <Link href={`/exhibitors/${item.exhibitorId}`}>{item.name}</Link>
  ) : (
    <>{item.name}</>
  );
}

function MutualBadge({ item }: { item: Recommendation }) {
  return item.mutual ? <span class="mutual">{t('suggestions.mutual')}</span> : null;
}

/** "Suggestions pour vous": who to meet and why, with a request or a dismissal in one or two clicks. */
export function Suggestions({ edition }: { edition: Edition }) {
  const { participantId, kind, data, error } = useRecommendations(edition, 10);
  const [all, setAll] = useState(false);
  if (!participantId) return null;
  const profileLink = <Link href="/profile">{t(`suggestions.editProfile.${kind}`)}</Link>;
  let body;
  if (error) body = <ErrorText error={error} />;
  else if (!data) body = <p aria-busy="true">{t('common.loading')}</p>;
  else if (data.items.length === 0)
    body = (
      <p class="hint-text">
        {hintText(data.hint?.code, kind)} {profileLink}
      </p>
    );
  else
    body = (
      <>
        <p class="lead">{t('suggestions.lead')}</p>
        <ul class="cards">
          {(all ? data.items : data.items.slice(0, SHOWN)).map((item) => (
            <SuggestionCard key={item.participantId} edition={edition} item={item} />
          ))}
        </ul>
        <div class="actions">
          {!all && data.items.length > SHOWN && (
            <button type="button" class="secondary" onClick={() => setAll(true)}>
              {t('suggestions.more')}
            </button>
          )}
        </div>
        <p>{profileLink}</p>
      </>
    );
  return (
    <section class="panel suggestions" aria-labelledby="suggestions-title">
      <h2 id="suggestions-title">{t('suggestions.title')}</h2>
      {body}
    </section>
  );
}

type CardState = 'idle' | 'asking' | 'sent' | 'dismissed';

function SuggestionCard({ edition, item }: { edition: Edition; item: Recommendation }) {
  const [state, setState] = useState<CardState>('idle');
  const [message, setMessage] = useState(item.requestMessage);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // The keyboard follows the card: to the message when asking, to "Annuler" once dismissed.
  const messageRef = useRef<HTMLTextAreaElement>(null);
  const undoRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (state === 'asking') messageRef.current?.focus();
    if (state === 'dismissed') undoRef.current?.focus();
  }, [state]);

  const id = `suggestion-${item.participantId}`;
  const dismissUrl = `/editions/${edition.id}/recommendations/${item.participantId}/dismiss`;
  const act = async (call: () => Promise<unknown>, next: CardState) => {
    setBusy(true);
    setError(null);
    try {
      await call();
      setState(next);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const send = (event: Event) => {
    event.preventDefault();
    void act(
      () =>
        api(`/editions/${edition.id}/meetings`, {
          method: 'POST',
          body: { toParticipantId: item.participantId, message: message.trim() || undefined },
        }),
      'sent',
    );
  };

  if (state === 'dismissed') {
    return (
      <li class="card dismissed" aria-label={item.name}>
        <p role="status">{t('suggestions.dismissed', { name: item.name })}</p>
        <button
          type="button"
          class="link"
          ref={undoRef}
          disabled={busy}
          onClick={() => void act(() => api(dismissUrl, { method: 'DELETE' }), 'idle')}
        >
          {t('suggestions.undo')}
        </button>
        <ErrorText error={error} />
      </li>
    );
  }
  return (
    <li class="card suggestion" aria-labelledby={id}>
      <h3 id={id}>
        <Name item={item} />
      </h3>
      <p class="meta">
        <span>{t(`suggestions.kind.${item.kind}`)}</span> <MutualBadge item={item} />
      </p>
      <ul class="reasons" aria-label={t('suggestions.reasons')}>
        {item.reasons.map((r, i) => (
          <li key={i}>{r.text}</li>
        ))}
      </ul>
      {state === 'sent' ? (
        <>
          <p class="success" role="status">
            {t('suggestions.sent', { name: item.name })}
          </p>
          <p>
            <Link href="/agenda">{t('suggestions.seeAgenda')}</Link>
          </p>
        </>
      ) : state === 'asking' ? (
        <form noValidate onSubmit={send}>
          <div class="field">
            <label for={`${id}-message`}>{t('suggestions.message')}</label>
            <textarea
              id={`${id}-message`}
              ref={messageRef}
              rows={4}
              maxLength={1000}
              value={message}
              onInput={(e) => setMessage(e.currentTarget.value)}
            />
          </div>
          <ErrorText error={error} />
          <div class="actions">
            <button type="submit" disabled={busy}>
              {t('suggestions.send')}
            </button>
            <button type="button" class="secondary" onClick={() => setState('idle')}>
              {t('suggestions.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <div class="actions">
            <button type="button" onClick={() => setState('asking')}>
              {t('suggestions.request')}
            </button>
            <button
              type="button"
              class="secondary"
              disabled={busy}
              onClick={() => void act(() => api(dismissUrl, { method: 'POST' }), 'dismissed')}
            >
              {t('suggestions.dismiss')}
            </button>
          </div>
          <ErrorText error={error} />
        </>
      )}
    </li>
  );
}

/** On an exhibitor's page: a few of the viewer's other suggestions. */
export function AlsoLike({
  edition,
  exhibitorParticipantId,
}: {
  edition: Edition;
  exhibitorParticipantId: string | null;
}) {
  const { participantId, data } = useRecommendations(edition, 4);
  if (!participantId || !data || participantId === exhibitorParticipantId) return null;
  const items = data.items.filter((i) => i.participantId !== exhibitorParticipantId).slice(0, 3);
  if (items.length === 0) return null;
  return (
    <section class="also" aria-labelledby="also-title">
      <h2 id="also-title">{t('suggestions.also')}</h2>
      <ul class="also-list">
        {items.map((item) => (
          <li key={item.participantId}>
            <p class="also-name">
              <Name item={item} /> <MutualBadge item={item} />
            </p>
            {item.reasons[0] && <p class="meta">{item.reasons[0].text}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
