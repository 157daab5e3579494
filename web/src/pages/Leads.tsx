import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, download, type Edition } from '../api';
import { ErrorText, Field, SelectField, TextAreaField } from '../components';
import { formatDay, formatTime, t } from '../i18n';
import { newScan, sendScan, type Lead, type Leads as LeadsData, type ScanResult } from '../leads';
import { useStandId } from './Team';

const fullName = (p: { firstName: string; lastName: string }) => `${p.firstName} ${p.lastName}`;

/** Newest scan first, as the server lists them. */
const newestFirst = (leads: Lead[]) =>
  [...leads].sort((a, b) => Date.parse(b.scannedAt) - Date.parse(a.scannedAt));

/** "Scanner un visiteur": a badge code typed in, the stand's contacts with a note and a rating each. */
export function Leads({ edition }: { edition: Edition }) {
  const standId = useStandId(edition);
  const [leads, setLeads] = useState<Lead[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (standId)
      api<LeadsData>(`/editions/${edition.id}/leads`).then((x) => setLeads(x.items), setError);
  }, [edition.id, standId]);
  if (!standId) return <p>{t('leads.notExhibitor')}</p>;
  // A lead scanned again, or edited, replaces its line; a new one joins the list.
  const put = (lead: Lead) =>
    setLeads((list) => newestFirst([lead, ...(list ?? []).filter((l) => l.id !== lead.id)]));
  return (
    <section>
      <h1>{t('leads.title')}</h1>
      <p class="lead">{t('leads.lead')}</p>
      <ScanForm edition={edition} onScanned={put} />
      <section aria-labelledby="leads-list">
        <h2 id="leads-list">{t('leads.list', { count: leads?.length ?? 0 })}</h2>
        <div class="actions">
          <button
            type="button"
            class="secondary"
            onClick={() =>
              void download(`/editions/${edition.id}/leads.csv`, 'contacts.csv').catch(setError)
            }
          >
            {t('leads.csv')}
          </button>
        </div>
        <ErrorText error={error} />
        {!leads ? (
          !error && <p aria-busy="true">{t('common.loading')}</p>
        ) : leads.length === 0 ? (
          <p>{t('leads.empty')}</p>
        ) : (
          <ul class="contact-list">
            {leads.map((lead) => (
              <LeadItem key={lead.id} edition={edition} lead={lead} onSaved={put} />
            ))}
          </ul>
        )}
      </section>
    </section>
  );
}

/** The badge code typed by hand (the camera will fill the same scan in). */
function ScanForm({ edition, onScanned }: { edition: Edition; onScanned: (lead: Lead) => void }) {
  const [code, setCode] = useState('');
  const [result, setResult] = useState<ScanResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: Event) => {
    event.preventDefault();
    setError(null);
    setResult(null);
    setBusy(true);
    try {
      const res = await sendScan(edition.id, newScan(code));
      setResult(res);
      setCode('');
      onScanned(res);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const about = error instanceof ApiError ? error.about('badgeCode') : [];
  return (
    <section class="panel">
      <form noValidate onSubmit={(e) => void submit(e)}>
        <Field
          name="badgeCode"
          label={t('leads.code')}
          hint={t('leads.hint')}
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
          errors={about}
          autoComplete="off"
          autoCapitalize="characters"
          required
        />
        <button type="submit" disabled={busy}>
          {t('leads.submit')}
        </button>
      </form>
      <p class={result?.duplicate ? 'warning' : 'success'} role="status">
        {result &&
          t(result.duplicate ? 'leads.already' : 'leads.added', {
            name: fullName(result.visitor),
          })}
      </p>
      <ErrorText error={error} placed={['badgeCode']} />
    </section>
  );
}

const RATINGS = ['', '1', '2', '3', '4', '5'] as const;

/** One contact: who, how to reach them (while they consent), and the stand's note and rating. */
function LeadItem({
  edition,
  lead,
  onSaved,
}: {
  edition: Edition;
  lead: Lead;
  onSaved: (lead: Lead) => void;
}) {
  const [note, setNote] = useState(lead.note);
  const [rating, setRating] = useState<(typeof RATINGS)[number]>(
    lead.rating === null ? '' : (String(lead.rating) as (typeof RATINGS)[number]),
  );
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const { visitor } = lead;
  const name = fullName(visitor);
  const when = {
    day: formatDay(lead.scannedAt, edition.timezone),
    time: formatTime(lead.scannedAt, edition.timezone),
  };
  const save = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    try {
      const updated = await api<Lead>(`/leads/${lead.id}`, {
        method: 'PATCH',
        body: { note, rating: rating === '' ? null : Number(rating) },
      });
      setSaved(true);
      onSaved(updated);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const about = (field: string) => (error instanceof ApiError ? error.about(field) : []);
  return (
    <li class="contact" aria-labelledby={`lead-${lead.id}`}>
      <h3 id={`lead-${lead.id}`}>{name}</h3>
      {visitor.organizationName && <p>{visitor.organizationName}</p>}
      {visitor.category && <p class="hint">{t(`badge.kind.${visitor.category}`)}</p>}
      {visitor.scanConsent ? (
        <dl class="contact-details">
          {visitor.email && (
            <>
              <dt>{t('leads.email')}</dt>
              <dd>
                <a href={`mailto:${visitor.email}`}>{visitor.email}</a>
              </dd>
            </>
          )}
          {visitor.phone && (
            <>
              <dt>{t('leads.phone')}</dt>
              <dd>
                <a href={`tel:${visitor.phone.replace(/[^+\d]/g, '')}`}>{visitor.phone}</a>
              </dd>
            </>
          )}
        </dl>
      ) : (
        <p class="warning">{t('leads.withdrawn')}</p>
      )}
      <p class="hint">
        {lead.scannedBy
          ? t('leads.scannedBy', { ...when, name: fullName(lead.scannedBy) })
          : t('leads.scanned', when)}
      </p>
      <form noValidate onSubmit={(e) => void save(e)}>
        <TextAreaField
          name={`note-${lead.id}`}
          label={t('leads.note')}
          hint={t('leads.noteHint')}
          rows={3}
          value={note}
          onInput={(e) => {
            setSaved(false);
            setNote(e.currentTarget.value);
          }}
          errors={about('note')}
        />
        <SelectField
          name={`rating-${lead.id}`}
          label={t('leads.rating')}
          value={rating}
          options={RATINGS.map(
            (r) =>
              [r, r === '' ? t('leads.noRating') : t('leads.stars', { count: Number(r) })] as const,
          )}
          onChange={(value) => {
            setSaved(false);
            setRating(value);
          }}
          errors={about('rating')}
        />
        <ErrorText error={error} placed={['note', 'rating']} />
        <p class="success" role="status">
          {saved ? t('leads.saved') : ''}
        </p>
        <button type="submit" class="secondary" disabled={busy}>
          {t('leads.save')}
        </button>
      </form>
    </li>
  );
}
