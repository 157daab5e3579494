import { useState } from 'preact/hooks';
import { api, ApiError, type Me } from '../api';
import { ErrorText, Field } from '../components';
import { t } from '../i18n';
import { Link, navigate } from '../router';
import { logIn } from '../store';

/** Where a person lands after logging in: an applicant with no stand yet, on their application. */
export const homeOf = (me: Me): string =>
  me.role === 'organizer'
    ? '/dashboard'
    : me.role === 'exhibitor'
      ? me.participations.length > 0
        ? '/inbox'
        : '/application'
      : '/agenda';

export function Login() {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const about = (field: string) => (error instanceof ApiError ? error.about(field) : []);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await api<{ accessToken: string }>('/auth/login', {
        method: 'POST',
        body: { email, password },
      });
      const me = await logIn(res.accessToken);
      const next = new URLSearchParams(location.search).get('next');
      // Only a path of this site, never another origin.
      navigate(next?.startsWith('/') && !next.startsWith('//') ? next : me ? homeOf(me) : '/');
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  return (
    <section class="narrow">
      <h1>{t('login.title')}</h1>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <Field
          name="email"
          type="email"
          label={t('login.email')}
          autoComplete="username"
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
          errors={about('email')}
          required
        />
        <Field
          name="password"
          type="password"
          label={t('login.password')}
          autoComplete="current-password"
          value={password}
          onInput={(e) => setPassword(e.currentTarget.value)}
          errors={about('password')}
          required
        />
        <ErrorText error={error} placed={['email', 'password']} />
        <button type="submit" disabled={busy}>
          {t('login.submit')}
        </button>
      </form>
      <p>
        {t('login.noAccount')} <Link href="/register">{t('nav.register')}</Link>
      </p>
    </section>
  );
}
