/**
 * Sổ theo dõi hồ sơ (Mẫu 06 of Thông tư 01/2018, Mẫu 07 of Thông tư 03/2025; fields of vn-rules §2.2) for a
 * period: one line per dossier received, in the order received — STT, code, procedure, applicant, address and
 * phone, dates received / appointed / returned, status. As PDF (A4 landscape) or Excel.
 */
import { toLocalDate, type IsoDate } from '../../../platform/calendar/rules';
import { formatVn, placeDateVn } from '../../../platform/documents/dates';
import { buildWorkbook, type SheetColumn } from '../../../platform/documents/excel';
import {
  decree30Document,
  gridTable,
  printable,
  signatures,
  type TDocumentDefinitions,
} from '../../../platform/documents/pdf';
import { formFor, statusOf, type StatusKey } from '../rules';
import { dayOrDash, oneStopAgency, phoneOf } from './common';
import type { RegisterRow, WardHeading } from './data';

export const REGISTER_SHEET_NAME = 'Sổ theo dõi hồ sơ';

export interface RegisterInput {
  ward: WardHeading;
  rows: readonly RegisterRow[];
  from: IsoDate;
  to: IsoDate;
  unmasked: boolean;
  now: Date;
}

/** One line of the register, in the words and formats both outputs print. */
interface Line {
  code: string;
  procedure: string;
  applicant: string;
  contact: string;
  received: IsoDate;
  appointment: IsoDate | null;
  returned: IsoDate | null;
  status: string;
}

function lines(input: RegisterInput): Line[] {
  return input.rows.map((r) => {
    const status = statusOf(r.status as StatusKey).label;
    return {
      code: r.code,
      procedure: printable(r.procedureName),
      applicant: printable(r.applicantName),
      contact: `${printable(r.applicantAddress)}; ĐT: ${phoneOf(r.applicantPhone, input.unmasked)}`,
      received: toLocalDate(r.receivedAt),
      appointment: r.dueDate,
      returned: r.returnedAt ? toLocalDate(r.returnedAt) : null,
      status: r.apologies > 0 && r.dueDate !== r.originalDueDate ? `${status} (đã hẹn lại)` : status,
    };
  });
}

const period = (from: IsoDate, to: IsoDate) => `Từ ngày ${formatVn(from)} đến ngày ${formatVn(to)}`;

export function buildRegisterPdf(input: RegisterInput): TDocumentDefinitions {
  const { ward } = input;
  const form = formFor('register', input.to);
  const title = form?.name ?? REGISTER_SHEET_NAME;
  const rows = lines(input).map((l, i) => [
    String(i + 1),
    l.code,
    l.procedure,
    l.applicant,
    l.contact,
    formatVn(l.received),
    dayOrDash(l.appointment),
    dayOrDash(l.returned),
    l.status,
  ]);
  return decree30Document({
    orientation: 'landscape',
    agencyWidth: 230,
    agency: oneStopAgency(ward),
    placeDate: placeDateVn(ward.place, toLocalDate(input.now)),
    title,
    summary: period(input.from, input.to),
    formBasis: form ? `${form.basis} (${form.name})` : undefined,
    info: { title: `${title} — ${period(input.from, input.to)}`, author: ward.name },
    body: [
      gridTable(
        [20, 84, '*', 78, 120, 50, 50, 50, 62],
        [
          'STT',
          'Mã hồ sơ',
          'Tên thủ tục hành chính',
          'Tên tổ chức, cá nhân',
          'Địa chỉ, số điện thoại',
          'Ngày nhận hồ sơ',
          'Ngày hẹn trả kết quả',
          'Ngày trả kết quả',
          'Tình trạng',
        ],
        rows,
        {
          fontSize: 10,
          alignments: ['center', 'left', 'left', 'left', 'left', 'center', 'center', 'center', 'left'],
        },
      ),
      {
        text: `Tổng số: ${rows.length} hồ sơ.`,
        italics: true,
        margin: [0, 6, 0, 0],
      },
      signatures(null, { title: 'Người lập sổ', hint: '(Ký và ghi rõ họ tên)' }),
    ],
  });
}

const COLUMNS: readonly SheetColumn<Line & { n: number }>[] = [
  { header: 'STT', width: 6, kind: 'number', value: (l) => l.n },
  { header: 'Mã hồ sơ', width: 20, value: (l) => l.code },
  { header: 'Tên thủ tục hành chính', width: 40, value: (l) => l.procedure },
  { header: 'Tên tổ chức, cá nhân', width: 24, value: (l) => l.applicant },
  { header: 'Địa chỉ, số điện thoại', width: 40, value: (l) => l.contact },
  { header: 'Ngày nhận hồ sơ', width: 14, kind: 'date', value: (l) => l.received },
  { header: 'Ngày hẹn trả kết quả', width: 14, kind: 'date', value: (l) => l.appointment },
  { header: 'Ngày trả kết quả', width: 14, kind: 'date', value: (l) => l.returned },
  { header: 'Tình trạng', width: 22, value: (l) => l.status },
];

export function buildRegisterXlsx(input: RegisterInput): Promise<Buffer> {
  return buildWorkbook({
    sheetName: REGISTER_SHEET_NAME,
    title: `${REGISTER_SHEET_NAME} — ${input.ward.name} — ${period(input.from, input.to)}`,
    creator: input.ward.name,
    columns: COLUMNS,
    rows: lines(input).map((l, i) => ({ ...l, n: i + 1 })),
  });
}
