import { useEffect, useState } from 'preact/hooks';
import type { Application, SubmittedApplication } from '../../../src/contract/api';
import {
  api,
  ApiError,
  LEGAL_FORMS,
  type Edition,
  type LegalForm,
  type Organization,
} from '../api';
import { ErrorText, Field, lines, SelectField, TextAreaField } from '../components';
import { t } from '../i18n';
import { Link, navigate } from '../router';
import { logIn, myParticipantId, useStore } from '../store';
import { SectorPicker } from './SectorPicker';

const ORGANIZATION_FIELDS = [
  'name',
  'city',
  'department',
  'sectors',
  'description',
  'offers',
  'needs',
  'website',
] as const;
const CONTACT_FIELDS = ['firstName', 'lastName', 'email', 'phone', 'password'] as const;

type TextField = Exclude<(typeof ORGANIZATION_FIELDS)[number], 'sectors'>;

type Form = Record<TextField, string> &
  Record<(typeof CONTACT_FIELDS)[number], string> & {
    legalForm: LegalForm | '';
    sectors: string[];
    standWishes: string;
  };

/** The API's names of the form's fields, to place each refusal beside its field. */
const PLACED = [
  ...ORGANIZATION_FIELDS.map((f) => `organization.${f}`),
  'organization.legalForm',
  ...CONTACT_FIELDS.map((f) => `contact.${f}`),
  'standWishes',
];

const EMPTY: Form = {
  name: '',
  legalForm: '',
  city: '',
  department: '',
  sectors: [],
  description: '',
  offers: '',
  needs: '',
  website: '',
  standWishes: '',
  firstName: '',
  lastName: '',
  email: '',
  phone: '',
  password: '',
};

function fromOrganization(o: Organization): Partial<Form> {
  return {
    name: o.name,
    legalForm: o.legalForm,
    city: o.city,
    department: o.department,
    sectors: o.sectors,
    description: o.description,
    offers: o.offers.join('\n'),
    needs: o.needs.join('\n'),
    website: o.website ?? '',
  };
}

/**
 * "Exposer au salon": a structure applies for the edition shown. A newcomer opens its exhibitor
 * account with it; a logged-in exhibitor applies with its organization, prefilled from its profile.
 */
export function Apply({ edition }: { edition: Edition }) {
  const store = useStore();
  const me = store.me;
  const [form, setForm] = useState<Form>(EMPTY);
  const [returning, setReturning] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const exhibiting = me?.role === 'exhibitor' && myParticipantId(store) !== null;

  useEffect(() => {
    if (me?.role !== 'exhibitor') return;
    const contact = { firstName: me.firstName, lastName: me.lastName, email: me.email };
    setForm((f) => ({ ...f, ...contact }));
    api<Application[]>('/applications/mine').then(
      (mine) => setPending(mine.some((a) => a.editionId === edition.id && a.status === 'pending')),
      setError,
    );
    if (!me.organizationId) return;
    api<Organization>(`/organizations/${me.organizationId}`).then((o) => {
      setForm((f) => ({ ...f, ...fromOrganization(o) }));
      setReturning(o.name);
    }, setError);
  }, [me?.id, edition.id]);

  if (me && me.role !== 'exhibitor') {
    return (
      <section class="narrow">
        <h1>{t('apply.title')}</h1>
        <p>{t('apply.wrongRole')}</p>
      </section>
    );
  }
  if (exhibiting || pending) {
    return (
      <section class="narrow">
        <h1>{t('apply.title')}</h1>
        <p role="status">{exhibiting ? t('apply.exhibiting') : t('apply.pending')}</p>
        <p>
          <Link href="/application">{t('apply.seeMine')}</Link>
        </p>
      </section>
    );
  }

  const about = (field: string) => (error instanceof ApiError ? error.about(field) : []);
  const edit =
    (field: Exclude<keyof Form, 'sectors'>) => (e: { currentTarget: { value: string } }) =>
      setForm({ ...form, [field]: e.currentTarget.value });
  const text = (field: TextField | (typeof CONTACT_FIELDS)[number]) => ({
    value: form[field],
    onInput: edit(field),
  });

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await api<SubmittedApplication>(`/editions/${edition.id}/applications`, {
        method: 'POST',
        body: {
          organization: {
            name: form.name,
            legalForm: form.legalForm,
            city: form.city,
            department: form.department,
            sectors: form.sectors,
            description: form.description.trim(),
            offers: lines(form.offers),
            needs: lines(form.needs),
            website: form.website.trim() || null,
          },
          standWishes: form.standWishes.trim() || null,
          contact: {
            firstName: form.firstName,
            lastName: form.lastName,
            email: form.email,
            phone: form.phone.trim() || null,
            // A logged-in exhibitor has its account already.
            ...(me ? {} : { password: form.password }),
          },
        },
      });
      if (res.accessToken) await logIn(res.accessToken);
      navigate('/application');
    } catch (e) {
      setError(e);
      setBusy(false);
      // Take the keyboard to the first field in error, which also reads its message out.
      setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
    }
  };

  return (
    <section class="narrow">
      <h1>{t('apply.title')}</h1>
      <p class="lead">{t('apply.lead', { edition: edition.name })}</p>
      {returning && <p>{t('apply.returning', { name: returning })}</p>}
      <form noValidate onSubmit={(e) => void submit(e)}>
        <fieldset>
          <legend>{t('apply.organization')}</legend>
          <Field
            name="organization-name"
            label={t('apply.name')}
            autoComplete="organization"
            errors={about('organization.name')}
            {...text('name')}
          />
          <SelectField
            name="organization-legalForm"
            label={t('apply.legalForm')}
            value={form.legalForm}
            options={[
              ['', t('apply.choose')] as const,
              ...LEGAL_FORMS.map((f) => [f, t(`legalForm.${f}`)] as const),
            ]}
            onChange={(legalForm) => setForm({ ...form, legalForm })}
            errors={about('organization.legalForm')}
          />
          <Field
            name="organization-city"
            label={t('apply.city')}
            autoComplete="address-level2"
            errors={about('organization.city')}
            {...text('city')}
          />
          <Field
            name="organization-department"
            label={t('apply.department')}
            hint={t('apply.departmentHint')}
            inputMode="numeric"
            maxLength={3}
            errors={about('organization.department')}
            {...text('department')}
          />
          <SectorPicker
            name="organization-sectors"
            legend={t('apply.sectors')}
            value={form.sectors}
            onChange={(sectors) => setForm({ ...form, sectors })}
            errors={about('organization.sectors')}
          />
          <TextAreaField
            name="organization-description"
            label={t('apply.description')}
            rows={4}
            errors={about('organization.description')}
            {...text('description')}
          />
          <TextAreaField
            name="organization-offers"
            label={t('apply.offers')}
            hint={t('apply.oneperLine')}
            rows={3}
            errors={about('organization.offers')}
            {...text('offers')}
          />
          <TextAreaField
            name="organization-needs"
            label={t('apply.needs')}
            hint={t('apply.oneperLine')}
            rows={3}
            errors={about('organization.needs')}
            {...text('needs')}
          />
          <Field
            name="organization-website"
            type="url"
            label={t('apply.website')}
            hint={t('apply.websiteHint')}
            errors={about('organization.website')}
            {...text('website')}
          />
        </fieldset>
        <fieldset>
          <legend>{t('apply.stand')}</legend>
          <TextAreaField
            name="standWishes"
            label={t('apply.standWishes')}
            hint={t('apply.standWishesHint')}
            rows={2}
            value={form.standWishes}
            onInput={edit('standWishes')}
            errors={about('standWishes')}
          />
        </fieldset>
        <fieldset>
          <legend>{t('apply.contact')}</legend>
          <Field
            name="contact-firstName"
            label={t('apply.firstName')}
            autoComplete="given-name"
            errors={about('contact.firstName')}
            {...text('firstName')}
          />
          <Field
            name="contact-lastName"
            label={t('apply.lastName')}
            autoComplete="family-name"
            errors={about('contact.lastName')}
            {...text('lastName')}
          />
          <Field
            name="contact-email"
            type="email"
            label={t('apply.email')}
            autoComplete="email"
            errors={about('contact.email')}
            {...text('email')}
          />
          <Field
            name="contact-phone"
            type="tel"
            label={t('apply.phone')}
            hint={t('apply.phoneHint')}
            autoComplete="tel"
            errors={about('contact.phone')}
            {...text('phone')}
          />
          {!me && (
            <Field
              name="contact-password"
              type="password"
              label={t('apply.password')}
              hint={t('apply.passwordHint')}
              autoComplete="new-password"
              errors={about('contact.password')}
              {...text('password')}
            />
          )}
        </fieldset>
        <ErrorText error={error} placed={PLACED} />
        <button type="submit" disabled={busy}>
          {t('apply.submit')}
        </button>
      </form>
      {!me && (
        <p>
          {t('apply.already')}{' '}
          <Link href={`/login?next=${encodeURIComponent('/apply')}`}>{t('apply.logIn')}</Link>
        </p>
      )}
    </section>
  );
}
