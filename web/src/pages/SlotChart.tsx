import { useEffect, useRef, useState } from 'preact/hooks';
import { api, type Edition, type SlotStats, type SlotStatsReport } from '../api';
import { ErrorText } from '../components';
import { formatSlot, formatTime, t, useLanguage } from '../i18n';
import type { SlotChartData } from '../slot-chart';

/**
 * Meetings per slot of the grid: a chart for the eye (uPlot, fetched on first use) and the same
 * figures as a table for a screen reader. `refresh` changes whenever the edition's figures move.
 */
export function SlotChart({ edition, refresh }: { edition: Edition; refresh: number }) {
  const [report, setReport] = useState<SlotStatsReport | null>(null);
  const [error, setError] = useState<unknown>(null);
  const language = useLanguage();
  const canvas = useRef<HTMLDivElement>(null);
  useEffect(() => {
    api<SlotStatsReport>(`/editions/${edition.id}/stats/slots`).then((next) => {
      setReport(next);
      setError(null);
    }, setError);
  }, [edition.id, refresh]);
  useEffect(() => {
    const target = canvas.current;
    if (!report || !target || report.slots.length === 0) return;
    let undraw: (() => void) | null = null;
    let gone = false;
    import('../slot-chart').then(({ drawSlotChart }) => {
      if (!gone) undraw = drawSlotChart(target, chartData(report));
    }, setError);
    return () => {
      gone = true;
      undraw?.();
    };
  }, [report, language]);

  const slots = report?.slots ?? [];
  const taken = slots.reduce((sum, s) => sum + s.meetings.total, 0);
  const busiest = slots.reduce<SlotStats | null>(
    (best, s) => (s.meetings.total > (best?.meetings.total ?? 0) ? s : best),
    null,
  );
  return (
    <section class="panel slot-chart" aria-labelledby="slot-chart-title">
      <h2 id="slot-chart-title">{t('slotChart.title')}</h2>
      <ErrorText error={error} />
      {report && slots.length === 0 && <p>{t('slotChart.noSlots')}</p>}
      {report && slots.length > 0 && (
        <figure>
          <figcaption id="slot-chart-summary">
            {t('slotChart.summary', { count: taken, slots: slots.length })}{' '}
            {busiest &&
              t(busiest.capacity === null ? 'slotChart.busiestAtStands' : 'slotChart.busiest', {
                slot: formatSlot(busiest, report.timezone),
                count: busiest.meetings.total,
                capacity: busiest.capacity,
              })}
          </figcaption>
          <ul class="chart-legend" aria-hidden="true">
            <li class="scheduled">{t('slotChart.scheduled')}</li>
            <li class="held">{t('slotChart.held')}</li>
            <li class="no-show">{t('slotChart.noShow')}</li>
            {report.meetingPlace === 'tables' && (
              <li class="capacity">{t('slotChart.capacity')}</li>
            )}
          </ul>
          {/* The table below says the same to assistive technologies. */}
          <div class="chart" ref={canvas} aria-hidden="true" />
          <details>
            <summary>{t('slotChart.asTable')}</summary>
            <div class="table-wrap">
              <SlotTable report={report} />
            </div>
          </details>
        </figure>
      )}
    </section>
  );
}

function SlotTable({ report }: { report: SlotStatsReport }) {
  // One day: the times say it all, and the table stays narrow enough for a phone.
  const oneDay = new Set(report.slots.map((s) => s.day)).size === 1;
  const name = (s: SlotStats) =>
    oneDay
      ? t('slotChart.timeRange', {
          start: formatTime(s.startsAt, report.timezone),
          end: formatTime(s.endsAt, report.timezone),
        })
      : formatSlot(s, report.timezone);
  return (
    <table class="slot-table">
      <caption>{t('slotChart.tableCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('slotChart.slot')}</th>
          <th scope="col">{t('slotChart.scheduled')}</th>
          <th scope="col">{t('slotChart.held')}</th>
          <th scope="col">{t('slotChart.noShow')}</th>
          <th scope="col">{t('slotChart.requested')}</th>
          <th scope="col">{t('slotChart.blocked')}</th>
          <th scope="col">{t('slotChart.capacity')}</th>
        </tr>
      </thead>
      <tbody>
        {report.slots.map((s) => (
          <tr key={s.id} data-slot={s.id}>
            <th scope="row">
              {name(s)}
              {s.kind === 'break' && ` (${t('slotChart.break')})`}
            </th>
            <td data-count="scheduled">{s.meetings.scheduled}</td>
            <td data-count="held">{s.meetings.held}</td>
            <td data-count="no_show">{s.meetings.no_show}</td>
            <td data-count="requested">{s.requested}</td>
            <td data-count="blocked">{s.blocked}</td>
            <td data-count="capacity">{s.capacity ?? t('slotChart.atStands')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function chartData(report: SlotStatsReport): SlotChartData {
  const days = new Set(report.slots.map((s) => s.day)).size;
  const { slots } = report;
  return {
    labels: slots.map((s) => {
      const time = formatTime(s.startsAt, report.timezone);
      return days > 1 ? t('slotChart.dayTime', { day: s.day + 1, time }) : time;
    }),
    scheduled: slots.map((s) => s.meetings.scheduled),
    held: slots.map((s) => s.meetings.held),
    noShow: slots.map((s) => s.meetings.no_show),
    capacity: report.meetingPlace === 'tables' ? slots.map((s) => s.capacity) : null,
    names: {
      scheduled: t('slotChart.scheduled'),
      held: t('slotChart.held'),
      noShow: t('slotChart.noShow'),
      capacity: t('slotChart.capacity'),
    },
  };
}
