import { useEffect, useState } from 'preact/hooks';
import { api, ApiError, type Edition, type Slot } from '../api';
import { ErrorText, Field, SelectField } from '../components';
import { formatDay, formatTime, t } from '../i18n';
import { Link, navigate } from '../router';
import { reloadEditions } from '../store';

interface Day {
  date: string;
  start: string;
  end: string;
}

interface Form {
  name: string;
  city: string;
  venue: string;
  timezone: string;
  slotMinutes: string;
  breakMinutes: string;
  tables: string;
  meetingPlace: 'tables' | 'stands';
  days: Day[];
}

const FIELDS = [
  'name',
  'city',
  'venue',
  'timezone',
  'slotMinutes',
  'breakMinutes',
  'tables',
  'meetingPlace',
  'days',
] as const;

const blank = (): Form => ({
  name: '',
  city: '',
  venue: '',
  timezone: 'Europe/Paris',
  slotMinutes: '20',
  breakMinutes: '5',
  tables: '30',
  meetingPlace: 'tables',
  days: [{ date: '', start: '09:00', end: '17:30' }],
});

const toForm = (e: Edition): Form => ({
  name: e.name,
  city: e.city,
  venue: e.venue,
  timezone: e.timezone,
  slotMinutes: String(e.slotMinutes),
  breakMinutes: String(e.breakMinutes),
  tables: String(e.tables),
  meetingPlace: e.meetingPlace,
  days: e.days.map((d) => ({ ...d })),
});

// A number field as typed: a number when it reads as one, else the text (the API names the field).
const numberOf = (text: string): number | string =>
  text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;

/** An organizer creates an edition, or changes one: days, slot length, breaks, tables or stands. */
export function EditionEditor({ editionId }: { editionId?: string }) {
  const [form, setForm] = useState<Form | null>(editionId ? null : blank());
  const [edition, setEdition] = useState<Edition | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!editionId) return;
    api<Edition>(`/editions/${editionId}`).then((e) => {
      setEdition(e);
      setForm(toForm(e));
    }, setError);
  }, [editionId]);
  if (!form)
    return error ? <ErrorText error={error} /> : <p aria-busy="true">{t('common.loading')}</p>;

  const about = (field: string) => (error instanceof ApiError ? error.about(field) : []);
  const edit = (field: Exclude<keyof Form, 'days' | 'meetingPlace'>) => (e: Event) => {
    setSaved(false);
    setForm({ ...form, [field]: (e.currentTarget as HTMLInputElement).value });
  };
  const editDay = (i: number, field: keyof Day) => (e: Event) => {
    setSaved(false);
    const days = form.days.map((d, k) =>
      k === i ? { ...d, [field]: (e.currentTarget as HTMLInputElement).value } : d,
    );
    setForm({ ...form, days });
  };
  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    const body = {
      name: form.name,
      city: form.city,
      venue: form.venue,
      timezone: form.timezone,
      slotMinutes: numberOf(form.slotMinutes),
      breakMinutes: numberOf(form.breakMinutes),
      tables: numberOf(form.tables),
      meetingPlace: form.meetingPlace,
      days: form.days,
    };
    try {
      const result = await api<Edition>(editionId ? `/editions/${editionId}` : '/editions', {
        method: editionId ? 'PATCH' : 'POST',
        body,
      });
      await reloadEditions(result.id);
      if (editionId) {
        setEdition(result);
        setForm(toForm(result));
        setSaved(true);
      } else {
        navigate(`/editions/${result.id}/edit`);
      }
    } catch (e) {
      setError(e);
      setTimeout(() => document.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus(), 0);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="narrow edition-editor">
      <p>
        <Link href="/dashboard">{t('editionEditor.back')}</Link>
      </p>
      <h1>{editionId ? t('editionEditor.editTitle') : t('editionEditor.newTitle')}</h1>
      <form noValidate onSubmit={(e) => void submit(e)}>
        <Field
          name="name"
          label={t('editionEditor.name')}
          value={form.name}
          onInput={edit('name')}
          errors={about('name')}
        />
        <Field
          name="city"
          label={t('editionEditor.city')}
          value={form.city}
          onInput={edit('city')}
          errors={about('city')}
        />
        <Field
          name="venue"
          label={t('editionEditor.venue')}
          value={form.venue}
          onInput={edit('venue')}
          errors={about('venue')}
        />
        <Field
          name="timezone"
          label={t('editionEditor.timezone')}
          hint={t('editionEditor.timezoneHint')}
          value={form.timezone}
          onInput={edit('timezone')}
          errors={about('timezone')}
        />
        <Field
          name="slotMinutes"
          type="number"
          inputMode="numeric"
          label={t('editionEditor.slotMinutes')}
          value={form.slotMinutes}
          onInput={edit('slotMinutes')}
          errors={about('slotMinutes')}
        />
        <Field
          name="breakMinutes"
          type="number"
          inputMode="numeric"
          label={t('editionEditor.breakMinutes')}
          hint={t('editionEditor.breakMinutesHint')}
          value={form.breakMinutes}
          onInput={edit('breakMinutes')}
          errors={about('breakMinutes')}
        />
        <SelectField
          name="meetingPlace"
          label={t('editionEditor.meetingPlace')}
          value={form.meetingPlace}
          options={[
            ['tables', t('editionEditor.places.tables')],
            ['stands', t('editionEditor.places.stands')],
          ]}
          onChange={(meetingPlace) => setForm({ ...form, meetingPlace })}
          errors={about('meetingPlace')}
        />
        <Field
          name="tables"
          type="number"
          inputMode="numeric"
          label={
            form.meetingPlace === 'tables'
              ? t('editionEditor.tables')
              : t('editionEditor.standsAtOnce')
          }
          value={form.tables}
          onInput={edit('tables')}
          errors={about('tables')}
        />
        <fieldset class="days">
          <legend>{t('editionEditor.days')}</legend>
          {form.days.map((day, i) => (
            <div class="day-row" key={i}>
              <Field
                name={`days.${i}.date`}
                type="date"
                label={t('editionEditor.date', { n: i + 1 })}
                value={day.date}
                onInput={editDay(i, 'date')}
                errors={about(`days.${i}.date`)}
              />
              <Field
                name={`days.${i}.start`}
                type="time"
                label={t('editionEditor.start')}
                value={day.start}
                onInput={editDay(i, 'start')}
                errors={about(`days.${i}.start`)}
              />
              <Field
                name={`days.${i}.end`}
                type="time"
                label={t('editionEditor.end')}
                value={day.end}
                onInput={editDay(i, 'end')}
                errors={about(`days.${i}.end`)}
              />
              {form.days.length > 1 && (
                <button
                  type="button"
                  class="secondary"
                  onClick={() => setForm({ ...form, days: form.days.filter((_, k) => k !== i) })}
                >
                  {t('editionEditor.removeDay', { n: i + 1 })}
                </button>
              )}
            </div>
          ))}
          <button
            type="button"
            class="secondary"
            onClick={() =>
              setForm({ ...form, days: [...form.days, { date: '', start: '09:00', end: '17:30' }] })
            }
          >
            {t('editionEditor.addDay')}
          </button>
          {about('days').length > 0 && form.days.every((_, i) => !about(`days.${i}`).length) && (
            <p class="error">{about('days').join(' · ')}</p>
          )}
        </fieldset>
        <ErrorText error={error} placed={FIELDS} />
        <p class="success" role="status">
          {saved ? t('editionEditor.saved') : ''}
        </p>
        <button type="submit" disabled={busy}>
          {editionId ? t('editionEditor.save') : t('editionEditor.create')}
        </button>
      </form>
      {edition && <SlotGrid edition={edition} onChange={setEdition} />}
    </section>
  );
}

/** The edition's slots, day by day; each one can become a break for everybody, or a slot again. */
function SlotGrid({ edition, onChange }: { edition: Edition; onChange: (e: Edition) => void }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const toggle = async (slot: Slot) => {
    setBusy(slot.id);
    setError(null);
    try {
      const kind = slot.kind === 'break' ? 'meeting' : 'break';
      const updated = await api<Slot>(`/editions/${edition.id}/slots/${slot.id}`, {
        method: 'PATCH',
        body: { kind },
      });
      onChange({ ...edition, slots: edition.slots.map((s) => (s.id === slot.id ? updated : s)) });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  };
  const days = [...new Set(edition.slots.map((s) => s.day))];
  return (
    <section class="slot-grid" aria-labelledby="slot-grid-title">
      <h2 id="slot-grid-title">{t('editionEditor.slots')}</h2>
      <p class="hint">{t('editionEditor.slotsHint')}</p>
      <ErrorText error={error} />
      {days.map((day) => {
        const slots = edition.slots.filter((s) => s.day === day);
        return (
          <div key={day}>
            <h3>{formatDay(slots[0].startsAt, edition.timezone)}</h3>
            <ul class="slots">
              {slots.map((slot) => (
                <li key={slot.id} class={slot.kind === 'break' ? 'break' : ''}>
                  <button
                    type="button"
                    class="secondary"
                    aria-pressed={slot.kind === 'break'}
                    disabled={busy === slot.id}
                    onClick={() => void toggle(slot)}
                  >
                    {formatTime(slot.startsAt, edition.timezone)}
                    {slot.kind === 'break' ? ` · ${t('editionEditor.break')}` : ''}
                  </button>
                </li>
              ))}
            </ul>
          </div>
        );
      })}
    </section>
  );
}
