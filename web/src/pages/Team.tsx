import { useEffect, useState } from 'preact/hooks';
import type {
  CreatedTeamInvitation,
  Team as TeamData,
  TeamMember,
} from '../../../src/contract/api';
import { api, ApiError, type Edition, type Meeting } from '../api';
import { ErrorText, Field, SelectField } from '../components';
import { formatDay, t } from '../i18n';
import { useStore } from '../store';

/** The stand I am a member of at this edition, if any. */
export function useStandId(edition: Edition): string | null {
  const { me } = useStore();
  return me?.participations.find((p) => p.editionId === edition.id)?.exhibitorId ?? null;
}

/** My stand's team (members and pending invitations), for the team page and the holder choices. */
export function useTeam(edition: Edition) {
  const standId = useStandId(edition);
  const [team, setTeam] = useState<TeamData | null>(null);
  const [error, setError] = useState<unknown>(null);
  const load = () =>
    standId
      ? api<TeamData>(`/editions/${edition.id}/exhibitors/${standId}/team`).then((x) => {
          setTeam(x);
          setError(null);
        }, setError)
      : Promise.resolve();
  useEffect(() => void load(), [edition.id, standId]);
  return { team, error, reload: load };
}

export const memberName = (m: { firstName: string; lastName: string }) =>
  `${m.firstName} ${m.lastName}`;

const formatDate = (iso: string) => formatDay(iso);

/** "Mon équipe": the stand's members, inviting a colleague by a link to copy, removing one. */
export function Team({ edition }: { edition: Edition }) {
  const { me } = useStore();
  const standId = useStandId(edition);
  const { team, error, reload } = useTeam(edition);
  const [actionError, setActionError] = useState<unknown>(null);
  if (!standId) return <p>{t('team.notExhibitor')}</p>;
  if (error) return <ErrorText error={error} />;
  if (!team) return <p aria-busy="true">{t('common.loading')}</p>;
  const base = `/editions/${edition.id}/exhibitors/${standId}`;
  const act = async (path: string) => {
    setActionError(null);
    try {
      await api(`${base}${path}`, { method: 'DELETE' });
      await reload();
    } catch (e) {
      setActionError(e);
    }
  };
  return (
    <section>
      <h1>{t('team.title')}</h1>
      <p>
        {team.stand
          ? t('team.lead', { organization: team.organizationName, stand: team.stand })
          : t('team.leadNoStand', { organization: team.organizationName })}
      </p>
      <h2>{t('team.members', { count: team.members.length })}</h2>
      <ErrorText error={actionError} />
      <ul class="meetings" aria-label={t('team.members', { count: team.members.length })}>
        {team.members.map((m) => {
          const mine = m.userId === me?.id;
          return (
            <li key={m.participantId} class="meeting" aria-label={memberName(m)}>
              <div>
                <p class="partner">
                  {memberName(m)}
                  {mine ? ` (${t('team.you')})` : ''}
                </p>
                <p class="meta">
                  {[
                    m.email,
                    m.contact ? t('team.contact') : '',
                    t('team.meetings', { count: m.scheduledMeetings }),
                  ]
                    .filter(Boolean)
                    .join(' · ')}
                </p>
                {team.members.length > 1 && (
                  <button
                    type="button"
                    class="link"
                    onClick={() => void act(`/members/${m.participantId}`)}
                  >
                    {mine ? t('team.leave') : t('team.remove', { name: memberName(m) })}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
      <Invite base={base} onDone={() => void reload()} />
      {team.invitations.length > 0 && (
        <>
          <h2>{t('team.pending', { count: team.invitations.length })}</h2>
          <ul class="meetings">
            {team.invitations.map((i) => (
              <li key={i.id} class="meeting" aria-label={i.email}>
                <div>
                  <p class="partner">{i.email}</p>
                  <p class="meta">{t('team.expires', { date: formatDate(i.expiresAt) })}</p>
                  <button
                    type="button"
                    class="link"
                    onClick={() => void act(`/invitations/${i.id}`)}
                  >
                    {t('team.withdraw')}
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function Invite({ base, onDone }: { base: string; onDone: () => void }) {
  const [email, setEmail] = useState('');
  const [firstName, setFirstName] = useState('');
  const [lastName, setLastName] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<CreatedTeamInvitation | null>(null);
  const [copied, setCopied] = useState(false);
  const about = (field: string) => (error instanceof ApiError ? error.about(field) : []);
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setCopied(false);
    try {
      const invitation = await api<CreatedTeamInvitation>(`${base}/invitations`, {
        method: 'POST',
        body: {
          email,
          ...(firstName.trim() ? { firstName } : {}),
          ...(lastName.trim() ? { lastName } : {}),
        },
      });
      setCreated(invitation);
      setEmail('');
      setFirstName('');
      setLastName('');
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  // The link of this very page's origin, which is where the colleague will open the web app.
  const link = created ? `${location.origin}${created.joinPath}` : '';
  return (
    <section>
      <h2>{t('team.invite')}</h2>
      <p>{t('team.inviteLead')}</p>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <Field
          name="email"
          type="email"
          label={t('team.email')}
          value={email}
          onInput={(e) => setEmail(e.currentTarget.value)}
          errors={about('email')}
          required
        />
        <Field
          name="firstName"
          label={t('team.firstName')}
          value={firstName}
          onInput={(e) => setFirstName(e.currentTarget.value)}
          errors={about('firstName')}
        />
        <Field
          name="lastName"
          label={t('team.lastName')}
          value={lastName}
          onInput={(e) => setLastName(e.currentTarget.value)}
          errors={about('lastName')}
        />
        <ErrorText error={error} placed={['email', 'firstName', 'lastName']} />
        <button type="submit" disabled={busy}>
          {t('team.send')}
        </button>
      </form>
      {created && (
        <div class="field">
          <label for="team-link">{t('team.link', { email: created.email })}</label>
          <p class="hint" id="team-link-hint">
            {t('team.linkHint', { date: formatDate(created.expiresAt) })}
          </p>
          <input
            id="team-link"
            readOnly
            value={link}
            aria-describedby="team-link-hint"
            onFocus={(e) => e.currentTarget.select()}
          />
          <div class="actions">
            <button
              type="button"
              class="secondary"
              onClick={() =>
                void navigator.clipboard?.writeText(link).then(
                  () => setCopied(true),
                  () => setCopied(false),
                )
              }
            >
              {t('team.copy')}
            </button>
          </div>
          {copied && <p role="status">{t('team.copied')}</p>}
        </div>
      )}
    </section>
  );
}

/** "Changer de responsable": hands one of my meetings to a colleague of the stand. */
export function HolderControl({
  meeting,
  members,
  onDone,
}: {
  meeting: Meeting;
  members: TeamMember[];
  onDone: () => void;
}) {
  const mine = meeting.direction === 'incoming' ? meeting.invitee : meeting.requester;
  const others = members.filter((m) => m.participantId !== mine.participantId);
  const [open, setOpen] = useState(false);
  const [holderId, setHolderId] = useState(others[0]?.participantId ?? '');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (others.length === 0) return null;
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await api(`/meetings/${meeting.id}/holder`, {
        method: 'POST',
        body: { participantId: holderId },
      });
      setOpen(false);
      onDone();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  if (!open) {
    return (
      <button type="button" class="link" onClick={() => setOpen(true)}>
        {t('holder.change')}
      </button>
    );
  }
  return (
    <form noValidate onSubmit={(e) => void submit(e)}>
      <SelectField
        name={`new-holder-${meeting.id}`}
        label={t('holder.choose')}
        value={holderId}
        options={others.map((m) => [m.participantId, memberName(m)] as const)}
        onChange={setHolderId}
        errors={error instanceof ApiError ? error.about('participantId') : []}
      />
      <ErrorText error={error} placed={['participantId']} />
      <div class="actions">
        <button type="submit" disabled={busy || !holderId}>
          {t('holder.confirm')}
        </button>
        <button type="button" class="secondary" onClick={() => setOpen(false)}>
          {t('common.back')}
        </button>
      </div>
    </form>
  );
}
