/**
 * Mẫu 01 — Giấy tiếp nhận hồ sơ và hẹn trả kết quả (Thông tư 01/2018/TT-VPCP, then 03/2025/TT-VPCP; fields of
 * vn-rules §2.2): the code, the applicant, the papers received, the time limit, the receipt time, the appointment,
 * how the result is returned, the receiving officer, and a QR code to the public tracking page.
 */
import { toLocalDate } from '../../../platform/calendar/rules';
import { dateTimeVn, formatVn, placeDateVn } from '../../../platform/documents/dates';
import {
  decree30Document,
  gridTable,
  printable,
  signatures,
  type Content,
  type TDocumentDefinitions,
} from '../../../platform/documents/pdf';
import { weekdayNameVn } from '../../../platform/calendar/holidays';
import { amountInWords, formatVnd } from '../../procedures/api';
import type { Procedure } from '../../procedures/catalogue';
import { postalReturnAddress, registeredReturn, RETURN_CHANNEL_LABELS } from '../rules';
import {
  applicantFields,
  count,
  documentOf,
  formBasis,
  formName,
  latestEvent,
  notFound,
  numbered,
  ONE_STOP_UNIT,
  oneStopAgency,
  type FormInput,
} from './common';

function timeLimitText(procedure: Procedure | undefined): string {
  const limit = procedure?.timeLimit;
  if (!limit) return '—';
  if (limit.kind === 'same_day') return `Trong ngày làm việc (hồ sơ nhận trước ${limit.cutoff})`;
  return `${String(limit.days).replace('.', ',')} ngày làm việc`;
}

export function buildReceipt(input: FormInput): TDocumentDefinitions {
  const { dossier, ward, procedure } = input;
  const due = dossier.originalDueDate;
  if (!due) throw notFound('Hồ sơ chưa được tiếp nhận nên chưa có giấy tiếp nhận và hẹn trả kết quả.');
  const receivedAt = latestEvent(input.events, 'receive')?.at ?? dossier.receivedAt;
  const name = formName('receipt', dossier.receiptDay, 'Giấy tiếp nhận hồ sơ và hẹn trả kết quả');

  const rows = dossier.documentsReceived.map((id, i) => {
    const doc = documentOf(procedure, id);
    return [String(i + 1), printable(doc.name), count(doc.originals), count(doc.copies)];
  });
  const channel = registeredReturn(dossier);
  const postal = postalReturnAddress(dossier);
  const items: Content[] = [
    {
      stack: [
        'Thành phần hồ sơ nộp gồm:',
        {
          ...(gridTable(['auto', '*', 56, 56], ['TT', 'Tên giấy tờ', 'Bản chính', 'Bản sao'], rows, {
            alignments: ['center', 'left', 'center', 'center'],
          }) as object),
          margin: [0, 3, 0, 0],
        } as Content,
      ],
    },
    'Số lượng hồ sơ: 01 bộ.',
    `Thời gian giải quyết hồ sơ theo quy định: ${timeLimitText(procedure)}.`,
    { text: ['Thời gian nhận hồ sơ: ', { text: dateTimeVn(receivedAt), bold: true }, '.'] },
    {
      text: [
        'Thời gian trả kết quả giải quyết hồ sơ: ',
        { text: `${weekdayNameVn(due)}, ngày ${formatVn(due)}`, bold: true },
        '.',
      ],
    },
    `Đăng ký nhận kết quả: ${RETURN_CHANNEL_LABELS[channel]}${postal ? `, đến địa chỉ: ${printable(postal)}` : ''}.`,
  ];
  if (dossier.feeAmount > 0)
    items.push(
      `Phí, lệ phí: ${formatVnd(dossier.feeAmount)} (bằng chữ: ${amountInWords(dossier.feeAmount)}).`,
    );

  return decree30Document({
    agency: oneStopAgency(ward),
    reference: `Mã hồ sơ: ${dossier.code}`,
    placeDate: placeDateVn(ward.place, toLocalDate(receivedAt)),
    title: name,
    formBasis: formBasis('receipt', dossier.receiptDay),
    info: { title: `${name} — ${dossier.code}`, subject: dossier.procedureName, author: ward.name },
    body: [
      { text: `${ONE_STOP_UNIT} ${ward.inSentence} tiếp nhận hồ sơ của:`, margin: [0, 0, 0, 3] },
      ...applicantFields(input),
      { text: '', margin: [0, 3, 0, 0] },
      numbered(items),
      {
        columns: [
          { width: 78, qr: input.trackingUrl, fit: 78, eccLevel: 'M' },
          {
            width: '*',
            stack: [
              { text: 'Tra cứu tình trạng giải quyết hồ sơ:', italics: true, fontSize: 12 },
              { text: input.trackingUrl, fontSize: 11 },
              { text: `hoặc gọi ${ward.phone}.`, italics: true, fontSize: 12 },
            ],
            margin: [0, 18, 0, 0],
          },
        ],
        columnGap: 10,
        margin: [0, 8, 0, 0],
        unbreakable: true,
      },
      signatures(
        { title: 'Người nộp hồ sơ', hint: '(Ký và ghi rõ họ tên)', name: printable(dossier.applicantName) },
        {
          title: 'Người tiếp nhận hồ sơ',
          hint: '(Ký và ghi rõ họ tên)',
          name: printable(dossier.receivedByName),
          note: ONE_STOP_UNIT,
        },
      ),
    ],
  });
}
