/**
 * Mẫu 02 — Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ (vn-rules §1.2): every paper to complete, from the procedure's
 * published list only, in one notice; the reason; whom to contact. Built from the last supplement request of the
 * timeline (at intake: data.missingDocuments; later: data.requestedDocumentIds).
 */
import { toLocalDate } from '../../../platform/calendar/rules';
import { placeDateVn } from '../../../platform/documents/dates';
import {
  decree30Document,
  gridTable,
  printable,
  signatures,
  type TDocumentDefinitions,
} from '../../../platform/documents/pdf';
import {
  applicantFields,
  count,
  documentOf,
  formBasis,
  formName,
  latestEvent,
  notFound,
  ONE_STOP_UNIT,
  oneStopAgency,
  stringArray,
  stringOr,
  type FormInput,
} from './common';

export function buildSupplement(input: FormInput): TDocumentDefinitions {
  const { dossier, ward, procedure } = input;
  const event = latestEvent(input.events, 'request_supplement');
  if (!event) throw notFound('Hồ sơ chưa có phiếu yêu cầu bổ sung, hoàn thiện hồ sơ.');
  const ids = [...stringArray(event.data.missingDocuments), ...stringArray(event.data.requestedDocumentIds)];
  const reason = stringOr(event.note ?? event.data.reason, 'Hồ sơ chưa đủ thành phần theo quy định.');
  const name = formName('supplement', dossier.receiptDay, 'Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ');
  const rows = [...new Set(ids)].map((id, i) => {
    const doc = documentOf(procedure, id);
    return [String(i + 1), printable(doc.name), count(doc.originals), count(doc.copies)];
  });

  return decree30Document({
    agency: oneStopAgency(ward),
    reference: `Mã hồ sơ: ${dossier.code}`,
    placeDate: placeDateVn(ward.place, toLocalDate(event.at)),
    title: name,
    formBasis: formBasis('supplement', dossier.receiptDay),
    info: { title: `${name} — ${dossier.code}`, subject: dossier.procedureName, author: ward.name },
    body: [
      { text: `${ONE_STOP_UNIT} ${ward.inSentence} tiếp nhận hồ sơ của:`, margin: [0, 0, 0, 3] },
      ...applicantFields(input),
      {
        text: 'Sau khi xem xét, đối chiếu với thành phần hồ sơ của thủ tục đã được công bố, đề nghị ông/bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:',
        alignment: 'justify',
        margin: [0, 6, 0, 3],
      },
      gridTable(
        ['auto', '*', 56, 56],
        ['TT', 'Thành phần hồ sơ cần bổ sung, hoàn thiện', 'Bản chính', 'Bản sao'],
        rows,
        {
          alignments: ['center', 'left', 'center', 'center'],
        },
      ),
      { text: ['Lý do: ', { text: printable(reason) }], margin: [0, 6, 0, 3], alignment: 'justify' },
      {
        text: `Trong quá trình bổ sung, hoàn thiện hồ sơ, nếu có vướng mắc, ông/bà liên hệ công chức ${printable(event.actorName)}, ${ONE_STOP_UNIT} ${ward.inSentence}, số điện thoại ${ward.phone}, để được hướng dẫn.`,
        alignment: 'justify',
        margin: [0, 0, 0, 3],
      },
      {
        text: 'Ông/bà chỉ phải bổ sung một lần các giấy tờ nêu trên; khi nộp lại hồ sơ xin mang theo phiếu này.',
        italics: true,
      },
      signatures(null, {
        title: 'Người hướng dẫn',
        hint: '(Ký và ghi rõ họ tên)',
        name: printable(event.actorName),
      }),
    ],
  });
}
