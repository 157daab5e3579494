import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';

/**
 * DejaVu from the `dejavu-fonts-ttf` package, embedded (subset) in every document: PDF's built-in
 * Helvetica only knows WinAnsi, which has no narrow no-break space (U+202F) nor most of Latin
 * Extended, and fonts installed on the machine differ from one server to the next. The condensed
 * cut fits long structure names on a badge.
 */
const FONT_FILES = {
  regular: 'DejaVuSansCondensed.ttf',
  bold: 'DejaVuSansCondensed-Bold.ttf',
  mono: 'DejaVuSansMono.ttf',
} as const;

const require = createRequire(import.meta.url);

/**
 * The fonts by file path, which is also how a document selects them (`doc.font(FONTS.bold)`):
 * pdfkit caches a font by the name it was selected with, and a registered alias of the default
 * font is parsed again at every selection (the cache is skipped when a font of that name exists).
 */
export const FONTS = Object.fromEntries(
  Object.entries(FONT_FILES).map(([name, file]) => [
    name,
    require.resolve(`dejavu-fonts-ttf/ttf/${file}`),
  ]),
) as Record<keyof typeof FONT_FILES, string>;
export type Font = (typeof FONTS)[keyof typeof FONTS];

export type Pdf = PDFKit.PDFDocument;

/** 1 mm in PDF points. */
export const MM = 72 / 25.4;

/** A4 in points, and the margin of the documents that have one. */
export const A4 = { width: 595.28, height: 841.89 } as const;
export const MARGIN = 15 * MM;

export const INK = '#1a1a1a';
export const MUTED = '#5c5c5c';
export const RULE = '#b8b8b8';

/** An A4 document in French, its regular font selected. */
export function newDocument(title: string, options: { margin?: number } = {}): Pdf {
  const doc = new PDFDocument({
    size: 'A4',
    margin: options.margin ?? MARGIN,
    // Rather than Helvetica, which pdfkit would otherwise load first.
    font: FONTS.regular,
    autoFirstPage: false,
    lang: 'fr-FR',
    displayTitle: true,
    info: { Title: title, Creator: 'Coventis', Producer: 'Coventis (pdfkit)' },
  });
  return doc;
}

/** Ends the document and gives its bytes. */
export function toBuffer(doc: Pdf): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
    doc.end();
  });
}

/**
 * The QR code of `text` as vector squares, `size` points wide with its quiet zone: sharp at any
 * printer's resolution, and a row's adjacent dark modules are one rectangle to keep files small.
 * Error correction M, as the badge image the API serves.
 */
export function drawQr(doc: Pdf, text: string, x: number, y: number, size: number): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 2;
  const unit = size / (modules.size + 2 * quiet);
  doc.save();
  doc.rect(x, y, size, size).fill('#ffffff');
  for (let row = 0; row < modules.size; row++) {
    let col = 0;
    while (col < modules.size) {
      if (!modules.get(row, col)) {
        col++;
        continue;
      }
      const start = col;
      while (col < modules.size && modules.get(row, col)) col++;
      // A hair wider than the module so that neighbouring rows leave no white seam when rasterised.
      doc.rect(
        x + (quiet + start) * unit,
        y + (quiet + row) * unit,
        (col - start) * unit,
        unit + 0.05,
      );
    }
  }
  doc.fill('#000000');
  doc.restore();
}

/**
 * The largest font size, from `max` down to `min`, at which `text` fits `width` on one line;
 * below `min` the caller lets it wrap.
 */
export function fittingSize(
  doc: Pdf,
  text: string,
  font: Font,
  width: number,
  max: number,
  min: number,
): number {
  doc.font(font);
  for (let size = max; size > min; size -= 0.5) {
    if (doc.fontSize(size).widthOfString(text) <= width) return size;
  }
  return min;
}

/**
 * Writes a line in the bottom margin of the current page (`y` from the page's top, by default the
 * middle of the margin): pdfkit would start a new page for text below the margin, so the margin is
 * lifted while it writes.
 */
export function footer(doc: Pdf, left: string, right = '', y?: number): void {
  const { margins } = doc.page;
  const bottom = margins.bottom;
  const width = doc.page.width - margins.left - margins.right;
  const at = y ?? doc.page.height - bottom / 2 - 4;
  margins.bottom = 0;
  doc.font(FONTS.regular).fontSize(7.5).fillColor(MUTED);
  doc.text(left, margins.left, at, { width, lineBreak: false });
  if (right) doc.text(right, margins.left, at, { width, align: 'right', lineBreak: false });
  margins.bottom = bottom;
  doc.fillColor(INK);
}

/** The thin rule under a row of a list (an agenda's meeting, a plan's table); returns its height. */
export function ruleUnder(doc: Pdf, left: number, width: number, bottom: number): number {
  doc
    .moveTo(left, bottom)
    .lineTo(left + width, bottom)
    .lineWidth(0.4)
    .strokeColor(RULE)
    .stroke();
  doc.fillColor(INK);
  return bottom;
}
