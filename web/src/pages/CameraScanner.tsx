import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../i18n';

/** The browser's own QR reader (Chrome on Android and macOS, Safari); absent on desktop Linux. */
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<{ rawValue: string }[]>;
}
declare const BarcodeDetector: {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats?: () => Promise<string[]>;
};

/** Frames are read this often; a QR code held in front of the camera is read once per HOLD_MS (a badge shown twice in a row at the desk is one scan). */
const FRAME_MS = 150;
const HOLD_MS = 15_000;
/** Frames are scaled down to this width for the JS decoder: enough for a badge at arm's length. */
const DECODE_WIDTH = 640;

type Decode = (frame: HTMLVideoElement) => Promise<string | null>;

/** BarcodeDetector where the browser has one, else jsQR on a canvas copy of the frame. */
async function decoder(): Promise<Decode> {
  const native =
    typeof BarcodeDetector !== 'undefined' &&
    (!BarcodeDetector.getSupportedFormats ||
      (await BarcodeDetector.getSupportedFormats()).includes('qr_code'));
  if (native) {
    const detector = new BarcodeDetector({ formats: ['qr_code'] });
    return async (frame) => (await detector.detect(frame))[0]?.rawValue ?? null;
  }
  const { default: jsQR } = await import('jsqr');
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true })!;
  return (frame) => {
    const scale = Math.min(1, DECODE_WIDTH / frame.videoWidth);
    canvas.width = Math.round(frame.videoWidth * scale);
    canvas.height = Math.round(frame.videoHeight * scale);
    context.drawImage(frame, 0, 0, canvas.width, canvas.height);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return Promise.resolve(jsQR(image.data, image.width, image.height)?.data ?? null);
  };
}

/**
 * Reads badge QR codes with the camera (the back one on a phone), one after another, until closed;
 * typing the code stays possible beside it.
 */
export function CameraScanner({ onCode }: { onCode: (code: string) => void }) {
  const [open, setOpen] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const video = useRef<HTMLVideoElement>(null);
  const latest = useRef(onCode);
  latest.current = onCode;

  useEffect(() => {
    if (!open) return;
    let stopped = false;
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = { code: '', at: 0 };
    void (async () => {
      try {
        stream = await navigator.mediaDevices.getUserMedia({
          video: { facingMode: 'environment' },
          audio: false,
        });
      } catch {
        setProblem(t('camera.denied'));
        setOpen(false);
        return;
      }
      if (stopped) return stream.getTracks().forEach((track) => track.stop());
      const frame = video.current!;
      frame.srcObject = stream;
      await frame.play().catch(() => undefined);
      const decode = await decoder();
      const read = async () => {
        if (stopped) return;
        const code = frame.readyState >= 2 ? await decode(frame).catch(() => null) : null;
        const now = Date.now();
        if (code && (code !== last.code || now - last.at > HOLD_MS)) {
          last = { code, at: now };
          latest.current(code);
        }
        timer = setTimeout(() => void read(), FRAME_MS);
      };
      void read();
    })();
    return () => {
      stopped = true;
      clearTimeout(timer);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [open]);

  if (!('mediaDevices' in navigator)) return null;
  return (
    <div class="camera">
      <button
        type="button"
        class="secondary"
        aria-pressed={open}
        onClick={() => {
          setProblem(null);
          setOpen(!open);
        }}
      >
        {open ? t('camera.close') : t('camera.open')}
      </button>
      {open && (
        <video ref={video} class="camera-view" muted playsInline aria-label={t('camera.view')} />
      )}
      {problem && (
        <p class="error" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
