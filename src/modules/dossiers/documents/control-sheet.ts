/**
 * Phiếu kiểm soát quá trình giải quyết hồ sơ (Mẫu 05 of Thông tư 01/2018, Mẫu 06 of Thông tư 03/2025; fields of
 * vn-rules §2.2): one row per hand-over of the timeline — "1. Giao: <unit> / 2. Nhận: <unit>", the time as
 * "…giờ…phút, ngày…tháng…năm", the giver and the receiver, and the result of the step that hand-over closed
 * (Trước hạn / Đúng hạn / Quá hạn) — and a last row when the result is returned to the citizen.
 */
import { spokenDateTimeVn } from '../../../platform/documents/dates';
import {
  decree30Document,
  field,
  gridTable,
  printable,
  type Content,
  type TDocumentDefinitions,
} from '../../../platform/documents/pdf';
import { TIMING_LABELS, type Timing } from '../rules';
import type { EventRow } from './data';
import {
  dayOrDash,
  formBasis,
  formName,
  ONE_STOP_UNIT,
  oneStopAgency,
  phoneOf,
  stringOr,
  type FormInput,
} from './common';

function timingLabel(timing: string | null): string {
  if (!timing) return '';
  return Object.hasOwn(TIMING_LABELS, timing) ? TIMING_LABELS[timing as Timing] : timing;
}

/** Hand-overs between units, and the return of the result to the citizen. */
export function handOvers(events: readonly EventRow[]): EventRow[] {
  return events.filter(
    (e) =>
      e.action === 'hand_over' ||
      e.action === 'return_result' ||
      (e.fromUnit !== null && e.toUnit !== null && e.fromUnit !== e.toUnit),
  );
}

function row(event: EventRow, applicantName: string): Content[] {
  const returned = event.action === 'return_result';
  const giver = printable(event.fromUnit ?? ONE_STOP_UNIT);
  const receiver = returned ? `Ông/bà ${applicantName}` : printable(event.toUnit ?? '');
  const receiverName = returned ? applicantName : printable(stringOr(event.data.toOfficerName, ''));
  const people: Content = {
    columns: [
      { width: '*', stack: [{ text: 'Người giao', italics: true }, printable(event.actorName)] },
      { width: '*', stack: [{ text: 'Người nhận', italics: true }, receiverName || ' '] },
    ],
    alignment: 'center',
    fontSize: 11,
    margin: [0, 4, 0, 0],
  };
  return [
    { stack: [`1. Giao: ${giver}`, `2. Nhận: ${receiver}`] },
    { stack: [{ text: spokenDateTimeVn(event.at), alignment: 'center' }, people] },
    { text: timingLabel(event.timing), alignment: 'center' },
    { text: printable(event.note ?? ''), fontSize: 11 },
  ];
}

export function buildControlSheet(input: FormInput): TDocumentDefinitions {
  const { dossier, ward } = input;
  const name = formName('control', dossier.receiptDay, 'Phiếu kiểm soát quá trình giải quyết hồ sơ');
  const applicant = printable(dossier.applicantName);
  const rows = handOvers(input.events).map((e) => row(e, applicant));
  const table = gridTable(
    [150, '*', 70, 58],
    [
      'Tên cơ quan',
      'Thời gian giao, nhận hồ sơ',
      'Kết quả giải quyết hồ sơ (Trước hạn/ Đúng hạn/ Quá hạn)',
      'Ghi chú',
    ],
    rows,
  );

  return decree30Document({
    agency: oneStopAgency(ward),
    reference: `Mã hồ sơ: ${dossier.code}`,
    title: name,
    summary: `(Kèm theo hồ sơ của: ${applicant})`,
    formBasis: formBasis('control', dossier.receiptDay),
    info: { title: `${name} — ${dossier.code}`, subject: dossier.procedureName, author: ward.name },
    body: [
      field('Nội dung yêu cầu giải quyết', printable(dossier.procedureName)),
      field('Địa chỉ', printable(dossier.applicantAddress)),
      field('Số điện thoại', phoneOf(dossier.applicantPhone, input.unmasked)),
      field('Cơ quan tiếp nhận hồ sơ', `${ONE_STOP_UNIT} ${ward.inSentence}`),
      {
        text: [
          'Ngày nhận hồ sơ: ',
          { text: dayOrDash(dossier.originalDueDate ? dossier.receiptDay : null), bold: true },
          '; ngày hẹn trả kết quả: ',
          { text: dayOrDash(dossier.dueDate), bold: true },
          '.',
        ],
        margin: [0, 0, 0, 8],
      },
      table,
      ...(rows.length === 0
        ? [
            {
              text: 'Hồ sơ chưa được giao, nhận giữa các cơ quan, đơn vị.',
              italics: true,
              margin: [0, 4, 0, 0],
            } as Content,
          ]
        : []),
    ],
  });
}
