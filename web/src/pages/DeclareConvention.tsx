import { useState } from 'preact/hooks';
import { CONVENTION_KINDS } from '../../../src/conventions/convention-rules';
import { api, ApiError, type Convention, type Edition, type Meeting } from '../api';
import { ErrorText, Field } from '../components';
import { t } from '../i18n';
import { useStore } from '../store';

const ROLE_SUGGESTIONS = [
  'buyer',
  'supplier',
  'partner',
  'provider',
  'client',
  'subcontractor',
  'funder',
];

/**
 * From a held meeting: declare the convention born of it, my organization and the other person's
 * as parties (an exhibitor's, or the one a visitor named at registration), each with its role.
 * `invited`: the person came from the mail saying an agreement was reached; the form is open, its
 * title suggested.
 */
export function DeclareConvention({
  edition,
  meeting,
  invited = false,
}: {
  edition: Edition;
  meeting: Meeting;
  invited?: boolean;
}) {
  const { me } = useStore();
  const [open, setOpen] = useState(invited);
  const [title, setTitle] = useState(
    invited && meeting.partner.organizationName
      ? t('declare.suggestedTitle', { name: meeting.partner.organizationName })
      : '',
  );
  const [kind, setKind] = useState('partnership');
  const [myRole, setMyRole] = useState('');
  const [partnerRole, setPartnerRole] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [declared, setDeclared] = useState<Convention | null>(null);
  const partner = meeting.partner;
  const partnerOrganization = partner.organizationName;
  if (meeting.status !== 'held' || !me?.organizationId || !partnerOrganization) return null;
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
      const convention = await api<Convention>('/conventions', {
        method: 'POST',
        body: {
          editionId: edition.id,
          title: title.trim(),
          kind,
          parties: [
            { organizationId: me.organizationId, role: myRole.trim() },
            // The server finds the organization the other person stands for.
            { participantId: partner.participantId, role: partnerRole.trim() },
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
  const about = (field: string) => (error instanceof ApiError ? error.about(field) : []);
  const titleErrors = about('title');
  const myRoleErrors = about('parties.0.role');
  const partnerRoleErrors = about('parties.1.role');
  const id = `declare-${meeting.id}`;
  const suggestions = `${id}-roles`;
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
          {CONVENTION_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`convention.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <datalist id={suggestions}>
        {ROLE_SUGGESTIONS.map((r) => (
          <option key={r} value={t(`declare.roles.${r}`)} />
        ))}
      </datalist>
      <Field
        name={`${id}-my-role`}
        label={t('declare.myRole')}
        hint={t('declare.roleHint')}
        value={myRole}
        onInput={(e) => setMyRole(e.currentTarget.value)}
        errors={myRoleErrors}
        list={suggestions}
        maxLength={60}
        autoComplete="off"
        required
      />
      <Field
        name={`${id}-partner-role`}
        label={t('declare.partnerRole', { name: partnerOrganization })}
        value={partnerRole}
        onInput={(e) => setPartnerRole(e.currentTarget.value)}
        errors={partnerRoleErrors}
        list={suggestions}
        maxLength={60}
        autoComplete="off"
        required
      />
      <ErrorText error={error} placed={['title', 'parties.0.role', 'parties.1.role']} />
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
