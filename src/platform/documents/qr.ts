/**
 * QR codes of the public pages (procedure guides, the queue's phone link): SVG (inline in the pages, or a
 * file) and PNG, remembered per URL so that a page view does not re-encode. Error correction M, quiet zone of
 * 4 modules (ISO/IEC 18004).
 */
import QRCode from 'qrcode';
import { esc } from '../http/html';

const QUIET_ZONE = 4;
const ERROR_CORRECTION = 'M';
const MAX_ENTRIES = 500;

interface QrSymbol {
  /** Modules per side, quiet zone included. */
  dimension: number;
  /** One path of horizontal strokes, one per run of dark modules. */
  path: string;
}

function remember<V>(cache: Map<string, V>, key: string, make: () => V): V {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const value = make();
  if (cache.size >= MAX_ENTRIES) {
    const oldest = cache.keys().next();
    if (!oldest.done) cache.delete(oldest.value);
  }
  cache.set(key, value);
  return value;
}

const symbols = new Map<string, QrSymbol>();
const pngs = new Map<string, Promise<Buffer>>();

/** The dark modules of the symbol for `text`, as `true` in a row-major array of `size × size`. */
export function qrModules(text: string): { size: number; dark: (row: number, col: number) => boolean } {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: ERROR_CORRECTION });
  return { size: modules.size, dark: (row, col) => modules.data[row * modules.size + col] === 1 };
}

function symbol(text: string): QrSymbol {
  return remember(symbols, text, () => {
    const { size, dark } = qrModules(text);
    let path = '';
    for (let row = 0; row < size; row++) {
      let x = 0; // pen position on this row, in modules from the left edge of the symbol
      let started = false;
      for (let col = 0; col < size;) {
        if (!dark(row, col)) {
          col++;
          continue;
        }
        const from = col;
        while (col < size && dark(row, col)) col++;
        path += started ? `m${from - x} 0` : `M${from + QUIET_ZONE} ${row + QUIET_ZONE + 0.5}`;
        path += `h${col - from}`;
        started = true;
        x = col;
      }
    }
    return { dimension: size + 2 * QUIET_ZONE, path };
  });
}

export interface SvgOptions {
  /** Accessible name; without one the image is hidden from screen readers (its caption says what it is). */
  label?: string;
  className?: string;
  /** A file of its own: XML namespace, a pixel size and a `<title>`. */
  standalone?: boolean;
}

/** The QR code of `text` as SVG: dark strokes on a white square, crisp edges. */
export function qrSvg(text: string, options: SvgOptions = {}): string {
  const { dimension: d, path } = symbol(text);
  const name = options.label
    ? ` role="img" aria-label="${esc(options.label)}"`
    : ' aria-hidden="true" focusable="false"';
  const size = options.standalone ? ` width="${d * 8}" height="${d * 8}"` : '';
  const cls = options.className ? ` class="${esc(options.className)}"` : '';
  const title = options.standalone && options.label ? `<title>${esc(options.label)}</title>` : '';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${d} ${d}"${size}${cls}${name} shape-rendering="crispEdges">` +
    `${title}<path fill="#fff" d="M0 0h${d}v${d}H0z"/><path stroke="#000" d="${path}"/></svg>`
  );
}

/** The QR code of `text` as a PNG, 8 pixels per module. */
export function qrPng(text: string): Promise<Buffer> {
  return remember(pngs, text, () => {
    const png = QRCode.toBuffer(text, {
      type: 'png',
      errorCorrectionLevel: ERROR_CORRECTION,
      margin: QUIET_ZONE,
      scale: 8,
    });
    png.catch(() => pngs.delete(text));
    return png;
  });
}
