import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';

/** What the dashboard's chart draws: one column per slot of the grid. */
export interface SlotChartData {
  labels: string[];
  scheduled: number[];
  held: number[];
  noShow: number[];
  /** Tables per slot (0 in a break), or null when meetings are at the stands. */
  capacity: (number | null)[] | null;
  names: { scheduled: string; held: string; noShow: string; capacity: string };
}

export const COLORS = {
  scheduled: '#1a56db',
  held: '#0b6b2e',
  noShow: '#8a4b00',
  capacity: '#7a2e8c',
};

/**
 * uPlot, loaded only when an organizer opens the dashboard, so the catalogue never pays for it.
 * Stacked bars are drawn as overlapping totals: all taken tables, then held + no-shows, then
 * no-shows; the dashed line is the tables there are.
 */
// uPlot's axis font, and room on each side of a label.
const AXIS_FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
const LABEL_GAP = 16;

function labelSpace(labels: string[]): number {
  const context = document.createElement('canvas').getContext('2d');
  if (!context) return 80;
  context.font = AXIS_FONT;
  const widest = Math.max(0, ...labels.map((l) => context.measureText(l).width));
  return Math.max(48, Math.ceil(widest) + LABEL_GAP);
}

export function drawSlotChart(target: HTMLElement, data: SlotChartData): () => void {
  const x = data.labels.map((_, i) => i);
  const sum = (...rows: number[][]) => x.map((i) => rows.reduce((acc, row) => acc + row[i], 0));
  const bars = uPlot.paths.bars!({ size: [0.7, 48], align: 0 });
  const bar = (label: string, color: string): uPlot.Series => ({
    label,
    fill: color,
    stroke: color,
    width: 0,
    paths: bars,
    points: { show: false },
  });
  const series: uPlot.Series[] = [
    {},
    bar(data.names.scheduled, COLORS.scheduled),
    bar(data.names.held, COLORS.held),
    bar(data.names.noShow, COLORS.noShow),
  ];
  const values: (number | null)[][] = [
    x,
    sum(data.scheduled, data.held, data.noShow),
    sum(data.held, data.noShow),
    data.noShow,
  ];
  if (data.capacity) {
    series.push({
      label: data.names.capacity,
      stroke: COLORS.capacity,
      width: 2,
      dash: [6, 4],
      points: { show: false },
    });
    values.push(data.capacity);
  }
  let shown: number[] = [];
  const top = Math.max(1, ...(values[1] as number[]), ...(data.capacity ?? []).map((c) => c ?? 0));
  const chart = new uPlot(
    {
      width: target.clientWidth || 320,
      height: 220,
      legend: { show: false },
      cursor: { show: false },
      scales: {
        x: { time: false, range: () => [-0.5, Math.max(0.5, x.length - 0.5)] },
        y: { range: () => [0, Math.ceil(top * 1.1)] },
      },
      axes: [
        {
          incrs: [1, 2, 3, 4, 6, 8, 12, 16, 24, 32, 48, 64],
          // At least the widest label apart, so that "J2 09:30" never runs into the next one.
          space: labelSpace(data.labels),
          values: (_, splits) => {
            shown = splits;
            return splits.map((i) => data.labels[i] ?? '');
          },
        },
        { incrs: [1, 2, 5, 10, 20, 50, 100], space: 30 },
      ],
      series,
      hooks: {
        // The slot labels drawn on the axis and where (CSS pixels from the plot's left), written on
        // the element: the canvas keeps no text, and the browser tests check that none overlap.
        draw: [
          (u) => {
            target.dataset.axisFont = AXIS_FONT;
            target.dataset.axisLabels = JSON.stringify(
              shown.map((i) => ({ label: data.labels[i] ?? '', x: u.valToPos(i, 'x') })),
            );
          },
        ],
      },
    },
    values as uPlot.AlignedData,
    target,
  );
  const resize = new ResizeObserver(() =>
    chart.setSize({ width: target.clientWidth || 320, height: 220 }),
  );
  resize.observe(target);
  return () => {
    resize.disconnect();
    chart.destroy();
  };
}
