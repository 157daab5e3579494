import { useEffect, useState } from 'preact/hooks';
import type { TeamInvitationPreview, TeamJoined } from '../../../src/contract/api';
import { api, ApiError } from '../api';
import { ErrorText, Field } from '../components';
import { t } from '../i18n';
import { disconnect } from '../live';
import { Link, navigate } from '../router';
import { chooseEdition, logIn, logOut, useStore } from '../store';

/** The page of an invitation link: a new account for the colleague, or their existing one. */
export function Join({ token }: { token: string }) {
  const { me } = useStore();
  const [preview, setPreview] = useState<TeamInvitationPreview | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    api<TeamInvitationPreview>(`/invitations/${encodeURIComponent(token)}`).then((p) => {
      setPreview(p);
      setFirstName(p.firstName ?? '');
      setLastName(p.lastName ?? '');
    }, setLoadError);
  }, [token]);
  if (loadError) return <ErrorText error={loadError} />;
  if (!preview) return <p aria-busy="true">{t('common.loading')}</p>;
  const about = (field: string) => (error instanceof ApiError ? error.about(field) : []);
  const accept = async (body: object) => {
    setBusy(true);
    setError(null);
    try {
      const joined = await api<TeamJoined>(`/invitations/${encodeURIComponent(token)}/accept`, {
        method: 'POST',
        body,
      });
      await logIn(joined.accessToken);
      // The edition shown becomes the one joined.
      chooseEdition(joined.editionId);
      navigate('/inbox');
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  const lead = preview.stand
    ? t('join.lead', { edition: preview.editionName, stand: preview.stand, email: preview.email })
    : t('join.leadNoStand', { edition: preview.editionName, email: preview.email });
  const here = `/join/${token}`;
  return (
    <section class="narrow">
      <h1>{t('join.title', { organization: preview.organizationName })}</h1>
      <p>{lead}</p>
      {preview.existingAccount ? (
        me?.email === preview.email ? (
          <>
            <ErrorText error={error} />
            <button type="button" disabled={busy} onClick={() => void accept({})}>
              {t('join.joinAs', { email: preview.email })}
            </button>
          </>
        ) : me ? (
          <p>
            {t('join.otherAccount', { email: me.email })}{' '}
            <button
              type="button"
              class="link"
              onClick={() => {
                disconnect();
                logOut();
              }}
            >
              {t('nav.logout')}
            </button>
          </p>
        ) : (
          <>
            <p>{t('join.existing')}</p>
            <p>
              <Link class="button" href={`/login?next=${encodeURIComponent(here)}`}>
                {t('join.logIn')}
              </Link>
            </p>
          </>
        )
      ) : (
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            // Only what was typed: an empty field is told "required", not "too short".
            void accept(
              Object.fromEntries(
                Object.entries({ firstName, lastName, password }).filter(([, v]) => v.trim()),
              ),
            );
          }}
        >
          <p>{t('join.create')}</p>
          <Field
            name="firstName"
            label={t('join.firstName')}
            autoComplete="given-name"
            value={firstName}
            onInput={(e) => setFirstName(e.currentTarget.value)}
            errors={about('firstName')}
          />
          <Field
            name="lastName"
            label={t('join.lastName')}
            autoComplete="family-name"
            value={lastName}
            onInput={(e) => setLastName(e.currentTarget.value)}
            errors={about('lastName')}
          />
          <Field
            name="password"
            type="password"
            label={t('join.password')}
            hint={t('join.passwordHint')}
            autoComplete="new-password"
            value={password}
            onInput={(e) => setPassword(e.currentTarget.value)}
            errors={about('password')}
          />
          <ErrorText error={error} placed={['firstName', 'lastName', 'password']} />
          <button type="submit" disabled={busy}>
            {t('join.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
