import { writeFileSync } from 'node:fs';
import QRCode from 'qrcode';

/**
 * A video of `text`'s QR code, black on white, for Chromium's fake camera
 * (`--use-file-for-fake-video-capture`): a few frames of Y4M (4:2:0), which Chromium plays in a loop.
 */
export function qrVideo(file: string, text: string, width = 640, height = 480): void {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const scale = Math.floor(Math.min(width, height) / (modules.size + 2 * quiet));
  const left = Math.floor((width - (modules.size + 2 * quiet) * scale) / 2);
  const top = Math.floor((height - (modules.size + 2 * quiet) * scale) / 2);
  const luma = Buffer.alloc(width * height, 255);
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (!modules.get(row, col)) continue;
      for (let y = 0; y < scale; y++) {
        const start = (top + (row + quiet) * scale + y) * width + left + (col + quiet) * scale;
        luma.fill(0, start, start + scale);
      }
    }
  }
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma]);
  const header = Buffer.from(`YUV4MPEG2 W${width} H${height} F10:1 Ip A1:1 C420jpeg\n`);
  writeFileSync(file, Buffer.concat([header, ...Array.from({ length: 5 }, () => frame)]));
}
