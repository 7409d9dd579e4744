/**
 * Excel workbooks (exceljs): one sheet with a header row, set widths, dates as real dates shown dd/mm/yyyy, and
 * print settings for A4 landscape. exceljs takes about 300 ms to load, so it is loaded on the first export
 * rather than at server start.
 */
import type { IsoDate } from '../calendar/rules';
import { lazy } from '../lazy';

const excel = lazy(() => import('exceljs').then((m) => m.default));

export const XLSX_MEDIA_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export type CellValue = string | number | null;

export interface SheetColumn<T> {
  header: string;
  /** In characters, as Excel measures columns. */
  width: number;
  /** 'date' values are IsoDate strings ('2026-02-13'), written as dates formatted dd/mm/yyyy. */
  kind?: 'text' | 'number' | 'date';
  value(row: T): CellValue;
}

export interface SheetOptions<T> {
  /** At most 31 characters, none of * ? : \ / [ ] (Excel's rule); Vietnamese is fine. */
  sheetName: string;
  columns: readonly SheetColumn<T>[];
  rows: readonly T[];
  title?: string;
  creator?: string;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Midnight UTC of the day: Excel stores days without a time zone, and exceljs reads Dates as UTC. */
export function excelDate(day: IsoDate): Date {
  const m = ISO_DATE.exec(day);
  if (!m) throw new RangeError(`Ngày không hợp lệ: ${day}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export async function buildWorkbook<T>(options: SheetOptions<T>): Promise<Buffer> {
  if (!/^[^*?:\\/[\]]{1,31}$/.test(options.sheetName))
    throw new RangeError(`Tên trang tính không hợp lệ: ${options.sheetName}`);
  const { Workbook } = await excel();
  const workbook = new Workbook();
  workbook.creator = options.creator ?? 'Chính quyền thân thiện';
  workbook.title = options.title ?? options.sheetName;
  workbook.created = new Date();
  const sheet = workbook.addWorksheet(options.sheetName, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.columns = options.columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: c.kind === 'date' ? { numFmt: 'dd/mm/yyyy' } : {},
  }));
  const header = sheet.getRow(1);
  header.font = { bold: true, name: 'Times New Roman', size: 12 };
  header.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  header.eachCell((cell) => {
    cell.border = BORDER;
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7E6E6' } };
  });
  for (const row of options.rows) {
    const values = options.columns.map((c) => {
      const value = c.value(row);
      return c.kind === 'date' && typeof value === 'string' ? excelDate(value) : value;
    });
    const added = sheet.addRow(values);
    added.font = { name: 'Times New Roman', size: 12 };
    added.alignment = { vertical: 'top', wrapText: true };
    added.eachCell({ includeEmpty: true }, (cell) => {
      cell.border = BORDER;
    });
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: options.columns.length } };
  sheet.pageSetup.printTitlesRow = '1:1';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
