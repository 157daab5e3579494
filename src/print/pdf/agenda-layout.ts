import {
  drawQr,
  footer,
  INK,
  MM,
  MUTED,
  newDocument,
  ruleUnder,
  toBuffer,
  type Pdf,
  FONTS,
} from './document.js';
import {
  categoryLabel,
  frenchDay,
  frenchMoment,
  frenchSpan,
  fullName,
  localDate,
  NNBSP,
} from './french.js';
import type { AgendaSheet, PrintedEdition, PrintedMeeting, PrintedPerson } from './model.js';

const QR_SIZE = 30 * MM;
const COLUMNS = { time: 86, place: 92 };
const ROW_PADDING = 6;

/**
 * Personal agendas, each person from a new page: the edition and the person at the top with the
 * QR of their badge (shown at the door and at the stands), then their meetings day by day, in the
 * edition's time zone.
 */
export function agendasPdf(
  edition: PrintedEdition,
  sheets: AgendaSheet[],
  printedAt: Date,
): Promise<Buffer> {
  const title =
    sheets.length === 1
      ? `${edition.name} — agenda de ${fullName(sheets[0].person)}`
      : `${edition.name} — agendas`;
  const doc = newDocument(title);
  const printed = `imprimé le ${frenchMoment(printedAt, edition.timezone)}`;
  if (sheets.length === 0) {
    page(doc, edition, printed, '');
    doc
      .font(FONTS.regular)
      .fontSize(11)
      .text(
        `Aucun agenda à imprimer${NNBSP}: personne n’a encore de rendez-vous programmé.`,
        doc.page.margins.left,
        doc.page.margins.top + 40,
      );
  }
  for (const sheet of sheets) drawSheet(doc, edition, sheet, printed);
  return toBuffer(doc);
}

// A new page with the edition and the print date in its footer; the content starts at the top margin.
function page(doc: Pdf, edition: PrintedEdition, printed: string, who: string): number {
  doc.addPage();
  footer(doc, `${edition.name} · ${edition.venue}, ${edition.city} — ${printed}`, who);
  return doc.page.margins.top;
}

function drawSheet(doc: Pdf, edition: PrintedEdition, sheet: AgendaSheet, printed: string) {
  const { person, meetings } = sheet;
  const name = fullName(person);
  let y = page(doc, edition, printed, name);
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;

  // The edition, then the person, beside the QR of their badge.
  const textWidth = width - QR_SIZE - 12;
  const qrX = left + width - QR_SIZE;
  drawQr(doc, person.badgeCode, qrX, y - 4, QR_SIZE);
  doc.font(FONTS.mono).fontSize(8.5).fillColor(INK);
  doc.text(person.badgeCode, qrX - 10, y - 4 + QR_SIZE + 1, {
    width: QR_SIZE + 20,
    align: 'center',
    lineBreak: false,
  });
  doc
    .font(FONTS.bold)
    .fontSize(11)
    .fillColor(MUTED)
    .text(edition.name, left, y, { width: textWidth });
  doc
    .font(FONTS.regular)
    .fontSize(9.5)
    .text(`${edition.venue}, ${edition.city}`, { width: textWidth });
  doc.moveDown(0.8);
  doc.font(FONTS.bold).fontSize(20).fillColor(INK).text(name, { width: textWidth });
  if (person.organizationName) {
    doc.font(FONTS.regular).fontSize(12).text(person.organizationName, { width: textWidth });
  }
  doc
    .font(FONTS.regular)
    .fontSize(9.5)
    .fillColor(MUTED)
    .text(whoLine(person), { width: textWidth });
  y = Math.max(doc.y, y + QR_SIZE + 14) + 10;
  doc
    .moveTo(left, y)
    .lineTo(left + width, y)
    .lineWidth(1)
    .strokeColor(INK)
    .stroke();
  y += 10;

  const count = meetings.length;
  doc.font(FONTS.bold).fontSize(12).fillColor(INK);
  doc.text(
    count === 0
      ? 'Aucun rendez-vous programmé pour l’instant.'
      : `Mes rendez-vous d’affaires${NNBSP}: ${count}`,
    left,
    y,
    { width },
  );
  y = doc.y + 8;

  let day = '';
  for (const meeting of meetings) {
    const date = localDate(meeting.startsAt, edition.timezone);
    const height = rowHeight(doc, meeting, width);
    const headingHeight = date === day ? 0 : 30;
    if (y + headingHeight + height > doc.page.maxY()) {
      y = page(doc, edition, printed, name);
      doc
        .font(FONTS.regular)
        .fontSize(9)
        .fillColor(MUTED)
        .text(`${name} — suite`, left, y, { width });
      y = doc.y + 8;
      if (date === day) y = dayHeading(doc, meeting, edition, left, y, width, true);
    }
    if (date !== day) {
      day = date;
      y = dayHeading(doc, meeting, edition, left, y, width, false);
    }
    y = drawRow(doc, meeting, edition, left, y, width);
  }
}

function whoLine(person: PrintedPerson): string {
  const stand = person.kind === 'exhibitor' && person.stand ? ` · Stand ${person.stand}` : '';
  return `${categoryLabel(person)}${stand}`;
}

function dayHeading(
  doc: Pdf,
  meeting: PrintedMeeting,
  edition: PrintedEdition,
  left: number,
  y: number,
  width: number,
  continued: boolean,
): number {
  const day = frenchDay(meeting.startsAt, edition.timezone);
  const text = continued ? `${day} (suite)` : day;
  doc.font(FONTS.bold).fontSize(13).fillColor(INK);
  doc.text(text, left, y + 6, { width });
  const below = doc.y + 3;
  doc
    .moveTo(left, below)
    .lineTo(left + width, below)
    .lineWidth(0.6)
    .strokeColor(INK)
    .stroke();
  return below + 2;
}

function partnerLines(meeting: PrintedMeeting): { name: string; details: string } {
  const p = meeting.partner;
  const details = [
    p.organizationName,
    p.kind === 'exhibitor' && p.stand && p.stand !== meeting.place?.replace(/^Stand /, '')
      ? `stand ${p.stand}`
      : null,
  ]
    .filter(Boolean)
    .join(' · ');
  return { name: fullName(p), details };
}

function rowHeight(doc: Pdf, meeting: PrintedMeeting, width: number): number {
  const partnerWidth = width - COLUMNS.time - COLUMNS.place;
  const { name, details } = partnerLines(meeting);
  let height = doc.font(FONTS.bold).fontSize(11).heightOfString(name, { width: partnerWidth });
  if (details) {
    height += doc
      .font(FONTS.regular)
      .fontSize(9.5)
      .heightOfString(details, { width: partnerWidth });
  }
  return Math.max(height, 28) + 2 * ROW_PADDING;
}

function drawRow(
  doc: Pdf,
  meeting: PrintedMeeting,
  edition: PrintedEdition,
  left: number,
  y: number,
  width: number,
): number {
  const height = rowHeight(doc, meeting, width);
  const top = y + ROW_PADDING;
  doc.font(FONTS.bold).fontSize(11).fillColor(INK);
  doc.text(frenchSpan(meeting.startsAt, meeting.endsAt, edition.timezone), left, top, {
    width: COLUMNS.time - 6,
    lineBreak: false,
  });
  if (meeting.status === 'held') {
    doc
      .font(FONTS.regular)
      .fontSize(8)
      .fillColor(MUTED)
      .text('a eu lieu', left, top + 15, {
        width: COLUMNS.time - 6,
      });
  }
  doc.font(FONTS.bold).fontSize(11).fillColor(INK);
  doc.text(meeting.place ?? '—', left + COLUMNS.time, top, { width: COLUMNS.place - 6 });
  const partnerX = left + COLUMNS.time + COLUMNS.place;
  const partnerWidth = width - COLUMNS.time - COLUMNS.place;
  const { name, details } = partnerLines(meeting);
  doc.font(FONTS.bold).fontSize(11).text(name, partnerX, top, { width: partnerWidth });
  if (details) {
    doc.font(FONTS.regular).fontSize(9.5).fillColor(MUTED).text(details, { width: partnerWidth });
  }
  return ruleUnder(doc, left, width, y + height);
}
