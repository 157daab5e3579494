import {
  A4,
  footer,
  INK,
  MARGIN,
  MUTED,
  newDocument,
  ruleUnder,
  toBuffer,
  type Pdf,
  FONTS,
} from './document.js';
import { frenchDay, frenchMoment, frenchSpan, fullName, NNBSP } from './french.js';
import type { PrintedEdition, PrintedPerson, SlotPlan, TableAssignment } from './model.js';

const PLACE_WIDTH = 92;
const ROW_PADDING = 4;
// A free table takes one short line, so that a hall of 30 tables fits one page per slot.
const FREE_ROW = 17;

/**
 * The hall's plan, one slot from a new page: every table with the two people meeting there, free
 * tables included (staff seat latecomers there); at stands, the meetings by stand.
 */
export function tablesPdf(
  edition: PrintedEdition,
  plans: SlotPlan[],
  printedAt: Date,
): Promise<Buffer> {
  const doc = newDocument(`${edition.name} — plan des tables`);
  const printed = `${edition.name} · ${edition.venue}, ${edition.city} — imprimé le ${frenchMoment(printedAt, edition.timezone)}`;
  for (const plan of plans) drawPlan(doc, edition, plan, printed);
  return toBuffer(doc);
}

interface Row {
  place: string;
  assignment: TableAssignment | null;
}

function rows(edition: PrintedEdition, plan: SlotPlan): Row[] {
  if (edition.meetingPlace === 'stands') {
    return plan.assignments.map((a) => ({ place: a.place ?? '—', assignment: a }));
  }
  const byTable = new Map(plan.assignments.map((a) => [a.table, a]));
  const tables = Array.from({ length: edition.tables }, (_, i) => i + 1);
  return tables.map((table) => ({
    place: `Table ${table}`,
    assignment: byTable.get(table) ?? null,
  }));
}

function title(edition: PrintedEdition, plan: SlotPlan): string {
  return `${frenchDay(plan.startsAt, edition.timezone)}, ${frenchSpan(plan.startsAt, plan.endsAt, edition.timezone)}`;
}

function drawPlan(doc: Pdf, edition: PrintedEdition, plan: SlotPlan, printed: string): void {
  const left = MARGIN;
  const width = A4.width - 2 * MARGIN;
  const all = rows(edition, plan);
  const heading = (continued: boolean): number => {
    doc.addPage();
    footer(doc, printed);
    const label = edition.meetingPlace === 'stands' ? 'Rendez-vous aux stands' : 'Plan des tables';
    doc.font(FONTS.bold).fontSize(10).fillColor(MUTED);
    doc.text(`${label} — ${edition.name}`, left, MARGIN, { width });
    doc.font(FONTS.bold).fontSize(18).fillColor(INK);
    doc.text(continued ? `${title(edition, plan)} (suite)` : title(edition, plan), { width });
    const meetings = plan.assignments.length;
    const free = all.filter((r) => !r.assignment).length;
    const summary =
      plan.kind === 'break'
        ? `Pause${NNBSP}: pas de rendez-vous.`
        : [
            `${meetings} rendez-vous`,
            edition.meetingPlace === 'tables'
              ? `${free} table${free > 1 ? 's' : ''} libre${free > 1 ? 's' : ''}`
              : null,
          ]
            .filter(Boolean)
            .join(' · ');
    doc.font(FONTS.regular).fontSize(10).fillColor(MUTED).text(summary);
    const below = doc.y + 6;
    doc
      .moveTo(left, below)
      .lineTo(left + width, below)
      .lineWidth(1)
      .strokeColor(INK)
      .stroke();
    return below;
  };

  let y = heading(false);
  if (plan.kind === 'break') return;
  for (const row of all) {
    const height = rowHeight(doc, row, width);
    if (y + height > doc.page.maxY()) y = heading(true);
    y = drawRow(doc, row, left, y, width);
  }
}

const partyWidth = (width: number) => (width - PLACE_WIDTH) / 2;

function partyHeight(doc: Pdf, p: PrintedPerson, width: number): number {
  let height = doc
    .font(FONTS.bold)
    .fontSize(10.5)
    .heightOfString(fullName(p), { width: width - 8 });
  if (p.organizationName) {
    height += doc
      .font(FONTS.regular)
      .fontSize(9)
      .heightOfString(p.organizationName, { width: width - 8 });
  }
  return height;
}

function rowHeight(doc: Pdf, row: Row, width: number): number {
  if (!row.assignment) return FREE_ROW;
  const w = partyWidth(width);
  const [a, b] = row.assignment.parties;
  return Math.max(partyHeight(doc, a, w), partyHeight(doc, b, w), 20) + 2 * ROW_PADDING;
}

function drawParty(doc: Pdf, p: PrintedPerson, x: number, y: number, width: number): void {
  doc
    .font(FONTS.bold)
    .fontSize(10.5)
    .fillColor(INK)
    .text(fullName(p), x, y, { width: width - 8 });
  if (p.organizationName) {
    doc
      .font(FONTS.regular)
      .fontSize(9)
      .fillColor(MUTED)
      .text(p.organizationName, { width: width - 8 });
  }
}

function drawRow(doc: Pdf, row: Row, left: number, y: number, width: number): number {
  const height = rowHeight(doc, row, width);
  const top = y + (row.assignment ? ROW_PADDING : 2.5);
  doc
    .font(FONTS.bold)
    .fontSize(row.assignment ? 12 : 10.5)
    .fillColor(INK);
  doc.text(row.place, left, top, { width: PLACE_WIDTH - 6 });
  const w = partyWidth(width);
  if (row.assignment) {
    const [a, b] = row.assignment.parties;
    drawParty(doc, a, left + PLACE_WIDTH, top, w);
    drawParty(doc, b, left + PLACE_WIDTH + w, top, w);
  } else {
    doc
      .font(FONTS.regular)
      .fontSize(10)
      .fillColor(MUTED)
      .text('libre', left + PLACE_WIDTH, top + 1);
  }
  return ruleUnder(doc, left, width, y + height);
}
