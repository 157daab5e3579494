import { useState } from 'preact/hooks';
import { api, ApiError, type Convention, type Edition, type Exhibitor, type Meeting } from '../api';
import { ErrorText, Field } from '../components';
import { t } from '../i18n';
import { useStore } from '../store';

const KINDS = ['supply', 'partnership', 'subcontracting', 'service', 'financing', 'other'];

/** From a held meeting between two exhibitors: declare the convention born of it, both as parties. */
export function DeclareConvention({ edition, meeting }: { edition: Edition; meeting: Meeting }) {
  const { me } = useStore();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState('partnership');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [declared, setDeclared] = useState<Convention | null>(null);
  const partnerExhibitor = meeting.partner.exhibitorId;
  if (meeting.status !== 'held' || !me?.organizationId || !partnerExhibitor) return null;
  if (declared) {
    return (
      <p class="success" role="status">
        {t('declare.done', { title: declared.title })}
      </p>
    );
  }
  if (!open) {
    return (
      <button type="button" class="link" onClick={() => setOpen(true)}>
        {t('declare.open')}
      </button>
    );
  }
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const partner = await api<Exhibitor>(
        `/editions/${edition.id}/exhibitors/${partnerExhibitor}`,
      );
      const convention = await api<Convention>('/conventions', {
        method: 'POST',
        body: {
          editionId: edition.id,
          title: title.trim(),
          kind,
          parties: [
            { organizationId: me.organizationId, role: 'partner' },
            { organizationId: partner.organization.id, role: 'partner' },
          ],
          meetingIds: [meeting.id],
        },
      });
      setDeclared(convention);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const titleErrors = error instanceof ApiError ? error.about('title') : [];
  const id = `declare-${meeting.id}`;
  return (
    <form class="declare" noValidate onSubmit={(e) => void submit(e)}>
      <Field
        name={`${id}-title`}
        label={t('declare.title')}
        value={title}
        onInput={(e) => setTitle(e.currentTarget.value)}
        errors={titleErrors}
        maxLength={200}
        required
      />
      <div class="field">
        <label for={`${id}-kind`}>{t('declare.kind')}</label>
        <select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.currentTarget.value)}>
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`convention.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <ErrorText
        error={
          error instanceof ApiError && titleErrors.length === error.messages.length ? null : error
        }
      />
      <div class="actions">
        <button type="submit" disabled={busy}>
          {t('declare.submit')}
        </button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          {t('common.back')}
        </button>
      </div>
    </form>
  );
}
