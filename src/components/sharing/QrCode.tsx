/**
 * A QR code of a link, drawn here as SVG from the `qrcode` package's module matrix: no
 * network, no image service, and React owns every node (no innerHTML). The package is
 * loaded on first use, so a page that never shows a code never downloads it.
 *
 * A QR code holds at most 2,953 bytes (version 40, level L). Links longer than that (a
 * long sentence) get a message instead of a failure; links that fit at level M use M,
 * which survives a blurry projector or a glare spot better.
 */
import { useEffect, useMemo, useState } from 'react';
import { useNumberFormat } from '../common/useNumberFormat';
import { useMessages } from '../../messages';
import { lazyImport } from '../shell/lazyPanel';

type QrLibrary = typeof import('qrcode');
type Level = 'L' | 'M';

/** Bytes a version-40 code holds in byte mode, per error-correction level. */
export const QR_CAPACITY: Readonly<Record<Level, number>> = { M: 2331, L: 2953 };

/** From this version (77 modules a side) a code is hard to read from the back of a room. */
const DENSE_VERSION = 15;

/** The standard's quiet zone, in modules: drawn white, so a dark page cannot eat it. */
const QUIET = 4;

/**
 * The `qrcode` package, loaded once through the app's loader; a failed load (offline
 * before caching) is attempted again when the code is next opened.
 */
const importLibrary = lazyImport(() =>
  import('qrcode')
    // A CommonJS package: depending on the bundler its functions sit on the namespace or on `default`.
    .then((mod) => ('create' in mod ? mod : (mod as { default: QrLibrary }).default)),
);

function loadLibrary(): Promise<QrLibrary> {
  importLibrary.retry();
  return importLibrary();
}

/** A drawn code: the SVG path of its dark modules and its size with the quiet zone. */
interface Drawing {
  readonly text: string;
  readonly path: string;
  readonly size: number;
  readonly version: number;
}

/** What the effect produced for a text. */
type Outcome = Drawing | { readonly text: string; readonly error: string };

/** The path of the dark modules, one run of a row per rectangle: a few kB even for version 40. */
export function modulesPath(size: number, dark: (row: number, col: number) => boolean): string {
  const parts: string[] = [];
  for (let r = 0; r < size; r++) {
    let c = 0;
    while (c < size) {
      if (!dark(r, c)) {
        c++;
        continue;
      }
      const start = c;
      while (c < size && dark(r, c)) c++;
      parts.push(`M${start + QUIET} ${r + QUIET}h${c - start}v1h-${c - start}z`);
    }
  }
  return parts.join('');
}

function draw(lib: QrLibrary, text: string, level: Level): Drawing {
  const code = lib.create(text, { errorCorrectionLevel: level });
  const { size } = code.modules;
  return {
    text,
    path: modulesPath(size, (r, c) => Boolean(code.modules.get(r, c))),
    size: size + 2 * QUIET,
    version: code.version,
  };
}

/** Props of `QrCode`. */
export interface QrCodeProps {
  /** What the code holds: the lesson link. */
  readonly text: string;
}

/** The QR code of `text`, or a message saying why there is none. */
export function QrCode({ text }: QrCodeProps) {
  const fmt = useNumberFormat();
  const m = useMessages().share;
  const bytes = useMemo(() => new TextEncoder().encode(text).length, [text]);
  const level: Level | null = bytes <= QR_CAPACITY.M ? 'M' : bytes <= QR_CAPACITY.L ? 'L' : null;
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  useEffect(() => {
    if (level === null) return;
    let live = true;
    loadLibrary()
      .then((lib) => {
        if (live) setOutcome(draw(lib, text, level));
      })
      .catch((error: unknown) => {
        if (live)
          setOutcome({ text, error: error instanceof Error ? error.message : String(error) });
      });
    return () => {
      live = false;
    };
  }, [text, level]);

  if (level === null) {
    return (
      <p className="qr-code__message">
        {m.qrTooLong(fmt.number(bytes, 0), fmt.number(QR_CAPACITY.L, 0))}
      </p>
    );
  }
  if (outcome && 'error' in outcome) {
    return outcome.text === text ? (
      <p className="qr-code__message">{m.qrFailed(outcome.error)}</p>
    ) : (
      <p className="qr-code__message">{m.qrLoading}</p>
    );
  }
  if (!outcome) return <p className="qr-code__message">{m.qrLoading}</p>;
  // While a changed link is drawn, the last code stays up, marked busy, rather than flickering.
  const stale = outcome.text !== text;
  return (
    <>
      <svg
        className="qr-code"
        role="img"
        aria-label={m.qrLabel}
        aria-busy={stale || undefined}
        viewBox={`0 0 ${outcome.size} ${outcome.size}`}
        shapeRendering="crispEdges"
        data-version={outcome.version}
      >
        <rect width={outcome.size} height={outcome.size} fill="#fff" />
        <path d={outcome.path} fill="#000" />
      </svg>
      {outcome.version >= DENSE_VERSION && <p className="qr-code__message">{m.qrDense}</p>}
    </>
  );
}
