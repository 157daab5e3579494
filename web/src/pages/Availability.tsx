import { useEffect, useState } from 'preact/hooks';
import { api, type Agenda, type Edition, type Slot } from '../api';
import { ErrorText } from '../components';
import { formatDay, formatTime, t } from '../i18n';

/** My availability: each meeting slot of the edition, ticked when I block it; saved at each change. */
export function Availability({ edition, onChange }: { edition: Edition; onChange?: () => void }) {
  const [slots, setSlots] = useState<Slot[] | null>(null);
  const [blocked, setBlocked] = useState<string[]>([]);
  // Slots that hold one of my meetings: shown as such, and not to be blocked.
  const [booked, setBooked] = useState<Set<string>>(new Set());
  const [error, setError] = useState<unknown>(null);
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState('');
  useEffect(() => {
    Promise.all([
      api<{ slots: Slot[] }>(`/editions/${edition.id}`),
      api<{ blockedSlotIds: string[] }>(`/editions/${edition.id}/availability`),
      api<Agenda>(`/editions/${edition.id}/agenda`),
    ]).then(([full, mine, agenda]) => {
      setSlots(full.slots.filter((s) => s.kind !== 'break'));
      setBlocked(mine.blockedSlotIds);
      setBooked(
        new Set(
          agenda.meetings.flatMap((m) => (m.status === 'scheduled' && m.slot ? [m.slot.id] : [])),
        ),
      );
    }, setError);
  }, [edition.id]);
  if (!slots) return error ? <ErrorText error={error} /> : null;

  const tz = edition.timezone;
  const toggle = async (slot: Slot, block: boolean) => {
    const next = block ? [...blocked, slot.id] : blocked.filter((id) => id !== slot.id);
    const before = blocked;
    setBlocked(next); // the box shows its new state at once, put back if the API refuses
    setError(null);
    setSaved('');
    setSaving(true);
    try {
      const result = await api<{ blockedSlotIds: string[] }>(
        `/editions/${edition.id}/availability`,
        { method: 'PUT', body: { blockedSlotIds: next } },
      );
      setBlocked(result.blockedSlotIds);
      setSaved(
        t(block ? 'availability.blocked' : 'availability.unblocked', {
          time: formatTime(slot.startsAt, tz),
        }),
      );
      onChange?.();
    } catch (e) {
      setError(e);
      setBlocked(before);
    } finally {
      setSaving(false);
    }
  };
  const days = [...new Set(slots.map((s) => s.day))];

  return (
    <section class="availability" aria-labelledby="availability-title" aria-busy={saving}>
      <h2 id="availability-title">{t('availability.title')}</h2>
      <p class="hint">{t('availability.hint', { count: blocked.length })}</p>
      <ErrorText error={error} />
      <p class="success" role="status">
        {saved}
      </p>
      {days.map((day) => {
        const ofDay = slots.filter((s) => s.day === day);
        return (
          <fieldset key={day} class="field day">
            <legend>{formatDay(ofDay[0].startsAt, tz)}</legend>
            <div class="slot-grid">
              {ofDay.map((slot) => {
                const id = `block-${slot.id}`;
                const isBlocked = blocked.includes(slot.id);
                const hasMeeting = booked.has(slot.id);
                return (
                  <label
                    key={slot.id}
                    for={id}
                    class="choice slot-choice"
                    data-blocked={isBlocked}
                    data-meeting={hasMeeting}
                  >
                    <input
                      id={id}
                      type="checkbox"
                      checked={isBlocked}
                      disabled={hasMeeting && !isBlocked}
                      onChange={(e) => void toggle(slot, e.currentTarget.checked)}
                    />
                    {t('availability.slot', {
                      start: formatTime(slot.startsAt, tz),
                      end: formatTime(slot.endsAt, tz),
                    })}
                    {hasMeeting && <span class="tag">{t('availability.hasMeeting')}</span>}
                  </label>
                );
              })}
            </div>
          </fieldset>
        );
      })}
    </section>
  );
}
