import { useEffect, useState } from 'preact/hooks';
import { api, type CheckIn, type Edition } from '../api';
import { Field } from '../components';
import { errorSentence } from '../errors';
import { formatTime, t } from '../i18n';
import { enqueue, sendScansWith, useScans, type Scan } from '../scan-queue';
import { useStore } from '../store';
import { CameraScanner } from './CameraScanner';

sendScansWith('check-in', async (scan) => {
  const done = await api<CheckIn>(`/editions/${scan.editionId}/check-ins`, {
    method: 'POST',
    body: { badgeCode: scan.badgeCode, scannedAt: scan.scannedAt },
  });
  return { name: `${done.firstName} ${done.lastName}`, alreadyDone: done.alreadyCheckedIn };
});

/** A badge code as printed (CVT-7K78-DMW3), whether typed in lower case or read from the QR code. */
const normalized = (code: string) => code.trim().toUpperCase();

/**
 * The welcome desk: badges scanned with the camera or typed, each kept on this device and sent at
 * once, or when the network comes back ("en attente" until then); `onDone` after each one sent.
 */
export function CheckInDesk({ edition, onDone }: { edition: Edition; onDone?: () => void }) {
  const { me } = useStore();
  const [code, setCode] = useState('');
  // An empty code is said at once, on the field: it needs no network.
  const [empty, setEmpty] = useState(false);
  const scans = useScans('check-in', edition.id, me?.id ?? null);
  const sent = scans.filter((s) => s.status === 'sent').length;
  useEffect(() => {
    if (sent > 0) onDone?.();
  }, [sent]);
  if (!me) return null;
  const scan = (badgeCode: string) =>
    void enqueue({ kind: 'check-in', editionId: edition.id, userId: me.id, badgeCode });
  const submit = (event: Event) => {
    event.preventDefault();
    setEmpty(!code.trim());
    if (!code.trim()) return;
    scan(normalized(code));
    setCode('');
  };
  const latest = scans[0];
  return (
    <section class="panel">
      <h2>{t('checkIn.title')}</h2>
      <CameraScanner onCode={(read) => scan(normalized(read))} />
      <form noValidate onSubmit={submit}>
        <Field
          name="badgeCode"
          label={t('checkIn.code')}
          hint={t('checkIn.hint')}
          value={code}
          onInput={(e) => setCode(e.currentTarget.value)}
          errors={empty ? [errorSentence('validation/required', 400)] : []}
          autoComplete="off"
          autoCapitalize="characters"
          required
        />
        <button type="submit">{t('checkIn.submit')}</button>
      </form>
      {latest && <ScanStatus scan={latest} />}
      <ScanList scans={scans} timeZone={edition.timezone} />
    </section>
  );
}

/** What became of the latest scan, said aloud to the person at the desk. */
function ScanStatus({ scan }: { scan: Scan }) {
  if (scan.status === 'pending') {
    return (
      <p class="warning" role="status">
        {t('checkIn.pending', { code: scan.badgeCode })}
      </p>
    );
  }
  if (scan.status === 'refused') {
    return (
      <p class="error" role="alert">
        {errorSentence(scan.error?.code, scan.error?.status ?? 400)}
      </p>
    );
  }
  return (
    <p class={scan.alreadyDone ? 'warning' : 'success'} role="status">
      {t(scan.alreadyDone ? 'checkIn.already' : 'checkIn.done', { name: scan.name })}
    </p>
  );
}

/** The scans of this device, newest first, each with its time and whether the server has it. */
export function ScanList({ scans, timeZone }: { scans: Scan[]; timeZone: string }) {
  if (scans.length === 0) return null;
  const waiting = scans.filter((s) => s.status === 'pending').length;
  return (
    <>
      <p class="hint">
        {waiting > 0 ? t('scans.waiting', { count: waiting }) : t('scans.allSent')}
      </p>
      <ol class="scans">
        {scans.map((s) => (
          <li key={s.scanId} data-status={s.status} data-code={s.badgeCode}>
            <span class="scan-time">{formatTime(s.scannedAt, timeZone)}</span>{' '}
            <span class="scan-who">{s.name ?? s.badgeCode}</span>{' '}
            <span class={`tag tag-scan-${s.status}`}>
              {s.status === 'refused'
                ? errorSentence(s.error?.code, s.error?.status ?? 400)
                : t(`scans.status.${s.status}`)}
            </span>
          </li>
        ))}
      </ol>
    </>
  );
}
