/**
 * Sổ tiếp công dân of a period (Luật Tiếp công dân 2013, điều 26): one line per visit in the order received —
 * number, date, who came (CCCD number masked for readers without reception.personal.read), group size and
 * representatives, the matter, its classification, the answer due and the result. As PDF (A4 landscape) or Excel.
 */
import { formatVn, placeDateVn } from '../../platform/documents/dates';
import { buildWorkbook, type SheetColumn } from '../../platform/documents/excel';
import {
  decree30Document,
  gridTable,
  printable,
  signatures,
  type TDocumentDefinitions,
} from '../../platform/documents/pdf';
import { toLocalDate, type IsoDate } from '../../platform/calendar/rules';
import type { LogView } from './reception-presenters';

export const LOG_TITLE = 'Sổ tiếp công dân';

export interface LogDocumentInput {
  ward: { name: string; place: string };
  entries: readonly LogView[];
  from: IsoDate;
  to: IsoDate;
  now: Date;
}

interface Line {
  n: string;
  day: IsoDate;
  visitor: string;
  group: string;
  matter: string;
  classification: string;
  due: IsoDate;
  result: string;
}

function lines(entries: readonly LogView[]): Line[] {
  return entries.map((e) => ({
    n: `${e.number}/${e.year}`,
    day: e.receiptDay,
    visitor: printable(
      [e.visitorName, e.visitorIdNumber && `CCCD: ${e.visitorIdNumber}`, e.visitorAddress]
        .filter(Boolean)
        .join('; '),
    ),
    group:
      e.groupSize > 1
        ? printable(`${e.groupSize} người; đại diện: ${e.representatives.join(', ') || '—'}`)
        : '1 người',
    matter: printable(e.matter),
    classification: e.classificationLabel,
    due: e.dueDate,
    result: e.resultKindLabel
      ? printable(`${e.resultKindLabel}${e.result ? `: ${e.result}` : ''}`)
      : 'Chưa trả lời',
  }));
}

const period = (from: IsoDate, to: IsoDate) => `Từ ngày ${formatVn(from)} đến ngày ${formatVn(to)}`;

export function buildLogPdf(input: LogDocumentInput): TDocumentDefinitions {
  const rows = lines(input.entries).map((l) => [
    l.n,
    formatVn(l.day),
    l.visitor,
    l.group,
    l.matter,
    l.classification,
    formatVn(l.due),
    l.result,
  ]);
  return decree30Document({
    orientation: 'landscape',
    agency: { name: `Ủy ban nhân dân\n${input.ward.name}` },
    placeDate: placeDateVn(input.ward.place, toLocalDate(input.now)),
    title: LOG_TITLE,
    summary: period(input.from, input.to),
    info: { title: `${LOG_TITLE} — ${period(input.from, input.to)}`, author: input.ward.name },
    body: [
      gridTable(
        [40, 52, 130, 80, '*', 62, 52, 110],
        [
          'Số',
          'Ngày tiếp',
          'Họ tên, CCCD, địa chỉ',
          'Số người, người đại diện',
          'Nội dung',
          'Phân loại',
          'Hạn trả lời',
          'Kết quả',
        ],
        rows,
        { fontSize: 10, alignments: ['center', 'center', 'left', 'left', 'left', 'left', 'center', 'left'] },
      ),
      { text: `Tổng số: ${rows.length} lượt tiếp.`, italics: true, margin: [0, 6, 0, 0] },
      signatures(null, { title: 'Người lập sổ', hint: '(Ký và ghi rõ họ tên)' }),
    ],
  });
}

const COLUMNS: readonly SheetColumn<Line>[] = [
  { header: 'Số', width: 10, value: (l) => l.n },
  { header: 'Ngày tiếp', width: 14, kind: 'date', value: (l) => l.day },
  { header: 'Họ tên, CCCD, địa chỉ', width: 40, value: (l) => l.visitor },
  { header: 'Số người, người đại diện', width: 28, value: (l) => l.group },
  { header: 'Nội dung', width: 50, value: (l) => l.matter },
  { header: 'Phân loại', width: 20, value: (l) => l.classification },
  { header: 'Hạn trả lời', width: 14, kind: 'date', value: (l) => l.due },
  { header: 'Kết quả', width: 40, value: (l) => l.result },
];

export function buildLogXlsx(input: LogDocumentInput): Promise<Buffer> {
  return buildWorkbook({
    sheetName: LOG_TITLE,
    title: `${LOG_TITLE} — ${input.ward.name} — ${period(input.from, input.to)}`,
    creator: input.ward.name,
    columns: COLUMNS,
    rows: lines(input.entries),
  });
}
