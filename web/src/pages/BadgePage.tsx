import { useEffect, useState } from 'preact/hooks';
import { api, type Badge, type Edition } from '../api';
import { ErrorText } from '../components';
import { t } from '../i18n';
import { Link } from '../router';
import { myParticipantId, useStore } from '../store';

export function BadgePage({ edition }: { edition: Edition }) {
  const store = useStore();
  const participantId = myParticipantId(store);
  const [badge, setBadge] = useState<Badge | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (participantId)
      api<Badge>(`/editions/${edition.id}/registrations/${participantId}/badge`).then(
        setBadge,
        setError,
      );
  }, [edition.id, participantId]);
  if (!participantId) {
    return (
      <p>
        <Link href="/register">{t('badge.notRegistered')}</Link>
      </p>
    );
  }
  if (error) return <ErrorText error={error} />;
  if (!badge) return <p aria-busy="true">{t('common.loading')}</p>;
  return (
    <section class="narrow">
      <h1 class="no-print">{t('badge.title')}</h1>
      <p class="no-print success" role="status">
        {t('badge.lead')}
      </p>
      <div class="badge" aria-label={t('badge.title')}>
        <p class="badge-edition">{badge.editionName}</p>
        <p class="badge-name">
          {badge.firstName} {badge.lastName}
        </p>
        {badge.organizationName && <p>{badge.organizationName}</p>}
        <p class="badge-kind">{t(`badge.kind.${badge.category ?? badge.kind}`)}</p>
        <img
          src={badge.qrCode}
          width={220}
          height={220}
          alt={t('badge.qrAlt', { code: badge.badgeCode })}
        />
        <p class="badge-code">{badge.badgeCode}</p>
        {badge.kind === 'visitor' && (
          <p class="badge-consent">
            {t(badge.scanConsent ? 'badge.consent.yes' : 'badge.consent.no')}
          </p>
        )}
      </div>
      <p class="no-print">
        <Link href="/profile">{t('badge.profileLink')}</Link>
      </p>
      {badge.kind === 'visitor' && (
        <p class="no-print">
          <Link href="/profile">{t('badge.consentLink')}</Link>
        </p>
      )}
      <p class="no-print">
        <button type="button" onClick={() => window.print()}>
          {t('badge.print')}
        </button>
      </p>
    </section>
  );
}
