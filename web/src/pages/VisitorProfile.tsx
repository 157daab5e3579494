import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type Edition, type VisitorProfile as ProfileData } from '../api';
import { CheckboxField, commaList, ErrorText, Field, lines, TextAreaField } from '../components';
import { t } from '../i18n';
import { Link } from '../router';
import { myParticipantId, useStore } from '../store';

const FIELDS = ['organizationName', 'interests', 'needs', 'offers', 'phone'] as const;
type Form = Record<(typeof FIELDS)[number], string> & { scanConsent: boolean };

function toForm(p: ProfileData): Form {
  return {
    organizationName: p.organizationName ?? '',
    interests: p.interests.join(', '),
    needs: p.needs.join('\n'),
    offers: p.offers.join('\n'),
    phone: p.phone ?? '',
    scanConsent: p.scanConsent,
  };
}

/** A visitor's own matchmaking profile at the shown edition: what they look for and offer. */
export function VisitorProfile({ edition }: { edition: Edition }) {
  const store = useStore();
  const participantId = myParticipantId(store);
  const url = `/editions/${edition.id}/registrations/${participantId}/profile`;
  const [form, setForm] = useState<Form | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (participantId) api<ProfileData>(url).then((p) => setForm(toForm(p)), setError);
  }, [url]);
  if (!participantId) {
    return (
      <p>
        {t('visitorProfile.notRegistered')} <Link href="/register">{t('nav.register')}</Link>
      </p>
    );
  }
  if (!form)
    return error ? <ErrorText error={error} /> : <p aria-busy="true">{t('common.loading')}</p>;

  const about = (field: string) => (error instanceof ApiError ? error.about(field) : []);
  const edit = (field: (typeof FIELDS)[number]) => (e: { currentTarget: { value: string } }) => {
    setSaved(false);
    setForm({ ...form, [field]: e.currentTarget.value });
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const p = await api<ProfileData>(url, {
        method: 'PATCH',
        body: {
          organizationName: form.organizationName.trim() || null,
          interests: commaList(form.interests),
          needs: lines(form.needs),
          offers: lines(form.offers),
          phone: form.phone.trim() || null,
          scanConsent: form.scanConsent,
        },
      });
      setForm(toForm(p));
      setSaved(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="narrow">
      <p>
        <Link href="/">{t('visitorProfile.back')}</Link>
      </p>
      <h1>{t('visitorProfile.title')}</h1>
      <p class="lead">{t('visitorProfile.lead')}</p>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <TextAreaField
          name="needs"
          label={t('visitorProfile.needs')}
          hint={t('visitorProfile.oneperLine')}
          rows={4}
          value={form.needs}
          onInput={edit('needs')}
          errors={about('needs')}
        />
        <TextAreaField
          name="offers"
          label={t('visitorProfile.offers')}
          hint={t('visitorProfile.oneperLine')}
          rows={4}
          value={form.offers}
          onInput={edit('offers')}
          errors={about('offers')}
        />
        <Field
          name="interests"
          label={t('visitorProfile.interests')}
          hint={t('visitorProfile.interestsHint')}
          value={form.interests}
          onInput={edit('interests')}
          errors={about('interests')}
        />
        <Field
          name="organizationName"
          label={t('visitorProfile.organizationName')}
          autoComplete="organization"
          value={form.organizationName}
          onInput={edit('organizationName')}
          errors={about('organizationName')}
        />
        <Field
          name="phone"
          type="tel"
          label={t('visitorProfile.phone')}
          hint={t('visitorProfile.phoneHint')}
          autoComplete="tel"
          value={form.phone}
          onInput={edit('phone')}
          errors={about('phone')}
        />
        <CheckboxField
          name="scanConsent"
          label={t('visitorProfile.scanConsent')}
          hint={t('visitorProfile.scanConsentHint')}
          checked={form.scanConsent}
          onChange={(scanConsent) => {
            setSaved(false);
            setForm({ ...form, scanConsent });
          }}
          errors={about('scanConsent')}
        />
        <ErrorText error={error} placed={[...FIELDS, 'scanConsent']} />
        <p class="success" role="status">
          {saved ? t('visitorProfile.saved') : ''}
        </p>
        <button type="submit" disabled={busy}>
          {t('visitorProfile.submit')}
        </button>
      </form>
    </section>
  );
}
