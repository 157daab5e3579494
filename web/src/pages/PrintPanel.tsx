import { useEffect, useState } from 'preact/hooks';
import { api, downloadDocument, type Edition, type Slot } from '../api';
import { ErrorText, SelectField } from '../components';
import { formatDay, formatTime, t } from '../i18n';

type Kind = '' | 'exhibitor' | 'visitor';
type Document = 'badges' | 'agendas' | 'tables';

/** The documents the welcome desk and the hall print: badges, everyone's agenda, the table plan. */
export function PrintPanel({ edition }: { edition: Edition }) {
  const tz = edition.timezone;
  const [kind, setKind] = useState<Kind>('');
  const [day, setDay] = useState(0);
  const [slotId, setSlotId] = useState('');
  const [busy, setBusy] = useState<Document | null>(null);
  const [error, setError] = useState<unknown>(null);
  // The editions the app holds are summaries: the grid comes with the edition itself.
  const [grid, setGrid] = useState<Slot[]>([]);
  useEffect(() => {
    api<{ slots: Slot[] }>(`/editions/${edition.id}`).then((e) => setGrid(e.slots), setError);
  }, [edition.id]);
  const days = edition.days.map((d, i) => {
    const first = grid.find((s) => s.day === i);
    return [i, first ? formatDay(first.startsAt, tz) : d.date] as const;
  });
  const slots = grid.filter((s) => s.day === day && s.kind === 'meeting');
  const base = `/editions/${edition.id}/print`;

  // A document of thousands of pages takes the server a few seconds: the button says so meanwhile.
  const get = (document: Document, path: string) => {
    setError(null);
    setBusy(document);
    downloadDocument(`${base}/${path}`, `${document}.pdf`)
      .catch(setError)
      .finally(() => setBusy(null));
  };
  const button = (document: Document, label: string, path: string) => (
    <button
      type="button"
      class="secondary"
      disabled={busy !== null}
      aria-busy={busy === document}
      onClick={() => get(document, path)}
    >
      {busy === document ? t('printPanel.preparing') : label}
    </button>
  );

  return (
    <section class="panel print-panel">
      <h2>{t('printPanel.title')}</h2>
      <p class="lead">{t('printPanel.lead')}</p>
      <SelectField<Kind>
        name="printKind"
        label={t('printPanel.who')}
        value={kind}
        options={[
          ['', t('printPanel.kinds.all')],
          ['exhibitor', t('printPanel.kinds.exhibitor')],
          ['visitor', t('printPanel.kinds.visitor')],
        ]}
        onChange={setKind}
      />
      <div class="actions">
        {button('badges', t('printPanel.badges'), `badges.pdf${kind ? `?kind=${kind}` : ''}`)}
        {button('agendas', t('printPanel.agendas'), `agendas.pdf${kind ? `?kind=${kind}` : ''}`)}
      </div>
      <p class="hint">{t('printPanel.agendasHint')}</p>
      <SelectField<number>
        name="printDay"
        label={t('printPanel.day')}
        value={day}
        options={days}
        onChange={(value) => {
          setDay(value);
          setSlotId('');
        }}
      />
      <SelectField<string>
        name="printSlot"
        label={t('printPanel.slot')}
        value={slotId}
        options={[
          ['', t('printPanel.wholeDay')],
          ...slots.map(
            (s) => [s.id, `${formatTime(s.startsAt, tz)}–${formatTime(s.endsAt, tz)}`] as const,
          ),
        ]}
        onChange={setSlotId}
      />
      <div class="actions">
        {button(
          'tables',
          t(edition.meetingPlace === 'stands' ? 'printPanel.standsPlan' : 'printPanel.tables'),
          slotId
            ? `tables.pdf?slotId=${slotId}`
            : `tables.pdf?date=${edition.days[day]?.date ?? ''}`,
        )}
      </div>
      <ErrorText error={error} />
    </section>
  );
}
