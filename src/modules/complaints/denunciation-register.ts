/**
 * The register of denunciations (sổ tiếp nhận, xử lý tố cáo) for a period, as PDF or Excel. It lists what was
 * denounced and how it stands, never who denounced it: the identity is sealed and no printout carries it, the
 * chairman's included (Luật Tố cáo 2018, điều 56: strip the identity from the file passed on).
 */
import { toLocalDate, type IsoDate } from '../../platform/calendar/rules';
import { formatVn, placeDateVn, placeName } from '../../platform/documents/dates';
import type { SheetColumn } from '../../platform/documents/excel';
import {
  decree30Document,
  gridTable,
  printable,
  type TDocumentDefinitions,
} from '../../platform/documents/pdf';
import { DENUNCIATION_STATUSES, SEALED_LABEL, type DenunciationStatus } from './rules';
import type { DenunciationRow } from './store';

export const REGISTER_TITLE = 'Sổ tiếp nhận, xử lý tố cáo';

interface Line {
  code: string;
  received: IsoDate;
  accused: string;
  content: string;
  handler: string;
  due: IsoDate | null;
  status: string;
}

const lineOf = (row: DenunciationRow): Line => ({
  code: row.code,
  received: row.receiptDay,
  accused: printable(row.accused),
  content: printable(row.content),
  handler: row.handlerName ?? '',
  due: row.status === 'received' ? row.initialDue : row.resolutionDue,
  status: DENUNCIATION_STATUSES[row.status as DenunciationStatus],
});

export const REGISTER_COLUMNS: readonly SheetColumn<Line>[] = [
  { header: 'Số', width: 14, value: (l) => l.code },
  { header: 'Ngày nhận', width: 12, kind: 'date', value: (l) => l.received },
  { header: 'Người tố cáo', width: 16, value: () => SEALED_LABEL },
  { header: 'Người bị tố cáo', width: 28, value: (l) => l.accused },
  { header: 'Nội dung', width: 60, value: (l) => l.content },
  { header: 'Người giải quyết', width: 22, value: (l) => l.handler },
  { header: 'Hạn', width: 12, kind: 'date', value: (l) => l.due },
  { header: 'Tình trạng', width: 24, value: (l) => l.status },
];

export function registerLines(rows: readonly DenunciationRow[]): Line[] {
  return rows.map(lineOf);
}

export function buildDenunciationRegisterPdf(input: {
  wardName: string;
  rows: readonly DenunciationRow[];
  from: IsoDate;
  to: IsoDate;
  now: Date;
}): TDocumentDefinitions {
  const period = `Từ ngày ${formatVn(input.from)} đến ngày ${formatVn(input.to)}`;
  return decree30Document({
    orientation: 'landscape',
    agency: { name: `Ủy ban nhân dân\n${input.wardName}` },
    placeDate: placeDateVn(placeName(input.wardName), toLocalDate(input.now)),
    title: REGISTER_TITLE,
    summary: period,
    info: { title: `${REGISTER_TITLE} — ${period}`, author: input.wardName },
    body: [
      gridTable(
        [76, 58, 72, 110, '*', 86, 58, 80],
        REGISTER_COLUMNS.map((c) => c.header),
        registerLines(input.rows).map((l) =>
          REGISTER_COLUMNS.map((c) => {
            const v = c.value(l);
            return c.kind === 'date' && typeof v === 'string' ? formatVn(v) : String(v ?? '—');
          }),
        ),
        { fontSize: 11 },
      ),
    ],
  });
}
