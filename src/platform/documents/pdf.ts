/**
 * PDF documents in the layout of Nghị định 30/2020/NĐ-CP, Phụ lục I (vn-rules §6): A4, margins top/bottom 20 mm,
 * left 30 mm, right 15 mm; a Times New Roman-metric font (Liberation Serif 2, vendored in assets/fonts with its
 * SIL OFL licence, because Debian's older Liberation lacks ư ạ ậ ằ ễ ệ …); national motto top right, agency top
 * left, place and date in italics, page numbers centred in the top margin from page 2.
 *
 * pdfmake 0.3 and the four font files are loaded once, into pdfmake's in-memory file system, by the first
 * document rather than at server start: with pdfkit and fontkit they weigh about 20 MB of memory and 150–300 ms,
 * which the start-up targets (bench/startup.ts) cannot spare. The fonts' presence is checked at module load.
 * A document never touches the disk or the network (both access policies refuse everything).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as PdfMake from 'pdfmake';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import { lazy } from '../lazy';

export type { Content, TableCell, TDocumentDefinitions };

export const FONT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../assets/fonts');
export const FONT = 'LiberationSerif';

const FONT_FILES = {
  normal: 'LiberationSerif-Regular.ttf',
  bold: 'LiberationSerif-Bold.ttf',
  italics: 'LiberationSerif-Italic.ttf',
  bolditalics: 'LiberationSerif-BoldItalic.ttf',
} as const;

interface VirtualFs {
  writeFileSync(name: string, content: Buffer): void;
}

interface FontkitFont {
  stream?: { buffer?: unknown };
  _tables: Record<string, unknown>;
}
interface FontkitPrototype {
  _getTable?: (this: FontkitFont, table: { tag: string }) => unknown;
}

/**
 * pdfkit parses every font anew for every document (fontkit.create on the bytes), and decoding the same tables
 * again took about a third of the time of a one-page form. The decoded tables of our vendored fonts are kept and
 * handed to each later parse of the same bytes (they are only read: the PDFs come out byte for byte the same).
 * Other fonts are untouched; if fontkit's internals change shape, nothing is shared and documents are only slower.
 */
function shareDecodedTables(fonts: readonly Buffer[]): void {
  const fromPdfmake = createRequire(createRequire(import.meta.url).resolve('pdfmake'));
  const fontkit = createRequire(fromPdfmake.resolve('pdfkit'))('fontkit') as {
    create(bytes: Uint8Array): object;
  };
  const proto = Object.getPrototypeOf(fontkit.create(fonts[0] ?? Buffer.alloc(0))) as FontkitPrototype;
  const decode = proto._getTable;
  if (typeof decode !== 'function') return;
  const shared = new Map<unknown, Record<string, unknown>>(fonts.map((bytes) => [bytes, {}]));
  proto._getTable = function (this: FontkitFont, table: { tag: string }) {
    const tables = shared.get(this.stream?.buffer);
    if (!tables || !this._tables) return decode.call(this, table);
    if (!Object.hasOwn(tables, table.tag)) tables[table.tag] = decode.call(this, table);
    this._tables[table.tag] = tables[table.tag];
    return tables[table.tag];
  };
}

type Engine = typeof PdfMake & { virtualfs: VirtualFs };

// A missing font is a broken deployment: say so at start, not at the first print.
for (const file of Object.values(FONT_FILES)) fs.accessSync(path.join(FONT_DIR, file), fs.constants.R_OK);

/** pdfmake with our fonts, set up on first use and kept. */
const pdfEngine = lazy(async (): Promise<Engine> => {
  const pdfmake = createRequire(import.meta.url)('pdfmake') as Engine;
  const fontBytes = Object.values(FONT_FILES).map((file) => {
    const bytes = fs.readFileSync(path.join(FONT_DIR, file));
    pdfmake.virtualfs.writeFileSync(`fonts/${file}`, bytes);
    return bytes;
  });
  shareDecodedTables(fontBytes);
  pdfmake.setFonts({
    [FONT]: {
      normal: `fonts/${FONT_FILES.normal}`,
      bold: `fonts/${FONT_FILES.bold}`,
      italics: `fonts/${FONT_FILES.italics}`,
      bolditalics: `fonts/${FONT_FILES.bolditalics}`,
    },
  });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy(() => false);
  return pdfmake;
});

const MM = 72 / 25.4;
/** [left, top, right, bottom] in points. */
export const DECREE30_MARGINS: [number, number, number, number] = [30 * MM, 20 * MM, 15 * MM, 20 * MM];
const A4 = { width: 595.28, height: 841.89 };

/** Width of the text block, between the margins. */
export function contentWidth(orientation: 'portrait' | 'landscape' = 'portrait'): number {
  const page = orientation === 'portrait' ? A4.width : A4.height;
  return page - DECREE30_MARGINS[0] - DECREE30_MARGINS[2];
}

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc';

/** A table drawing only a rule under its single cell: the cell is as wide as its text ('auto'). */
const RULE_UNDER = {
  hLineWidth: (i: number, node: { table: { body: unknown[] } }) => (i === node.table.body.length ? 0.6 : 0),
  vLineWidth: () => 0,
  paddingLeft: () => 0,
  paddingRight: () => 0,
  paddingTop: () => 0,
  paddingBottom: () => 2,
};

/** Content centred in its column, as wide as itself. */
function centred(content: Content): Content {
  return {
    columns: [
      { width: '*', text: '' },
      { width: 'auto', stack: [content] },
      { width: '*', text: '' },
    ],
  };
}

/** A short centred rule, as under the agency name (1/3 to 1/2 of the name's line). */
function shortRule(length: number): Content {
  return centred({ canvas: [{ type: 'line', x1: 0, y1: 0, x2: length, y2: 0, lineWidth: 0.6 }] });
}

export interface Agency {
  /** The parent agency (cơ quan chủ quản), e.g. 'UBND phường Thành Đông'; printed upper-case, regular. */
  parent?: string;
  /** The issuing agency, e.g. 'Trung tâm Phục vụ hành chính công'; printed upper-case, bold. */
  name: string;
}

export interface HeaderOptions {
  agency: Agency;
  /** The line under the agency: 'Số: 05/UBND-VP', or 'Mã hồ sơ: 10507-260213-0001' on one-stop forms. */
  reference?: string;
  /** 'Thành Đông, ngày 13 tháng 02 năm 2026' (see placeDateVn). */
  placeDate?: string;
  /** Width of the agency column; the motto takes the rest. */
  agencyWidth?: number;
}

/** The two-column head of every document: agency and number left, national name, motto and date right. */
export function documentHeader(options: HeaderOptions): Content {
  const { agency } = options;
  const agencyWidth = options.agencyWidth ?? 190;
  const left: Content[] = [];
  if (agency.parent) left.push({ text: agency.parent.toLocaleUpperCase('vi'), fontSize: 12 });
  left.push({ text: agency.name.toLocaleUpperCase('vi'), fontSize: 12, bold: true });
  left.push({ ...(shortRule(60) as object), margin: [0, 3, 0, 0] } as Content);
  const right: Content[] = [
    { text: NATIONAL_NAME, fontSize: 12, bold: true },
    centred({
      table: { widths: ['auto'], body: [[{ text: NATIONAL_MOTTO, fontSize: 13, bold: true }]] },
      layout: RULE_UNDER,
    }),
  ];
  const head: Content = {
    columns: [
      { width: agencyWidth, stack: left, alignment: 'center' },
      { width: '*', stack: right, alignment: 'center' },
    ],
    columnGap: 6,
  };
  if (!options.reference && !options.placeDate) return head;
  // The number and the place-and-date line share one line, under the agency and under the motto.
  const second: Content = {
    columns: [
      { width: agencyWidth, text: options.reference ?? '', fontSize: 13, alignment: 'center' },
      { width: '*', text: options.placeDate ?? '', fontSize: 13, italics: true, alignment: 'center' },
    ],
    columnGap: 6,
    margin: [0, 8, 0, 0],
  };
  return { stack: [head, second] };
}

/** The document type name (upper-case, bold) and its optional trích yếu (bold), centred. */
export function documentTitle(title: string, summary?: string): Content {
  const stack: Content[] = [{ text: title.toLocaleUpperCase('vi'), fontSize: 14, bold: true }];
  if (summary) stack.push({ text: summary, fontSize: 13, bold: true, margin: [0, 2, 0, 0] });
  return { stack, alignment: 'center', margin: [0, 18, 0, 12] };
}

export interface SignatureBlock {
  /** 'NGƯỜI TIẾP NHẬN HỒ SƠ', 'TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH'; printed upper-case, bold. */
  title: string;
  /** '(Ký và ghi rõ họ tên)'. */
  hint?: string;
  /** The signer's name, bold; blank leaves room for a handwritten name. */
  name?: string;
  /** A line under the name, e.g. the signer's unit. */
  note?: string;
}

function signature(block: SignatureBlock | null): Content {
  if (!block) return { text: '' };
  return {
    stack: [
      { text: block.title.toLocaleUpperCase('vi'), bold: true },
      ...(block.hint ? [{ text: block.hint, italics: true, fontSize: 12 }] : []),
      { text: block.name ?? ' ', bold: true, margin: [0, 56, 0, 0] },
      ...(block.note ? [{ text: block.note, italics: true, fontSize: 12 }] : []),
    ],
    alignment: 'center',
  };
}

/** Signature blocks side by side: [left, right]; either may be null (a single signer signs on the right). */
export function signatures(left: SignatureBlock | null, right: SignatureBlock | null): Content {
  return {
    columns: [
      { width: '*', stack: [signature(left)] },
      { width: '*', stack: [signature(right)] },
    ],
    columnGap: 12,
    margin: [0, 16, 0, 0],
    unbreakable: true,
  };
}

/** A table with thin borders and a bold header row, repeated on every page. */
export function gridTable(
  widths: (number | string)[],
  header: string[],
  rows: (string | Content)[][],
  options: { fontSize?: number; alignments?: ('left' | 'center' | 'right')[] } = {},
): Content {
  const fontSize = options.fontSize ?? 12;
  const align = (i: number) => options.alignments?.[i] ?? 'left';
  const cell = (value: string | Content, i: number): TableCell =>
    typeof value === 'string'
      ? { text: value, alignment: align(i), fontSize }
      : { stack: [value], alignment: align(i), fontSize };
  return {
    table: {
      headerRows: 1,
      dontBreakRows: true,
      widths,
      body: [
        header.map((h): TableCell => ({ text: h, bold: true, alignment: 'center', fontSize })),
        ...rows.map((row) => row.map(cell)),
      ],
    },
    layout: {
      hLineWidth: () => 0.5,
      vLineWidth: () => 0.5,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
  };
}

/** A label in regular type followed by its value in bold: 'Mã hồ sơ: ' + '10507-260213-0001'. */
export function field(label: string, value: string, extra: Content[] = []): Content {
  return { text: [`${label}: `, { text: value, bold: true }, ...(extra as never[])], margin: [0, 0, 0, 3] };
}

export interface Decree30Options extends HeaderOptions {
  title: string;
  summary?: string;
  body: Content[];
  orientation?: 'portrait' | 'landscape';
  /** The legal form the document follows ('Mẫu 01 — Thông tư 03/2025/TT-VPCP'), printed small at the foot. */
  formBasis?: string;
  info: { title: string; subject?: string; keywords?: string; author?: string };
}

/** A whole document in the Decree 30/2020 frame. */
export function decree30Document(options: Decree30Options): TDocumentDefinitions {
  const orientation = options.orientation ?? 'portrait';
  return {
    pageSize: 'A4',
    pageOrientation: orientation,
    pageMargins: DECREE30_MARGINS,
    language: 'vi-VN',
    info: { creator: 'Chính quyền thân thiện', producer: 'Chính quyền thân thiện', ...options.info },
    defaultStyle: { font: FONT, fontSize: 13, lineHeight: 1.1 },
    header: (currentPage: number) =>
      currentPage > 1
        ? { text: String(currentPage), alignment: 'center', fontSize: 13, margin: [0, 8 * MM, 0, 0] }
        : null,
    footer: options.formBasis
      ? (currentPage: number, pageCount: number) =>
          currentPage === pageCount
            ? {
                text: options.formBasis ?? '',
                fontSize: 9,
                italics: true,
                color: '#444444',
                margin: [DECREE30_MARGINS[0], 6 * MM, DECREE30_MARGINS[2], 0],
              }
            : null
      : undefined,
    content: [documentHeader(options), documentTitle(options.title, options.summary), ...options.body],
  };
}

// eslint-disable-next-line no-control-regex -- the point is to remove control characters
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text typed by people, made safe to print: composed Unicode (NFC, so 'ệ' is one glyph of the font), no control
 * or bidi-override characters, no lone surrogates.
 */
export function printable(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(CONTROL, '').normalize('NFC');
}

/** Renders a document definition to PDF bytes. */
export async function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return (await pdfEngine()).createPdf(doc).getBuffer();
}
