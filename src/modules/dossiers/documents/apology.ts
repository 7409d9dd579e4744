/**
 * Mẫu 04 — the written apology of a late dossier, named by the regime of its receipt day (formNameOn(4, …)):
 * "Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết" from 01/07/2025 (Thông tư 03/2025/TT-VPCP), "Phiếu
 * xin lỗi và hẹn lại ngày trả kết quả" before (Thông tư 01/2018/TT-VPCP). Fields of vn-rules §2.2: addressee,
 * receipt date, dossier code, original due date, reason for the delay, new date, head-of-agency signature.
 * Built from the 'apology' event: data { oldDueDate, newDueDate, reason }.
 */
import { toLocalDate } from '../../../platform/calendar/rules';
import { formatVn, placeDateVn } from '../../../platform/documents/dates';
import {
  decree30Document,
  printable,
  type Content,
  type TDocumentDefinitions,
} from '../../../platform/documents/pdf';
import { formNameOn, formOn, NEW_ONE_STOP_FROM } from '../rules';
import { latestEvent, notFound, phoneOf, stringOr, wardAgency, type FormInput } from './common';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const dateOr = (value: unknown, fallback: string | null): string | null =>
  typeof value === 'string' && ISO_DATE.test(value) ? value : fallback;

const INDENT = 28; // 1 cm first-line indent of body paragraphs

function paragraph(text: string | Content[]): Content {
  return { text: text as never, alignment: 'justify', leadingIndent: INDENT, margin: [0, 0, 0, 6] };
}

export function buildApology(input: FormInput): TDocumentDefinitions {
  const { dossier, ward } = input;
  const event = latestEvent(input.events, 'apology');
  if (!event) throw notFound('Hồ sơ chưa có văn bản xin lỗi.');
  const oldDue = dateOr(event.data.oldDueDate, dossier.originalDueDate);
  const newDue = dateOr(event.data.newDueDate, dossier.dueDate);
  const reason = printable(stringOr(event.data.reason, event.note ?? ''));
  const name = formNameOn(4, dossier.receiptDay);
  const form = formOn(4, dossier.receiptDay);
  const extension = dossier.receiptDay >= NEW_ONE_STOP_FROM;
  const committee = `Ủy ban nhân dân ${ward.inSentence}`;
  const bold = (text: string) => ({ text, bold: true });

  return decree30Document({
    agency: wardAgency(ward),
    reference: `Mã hồ sơ: ${dossier.code}`,
    placeDate: placeDateVn(ward.place, toLocalDate(event.at)),
    title: name,
    formBasis: `${form.basis} (${form.name})`,
    info: { title: `${name} — ${dossier.code}`, subject: dossier.procedureName, author: ward.name },
    body: [
      {
        text: [`Kính gửi: Ông/bà `, bold(printable(dossier.applicantName))],
        alignment: 'center',
        margin: [0, 0, 0, 2],
      },
      {
        text: `Địa chỉ: ${printable(dossier.applicantAddress)}; số điện thoại: ${phoneOf(dossier.applicantPhone, input.unmasked)}.`,
        alignment: 'center',
        fontSize: 12,
        margin: [0, 0, 0, 10],
      },
      paragraph([
        `Ngày ${formatVn(dossier.receiptDay)}, ${committee} tiếp nhận hồ sơ đề nghị giải quyết thủ tục `,
        bold(printable(dossier.procedureName)),
        ` của ông/bà, mã hồ sơ `,
        bold(dossier.code),
        `. Thời hạn trả kết quả giải quyết hồ sơ theo giấy tiếp nhận là ngày `,
        bold(oldDue ? formatVn(oldDue) : '—'),
        '.',
      ]),
      paragraph([
        `Tuy nhiên, đến nay ${committee} chưa giải quyết xong hồ sơ của ông/bà đúng hạn. Lý do: `,
        { text: reason || '—' },
        '.',
      ]),
      paragraph([
        `Sự chậm trễ này đã gây phiền hà, tốn kém chi phí và thời gian của ông/bà. ${committee} thành thật xin lỗi ông/bà và `,
        extension
          ? 'đề nghị gia hạn thời gian giải quyết hồ sơ đến ngày '
          : 'hẹn lại ngày trả kết quả là ngày ',
        bold(newDue ? formatVn(newDue) : '—'),
        '.',
      ]),
      paragraph(
        `${committee} trân trọng thông báo để ông/bà được biết và mong nhận được sự thông cảm của ông/bà./.`,
      ),
      {
        columns: [
          {
            width: '*',
            stack: [
              { text: 'Nơi nhận:', bold: true, italics: true, fontSize: 12 },
              { text: '- Như trên;', fontSize: 11 },
              { text: '- Trung tâm Phục vụ hành chính công (để trả);', fontSize: 11 },
              { text: '- Lưu: VT.', fontSize: 11 },
            ],
            margin: [0, 4, 0, 0],
          },
          {
            width: '*',
            stack: [
              { text: 'ĐẠI DIỆN CƠ QUAN GIẢI QUYẾT HỒ SƠ', bold: true },
              { text: '(Ký, ghi rõ họ tên và đóng dấu)', italics: true, fontSize: 12 },
              { text: printable(event.actorName), bold: true, margin: [0, 56, 0, 0] },
            ],
            alignment: 'center',
          },
        ],
        columnGap: 12,
        margin: [0, 12, 0, 0],
        unbreakable: true,
      },
    ],
  });
}
