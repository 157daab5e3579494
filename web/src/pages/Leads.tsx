import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, download, type Edition } from '../api';
import { ErrorText, Field, SelectField, TextAreaField } from '../components';
import { errorSentence } from '../errors';
import { formatDay, formatTime, t } from '../i18n';
import { sendScan, type Lead, type Leads as LeadsData } from '../leads';
import { enqueue, refusal, sendScansWith, useScans } from '../scan-queue';
import { useStore } from '../store';
import { CameraScanner } from './CameraScanner';
import { ScanList } from './CheckIn';
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
  const load = () => {
    if (standId)
      api<LeadsData>(`/editions/${edition.id}/leads`).then((x) => setLeads(x.items), setError);
  };
  useEffect(load, [edition.id, standId]);
  if (!standId) return <p>{t('leads.notExhibitor')}</p>;
  // A lead scanned again, or edited, replaces its line; a new one joins the list.
  const put = (lead: Lead) =>
    setLeads((list) => newestFirst([lead, ...(list ?? []).filter((l) => l.id !== lead.id)]));
  return (
    <section>
      <h1>{t('leads.title')}</h1>
      <p class="lead">{t('leads.lead')}</p>
      <ScanForm edition={edition} onSent={load} />
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

sendScansWith('lead', async (scan) => {
  const { badgeCode, scanId, scannedAt } = scan;
  const res = await sendScan(scan.editionId, { badgeCode, scanId, scannedAt });
  return { name: fullName(res.visitor), alreadyDone: res.duplicate };
});

/**
 * A badge read by the camera or typed by hand: kept on this phone and sent at once, or when the
 * network comes back; `onSent` after each one the server has.
 */
function ScanForm({ edition, onSent }: { edition: Edition; onSent: () => void }) {
  const { me } = useStore();
  const [code, setCode] = useState('');
  // An empty code is said at once, on the field: it needs no network.
  const [empty, setEmpty] = useState(false);
  const scans = useScans('lead', edition.id, me?.id ?? null);
  const sent = scans.filter((s) => s.status === 'sent').length;
  useEffect(() => {
    if (sent > 0) onSent();
  }, [sent]);
  if (!me) return null;
  const scan = (badgeCode: string) =>
    void enqueue({
      kind: 'lead',
      editionId: edition.id,
      userId: me.id,
      badgeCode: badgeCode.trim().toUpperCase(),
    });
  const submit = (event: Event) => {
    event.preventDefault();
    setEmpty(!code.trim());
    if (!code.trim()) return;
    scan(code);
    setCode('');
  };
  const latest = scans[0];
  const error = latest?.status === 'refused' ? refusal(latest) : null;
  return (
    <section class="panel">
      <CameraScanner onCode={scan} />
      <form noValidate onSubmit={submit}>
        <Field
          name="badgeCode"
          label={t('leads.code')}
          hint={t('leads.hint')}
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
          errors={
            empty
              ? [errorSentence('validation/required', 400)]
              : error
                ? error.about('badgeCode')
                : []
          }
          autoComplete="off"
          autoCapitalize="characters"
          required
        />
        <button type="submit">{t('leads.submit')}</button>
      </form>
      <p
        class={latest?.status === 'sent' && !latest.alreadyDone ? 'success' : 'warning'}
        role="status"
      >
        {latest?.status === 'pending' && t('checkIn.pending', { code: latest.badgeCode })}
        {latest?.status === 'sent' &&
          t(latest.alreadyDone ? 'leads.already' : 'leads.added', { name: latest.name })}
      </p>
      <ErrorText error={error} placed={['badgeCode']} />
      <ScanList scans={scans.filter((s) => s.status !== 'sent')} timeZone={edition.timezone} />
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
