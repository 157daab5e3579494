import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type Organization } from '../api';
import { ErrorText, Field, lines, TextAreaField } from '../components';
import { t } from '../i18n';
import { Link } from '../router';
import { useStore } from '../store';
import { SectorPicker } from './SectorPicker';

const FIELDS = ['description', 'offers', 'needs', 'sectors', 'website'] as const;
type Form = Record<Exclude<(typeof FIELDS)[number], 'sectors'>, string> & { sectors: string[] };

function toForm(o: Organization): Form {
  return {
    description: o.description ?? '',
    offers: o.offers.join('\n'),
    needs: o.needs.join('\n'),
    sectors: o.sectors,
    website: o.website ?? '',
  };
}

/** The exhibitor's own catalogue page: what it offers and needs, edited with the API's messages per field. */
export function Profile() {
  const { me } = useStore();
  const organizationId = me?.organizationId;
  const [form, setForm] = useState<Form | null>(null);
  const [name, setName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!organizationId) return;
    api<Organization>(`/organizations/${organizationId}`).then((o) => {
      setForm(toForm(o));
      setName(o.name);
    }, setError);
  }, [organizationId]);
  if (!organizationId) return <p>{t('profile.noOrganization')}</p>;
  if (!form)
    return error ? <ErrorText error={error} /> : <p aria-busy="true">{t('common.loading')}</p>;

  const about = (field: string) => (error instanceof ApiError ? error.about(field) : []);
  const change = (changes: Partial<Form>) => {
    setSaved(false);
    setForm({ ...form, ...changes });
  };
  const edit =
    (field: Exclude<keyof Form, 'sectors'>) => (e: { currentTarget: { value: string } }) =>
      change({ [field]: e.currentTarget.value });
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const o = await api<Organization>(`/organizations/${organizationId}`, {
        method: 'PATCH',
        body: {
          description: form.description.trim(),
          offers: lines(form.offers),
          needs: lines(form.needs),
          sectors: form.sectors,
          website: form.website.trim() || null,
        },
      });
      setForm(toForm(o));
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
        <Link href="/inbox">{t('profile.back')}</Link>
      </p>
      <h1>{t('profile.title')}</h1>
      <p class="lead">{name}</p>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <TextAreaField
          name="description"
          label={t('profile.description')}
          rows={5}
          value={form.description}
          onInput={edit('description')}
          errors={about('description')}
        />
        <TextAreaField
          name="offers"
          label={t('profile.offers')}
          hint={t('profile.oneperLine')}
          rows={4}
          value={form.offers}
          onInput={edit('offers')}
          errors={about('offers')}
        />
        <TextAreaField
          name="needs"
          label={t('profile.needs')}
          hint={t('profile.oneperLine')}
          rows={4}
          value={form.needs}
          onInput={edit('needs')}
          errors={about('needs')}
        />
        <SectorPicker
          name="sectors"
          legend={t('profile.sectors')}
          value={form.sectors}
          onChange={(sectors) => change({ sectors })}
          errors={about('sectors')}
        />
        <Field
          name="website"
          type="url"
          label={t('profile.website')}
          hint={t('profile.websiteHint')}
          value={form.website}
          onInput={edit('website')}
          errors={about('website')}
        />
        {/* Refusals tied to no field of the form are shown above the button. */}
        <ErrorText error={error} placed={FIELDS} />
        <p class="success" role="status">
          {saved ? t('profile.saved') : ''}
        </p>
        <button type="submit" disabled={busy}>
          {t('profile.submit')}
        </button>
      </form>
    </section>
  );
}
