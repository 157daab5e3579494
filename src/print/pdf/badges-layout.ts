import {
  drawQr,
  fittingSize,
  footer,
  INK,
  MM,
  MUTED,
  newDocument,
  toBuffer,
  type Pdf,
  FONTS,
} from './document.js';
import { categoryLabel, frenchMoment, NNBSP } from './french.js';
import type { PrintedEdition, PrintedPerson } from './model.js';

/** 2 × 4 badges of 90 × 65 mm on A4, edge to edge, so that one cut separates two badges. */
const COLUMNS = 2;
const ROWS = 4;
const BADGE_WIDTH = 90 * MM;
const BADGE_HEIGHT = 65 * MM;
export const BADGES_PER_PAGE = COLUMNS * ROWS;
export const BADGE_GRID = {
  columns: COLUMNS,
  rows: ROWS,
  width: BADGE_WIDTH,
  height: BADGE_HEIGHT,
};

const BAND_HEIGHT = 9 * MM;
const PADDING = 4 * MM;
const QR_SIZE = 30 * MM;
const MARK_LENGTH = 5 * MM;
const MARK_GAP = 2 * MM;

// One colour per kind of badge, for the desk and the stands to tell them apart at a glance.
const BAND_COLOURS: Record<string, string> = {
  exhibitor: '#0b6e4f',
  professional: '#1f4e8c',
  public: '#6b4c9a',
};

/** Badges to cut out: name, structure, category, the QR of the badge code and the code itself. */
export function badgesPdf(
  edition: PrintedEdition,
  people: PrintedPerson[],
  printedAt: Date,
): Promise<Buffer> {
  const doc = newDocument(`${edition.name} — badges`, { margin: 0 });
  const pages = Math.max(1, Math.ceil(people.length / BADGES_PER_PAGE));
  for (let p = 0; p < pages; p++) {
    doc.addPage({ margin: 0 });
    const left = (doc.page.width - COLUMNS * BADGE_WIDTH) / 2;
    const top = (doc.page.height - ROWS * BADGE_HEIGHT) / 2;
    cutMarks(doc, left, top);
    people.slice(p * BADGES_PER_PAGE, (p + 1) * BADGES_PER_PAGE).forEach((person, i) => {
      const x = left + (i % COLUMNS) * BADGE_WIDTH;
      const y = top + Math.floor(i / COLUMNS) * BADGE_HEIGHT;
      badge(doc, edition, person, x, y);
    });
    // Below the crop marks, clear of the lines they point along.
    doc.page.margins.left = left + 3 * MM;
    doc.page.margins.right = left + 3 * MM;
    // Short enough to stay left of the middle cut mark: the edition is on every badge.
    footer(
      doc,
      `Badges imprimés le ${frenchMoment(printedAt, edition.timezone)}`,
      `page ${p + 1}${NNBSP}/${NNBSP}${pages}`,
      doc.page.height - 8 * MM,
    );
  }
  return toBuffer(doc);
}

// Crop marks in the margins, in line with every cut, so that a guillotine or a cutter finds them.
function cutMarks(doc: Pdf, left: number, top: number): void {
  const right = left + COLUMNS * BADGE_WIDTH;
  const bottom = top + ROWS * BADGE_HEIGHT;
  doc.save().lineWidth(0.5).strokeColor('#000000');
  for (let c = 0; c <= COLUMNS; c++) {
    const x = left + c * BADGE_WIDTH;
    doc.moveTo(x, top - MARK_GAP - MARK_LENGTH).lineTo(x, top - MARK_GAP);
    doc.moveTo(x, bottom + MARK_GAP).lineTo(x, bottom + MARK_GAP + MARK_LENGTH);
  }
  for (let r = 0; r <= ROWS; r++) {
    const y = top + r * BADGE_HEIGHT;
    doc.moveTo(left - MARK_GAP - MARK_LENGTH, y).lineTo(left - MARK_GAP, y);
    doc.moveTo(right + MARK_GAP, y).lineTo(right + MARK_GAP + MARK_LENGTH, y);
  }
  doc.stroke();
  // A faint outline too, for scissors.
  doc.lineWidth(0.3).strokeColor('#d0d0d0').dash(2, { space: 2 });
  for (let c = 0; c <= COLUMNS; c++) {
    doc.moveTo(left + c * BADGE_WIDTH, top).lineTo(left + c * BADGE_WIDTH, bottom);
  }
  for (let r = 0; r <= ROWS; r++) {
    doc.moveTo(left, top + r * BADGE_HEIGHT).lineTo(right, top + r * BADGE_HEIGHT);
  }
  doc.stroke().undash().restore();
}

function badge(doc: Pdf, edition: PrintedEdition, person: PrintedPerson, x: number, y: number) {
  const colour = BAND_COLOURS[person.kind === 'exhibitor' ? 'exhibitor' : (person.category ?? '')];
  const inner = BADGE_WIDTH - 2 * PADDING;

  band(doc, edition, colour ?? INK, x, y);

  // The person, left of the QR.
  const textX = x + PADDING;
  const textWidth = inner - QR_SIZE - 3 * MM;
  let textY = y + BAND_HEIGHT + 4 * MM;
  doc.fillColor(INK);
  // First and last name at one size, the largest at which both fit a line (a long one wraps).
  const size = Math.min(
    ...[person.firstName, person.lastName].map((part) =>
      fittingSize(doc, part, FONTS.bold, textWidth, 17, 12),
    ),
  );
  for (const part of [person.firstName, person.lastName]) {
    doc.font(FONTS.bold).fontSize(size);
    doc.text(part, textX, textY, { width: textWidth, height: size * 2.4, ellipsis: true });
    textY = doc.y;
  }
  if (person.organizationName) {
    textY += 1.5 * MM;
    doc.font(FONTS.regular).fontSize(10).fillColor(INK);
    doc.text(person.organizationName, textX, textY, {
      width: textWidth,
      height: 10 * 3.6,
      ellipsis: true,
    });
  }

  // The QR and its code below it, which staff type when a phone cannot read it.
  const qrX = x + BADGE_WIDTH - PADDING - QR_SIZE;
  const qrY = y + BAND_HEIGHT + 3 * MM;
  drawQr(doc, person.badgeCode, qrX, qrY, QR_SIZE);
  doc.font(FONTS.mono).fontSize(8.5).fillColor(INK);
  doc.text(person.badgeCode, qrX - 4 * MM, qrY + QR_SIZE + 0.5 * MM, {
    width: QR_SIZE + 8 * MM,
    align: 'center',
    lineBreak: false,
  });

  // Whether a stand may keep the visitor's contacts, as the visitor chose at registration.
  const footY = y + BADGE_HEIGHT - PADDING - 5 * MM;
  if (person.kind === 'visitor') {
    doc.font(FONTS.regular).fontSize(7).fillColor(MUTED);
    doc.text(
      person.scanConsent
        ? 'Les exposants peuvent scanner ce badge.'
        : 'Ce badge ne transmet pas de coordonnées aux exposants.',
      x + PADDING,
      footY - 3.6 * MM,
      { width: inner, lineBreak: false, ellipsis: true },
    );
  }

  // The category at the foot, in the band's colour.
  const category =
    person.kind === 'exhibitor' && person.stand
      ? `${categoryLabel(person)} · Stand ${person.stand}`
      : categoryLabel(person);
  doc.save();
  doc.rect(x + PADDING, footY, inner, 5 * MM).fill(colour ?? INK);
  doc.font(FONTS.bold).fontSize(9).fillColor('#ffffff');
  doc.text(category.toUpperCase(), x + PADDING, footY + 1.2 * MM, {
    width: inner,
    align: 'center',
    lineBreak: false,
    characterSpacing: 0.6,
  });
  doc.restore();
  doc.fillColor(MUTED);
}

// The band at the top: the edition, and its venue when both fit at a readable size.
function band(doc: Pdf, edition: PrintedEdition, colour: string, x: number, y: number): void {
  const inner = BADGE_WIDTH - 2 * PADDING;
  doc.save();
  doc.rect(x, y, BADGE_WIDTH, BAND_HEIGHT).fill(colour);
  doc.fillColor('#ffffff');
  const venue = `${edition.venue}, ${edition.city}`;
  const gap = 3 * MM;
  const both = (size: number) =>
    doc.font(FONTS.bold).fontSize(size).widthOfString(edition.name) +
      gap +
      doc
        .font(FONTS.regular)
        .fontSize(size * 0.8)
        .widthOfString(venue) <=
    inner;
  const size = [10, 9.5, 9, 8.5, 8].find(both);
  const textY = (fontSize: number) => y + (BAND_HEIGHT - fontSize * 1.15) / 2;
  if (size) {
    doc.font(FONTS.bold).fontSize(size);
    doc.text(edition.name, x + PADDING, textY(size), { width: inner, lineBreak: false });
    doc.font(FONTS.regular).fontSize(size * 0.8);
    doc.text(venue, x + PADDING, textY(size * 0.8), {
      width: inner,
      align: 'right',
      lineBreak: false,
    });
  } else {
    const alone = fittingSize(doc, edition.name, FONTS.bold, inner, 10, 7);
    doc.font(FONTS.bold).fontSize(alone);
    doc.text(edition.name, x + PADDING, textY(alone), {
      width: inner,
      height: alone * 1.3,
      ellipsis: true,
    });
  }
  doc.restore();
}
