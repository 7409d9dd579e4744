import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
import QRCode, { type QRCodeMaskPattern } from 'qrcode';

/** Text of every page of a PDF, one line per text line, with runs of blanks collapsed. */
export async function pdfText(body: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(body), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(
      content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''),
    );
  }
  await pdf.destroy();
  return pages
    .join('\n')
    .normalize('NFC')
    .replace(/[ \t]+/g, ' ');
}

/** The document's title (its metadata), as a PDF reader shows it in the window title. */
export async function pdfTitle(body: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data: new Uint8Array(body) }).promise;
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return (info as { Title?: string }).Title ?? '';
}

/** A QR code as drawn: its width in modules and its dark modules as "row,column". */
export interface QrModules {
  size: number;
  dark: Set<string>;
}

/** Bounding boxes [x0, y0, x1, y1] of the filled squares drawn on the first page (as pdf.js reports them). */
async function filledSquares(body: Uint8Array): Promise<number[][]> {
  const pdf = await getDocument({ data: new Uint8Array(body) }).promise;
  const { fnArray, argsArray } = await (await pdf.getPage(1)).getOperatorList();
  await pdf.destroy();
  const boxes: number[][] = [];
  fnArray.forEach((fn, i) => {
    if (fn !== OPS.constructPath) return;
    const [paint, , box] = argsArray[i] as [number, unknown, ArrayLike<number> | null];
    if (paint === OPS.fill && box) boxes.push(Array.from(box));
  });
  return boxes.filter(([x0, y0, x1, y1]) => x1 > x0 && Math.abs(x1 - x0 - (y1 - y0)) < 0.01);
}

/**
 * The QR code drawn on the first page: pdfmake draws each dark module as a filled square, so its modules are
 * the page's most common square.
 */
export async function pdfQrModules(body: Uint8Array): Promise<QrModules> {
  const squares = await filledSquares(body);
  const widthOf = ([x0, , x1]: number[]) => Math.round(((x1 ?? 0) - (x0 ?? 0)) * 100) / 100;
  const counts = new Map<number, number>();
  for (const square of squares) counts.set(widthOf(square), (counts.get(widthOf(square)) ?? 0) + 1);
  const width = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 1;
  const modules = squares.filter((square) => widthOf(square) === width);
  const left = Math.min(...modules.map(([x0]) => x0 ?? 0));
  const top = Math.min(...modules.map(([, y0]) => y0 ?? 0));
  const cells = modules.map(([x0 = 0, y0 = 0]) => [
    Math.round((y0 - top) / width),
    Math.round((x0 - left) / width),
  ]);
  return {
    size: Math.max(...cells.map(([, column = 0]) => column)) + 1,
    dark: new Set(cells.map(([row, column]) => `${row},${column}`)),
  };
}

/**
 * Whether `drawn` is the QR code of `text` (byte mode, error correction M): re-encoded with an independent
 * encoder at the drawn version, one of the eight masks must give exactly the same modules.
 */
export function isQrCodeOf(drawn: QrModules, text: string): boolean {
  const version = (drawn.size - 17) / 4;
  if (!Number.isInteger(version) || version < 1) return false;
  return ([0, 1, 2, 3, 4, 5, 6, 7] as QRCodeMaskPattern[]).some((maskPattern) => {
    const { modules } = QRCode.create([{ data: Buffer.from(text), mode: 'byte' }], {
      version,
      maskPattern,
      errorCorrectionLevel: 'M',
    });
    let dark = 0;
    for (let row = 0; row < modules.size; row++) {
      for (let column = 0; column < modules.size; column++) {
        if (!modules.get(row, column)) continue;
        if (!drawn.dark.has(`${row},${column}`)) return false;
        dark += 1;
      }
    }
    return dark === drawn.dark.size;
  });
}
