import { createCanvas, loadImage } from '@napi-rs/canvas';
import jsQRModule from 'jsqr';
import { PDFParse } from 'pdf-parse';

// jsqr is CommonJS with an ES-style `default`: Node's default import is its module object.
const jsQR = jsQRModule.default;

export interface Area {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A downloaded PDF read back as a person would: its text page by page, its pages as images. */
export class PdfReader {
  private constructor(private readonly parser: PDFParse) {}

  static open(data: Buffer): PdfReader {
    return new PdfReader(new PDFParse({ data: new Uint8Array(data) }));
  }

  async pages(): Promise<string[]> {
    const result = await this.parser.getText();
    return result.pages.map((p) => p.text);
  }

  async text(): Promise<string> {
    return (await this.pages()).join('\n');
  }

  /** Page `page` (from 1) as a PNG, `scale` pixels per point. */
  async png(page: number, scale = 2): Promise<Buffer> {
    const shot = await this.parser.getScreenshot({ partial: [page], scale });
    return Buffer.from(shot.pages[0].data);
  }

  /**
   * The QR codes a phone would read on page `page`: in each of `areas` (points from the top left
   * corner; a decoder reads one code at a time), or the one of the whole page.
   */
  async qrCodes(page: number, areas?: Area[]): Promise<string[]> {
    const scale = 2;
    const image = await loadImage(await this.png(page, scale));
    const canvas = createCanvas(image.width, image.height);
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const found: string[] = [];
    for (const area of areas ?? [
      { x: 0, y: 0, width: image.width / scale, height: image.height / scale },
    ]) {
      const [x, y, width, height] = [area.x, area.y, area.width, area.height].map((v) =>
        Math.round(v * scale),
      );
      const pixels = context.getImageData(x, y, width, height);
      const code = jsQR(pixels.data, width, height);
      if (code) found.push(code.data);
    }
    return found;
  }

  close(): Promise<void> {
    return this.parser.destroy();
  }
}
