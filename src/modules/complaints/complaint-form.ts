/**
 * Đơn khiếu nại, Mẫu số 01 of Nghị định 124/2020/NĐ-CP (Phụ lục), filled from the complaint as recorded: a
 * citizen's letter, so national name and motto centred, no issuing agency; place and date; "Kính gửi"; the
 * complainant (name, address, ID number); what is complained of; the content with reasons and requests; the
 * evidence attached; signature or fingerprint.
 */
import { longDateVn, placeName } from '../../platform/documents/dates';
import {
  DECREE30_MARGINS,
  documentTitle,
  field,
  FONT,
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  printable,
  signatures,
  type Content,
  type TDocumentDefinitions,
} from '../../platform/documents/pdf';
import type { ComplaintRow } from './store';

export const COMPLAINT_FORM_BASIS = 'Mẫu số 01 — Nghị định 124/2020/NĐ-CP';

export function buildComplaintForm(row: ComplaintRow, wardName: string): TDocumentDefinitions {
  const p = (text: string) => printable(text);
  const addressee = `Chủ tịch Ủy ban nhân dân ${wardName.replace(/^Phường/, 'phường')}`;
  const body: Content[] = [
    { text: [{ text: 'Kính gửi: ', bold: true }, addressee], alignment: 'center', margin: [0, 0, 0, 10] },
    field('Họ và tên', p(row.complainantName), [`; mã số hồ sơ: ${row.code}`]),
    field('Địa chỉ', p(row.complainantAddress)),
    field('Số Thẻ căn cước công dân', row.complainantIdNumber ?? '…………………………'),
    ...(row.complainantPhone ? [field('Số điện thoại', row.complainantPhone)] : []),
    field('Khiếu nại', p(`${row.subject} của ${row.respondent}`)),
    { text: 'Nội dung khiếu nại:', bold: true, margin: [0, 6, 0, 2] },
    { text: p(row.content), alignment: 'justify', margin: [0, 0, 0, 4] },
    { text: [{ text: 'Lý do: ', bold: true }, p(row.reasons)], alignment: 'justify', margin: [0, 0, 0, 4] },
    {
      text: [{ text: 'Yêu cầu: ', bold: true }, p(row.requests)],
      alignment: 'justify',
      margin: [0, 0, 0, 4],
    },
    { text: 'Tài liệu, chứng cứ kèm theo:', bold: true, margin: [0, 6, 0, 2] },
    row.evidence.length > 0 ? { ol: row.evidence.map(p) } : { text: 'Không có.', italics: true },
    signatures(null, {
      title: 'Người khiếu nại',
      hint: '(Chữ ký hoặc điểm chỉ)',
      name: p(row.complainantName),
      note: row.signed ? undefined : 'Đơn chưa có chữ ký hoặc điểm chỉ',
    }),
  ];
  return {
    pageSize: 'A4',
    pageMargins: DECREE30_MARGINS,
    language: 'vi-VN',
    info: {
      title: `Đơn khiếu nại ${row.code}`,
      subject: COMPLAINT_FORM_BASIS,
      creator: 'Chính quyền thân thiện',
    },
    defaultStyle: { font: FONT, fontSize: 13, lineHeight: 1.1 },
    footer: {
      text: COMPLAINT_FORM_BASIS,
      fontSize: 9,
      italics: true,
      margin: [DECREE30_MARGINS[0], 10, 0, 0],
    },
    content: [
      { text: NATIONAL_NAME, bold: true, fontSize: 12, alignment: 'center' },
      { text: NATIONAL_MOTTO, bold: true, alignment: 'center', decoration: 'underline' },
      {
        text: `${placeName(wardName)}, ${longDateVn(row.complaintDate)}`,
        italics: true,
        alignment: 'right',
        margin: [0, 10, 0, 0],
      },
      documentTitle('Đơn khiếu nại'),
      ...body,
    ],
  };
}
