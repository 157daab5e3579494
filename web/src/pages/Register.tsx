import i18next from 'i18next';
import { useState } from 'preact/hooks';
import { api, ApiError, type Edition } from '../api';
import { CheckboxField, ErrorText, Field, lines, TextAreaField } from '../components';
import { t } from '../i18n';
import { Link, navigate } from '../router';
import { logIn } from '../store';

const FIELDS = [
  'firstName',
  'lastName',
  'email',
  'password',
  'organizationName',
  'needs',
  'offers',
  'phone',
] as const;
type Values = Record<(typeof FIELDS)[number] | 'category', string>;

/** The visitor's registration: the API's own messages appear under the field they name. */
export function Register({ edition }: { edition: Edition }) {
  const [values, setValues] = useState<Values>({
    firstName: '',
    lastName: '',
    email: '',
    password: '',
    organizationName: '',
    needs: '',
    offers: '',
    phone: '',
    category: 'professional',
  });
  // Consent to being scanned at the stands: unticked unless the visitor ticks it.
  const [scanConsent, setScanConsent] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const about = (field: string) => (error instanceof ApiError ? error.about(field) : []);
  const set = (field: keyof Values) => (event: Event) =>
    setValues({ ...values, [field]: (event.currentTarget as HTMLInputElement).value });

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    try {
      // What one looks for and offers, one item per line, as on the exhibitor's profile.
      const list = (text: string) => (lines(text).length > 0 ? lines(text) : undefined);
      const body = {
        ...values,
        organizationName: values.organizationName.trim() || undefined,
        needs: list(values.needs),
        offers: list(values.offers),
        phone: values.phone.trim() || undefined,
        scanConsent,
        // Mail comes in the language the page is read in.
        language: i18next.language === 'en' ? 'en' : 'fr',
      };
      const res = await api<{ accessToken: string }>(`/editions/${edition.id}/registrations`, {
        method: 'POST',
        body,
      });
      await logIn(res.accessToken);
      navigate('/badge');
    } catch (e) {
      setError(e);
      setBusy(false);
      // Take the keyboard to the first field in error, which also reads its message out.
      setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
    }
  };

  return (
    <section class="narrow">
      <h1>{t('register.title')}</h1>
      <p class="lead">{t('register.lead', { edition: edition.name })}</p>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <Field
          name="firstName"
          label={t('register.firstName')}
          autoComplete="given-name"
          value={values.firstName}
          onInput={set('firstName')}
          errors={about('firstName')}
          required
        />
        <Field
          name="lastName"
          label={t('register.lastName')}
          autoComplete="family-name"
          value={values.lastName}
          onInput={set('lastName')}
          errors={about('lastName')}
          required
        />
        <Field
          name="email"
          type="email"
          label={t('register.email')}
          autoComplete="email"
          value={values.email}
          onInput={set('email')}
          errors={about('email')}
          required
        />
        <Field
          name="password"
          type="password"
          label={t('register.password')}
          hint={t('register.passwordHint')}
          autoComplete="new-password"
          value={values.password}
          onInput={set('password')}
          errors={about('password')}
          required
        />
        <fieldset class="field">
          <legend>{t('register.category')}</legend>
          {(['professional', 'public'] as const).map((c) => (
            <label key={c} class="choice">
              <input
                type="radio"
                name="category"
                value={c}
                checked={values.category === c}
                onChange={set('category')}
              />
              {t(`register.${c}`)}
            </label>
          ))}
          {about('category').length > 0 && <p class="error">{about('category').join(' · ')}</p>}
        </fieldset>
        <Field
          name="organizationName"
          label={t('register.organizationName')}
          autoComplete="organization"
          value={values.organizationName}
          onInput={set('organizationName')}
          errors={about('organizationName')}
        />
        <TextAreaField
          name="needs"
          label={t('register.needs')}
          hint={t('register.needsHint')}
          rows={3}
          value={values.needs}
          onInput={set('needs')}
          errors={about('needs')}
        />
        <TextAreaField
          name="offers"
          label={t('register.offers')}
          hint={t('register.offersHint')}
          rows={3}
          value={values.offers}
          onInput={set('offers')}
          errors={about('offers')}
        />
        <Field
          name="phone"
          type="tel"
          label={t('register.phone')}
          hint={t('register.phoneHint')}
          autoComplete="tel"
          value={values.phone}
          onInput={set('phone')}
          errors={about('phone')}
        />
        <CheckboxField
          name="scanConsent"
          label={t('register.scanConsent')}
          hint={t('register.scanConsentHint')}
          checked={scanConsent}
          onChange={setScanConsent}
          errors={about('scanConsent')}
        />
        {/* What names no field of the form (a duplicate email names none) is shown at the end. */}
        <ErrorText error={error} placed={[...FIELDS, 'category', 'scanConsent']} />
        <button type="submit" disabled={busy}>
          {t('register.submit')}
        </button>
      </form>
      <p>
        {t('register.already')} <Link href="/login">{t('nav.login')}</Link>
      </p>
    </section>
  );
}
