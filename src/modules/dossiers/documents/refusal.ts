/**
 * Mẫu 03 — Phiếu từ chối tiếp nhận giải quyết hồ sơ (vn-rules §2.2): applicant, requested matter, the numbered
 * reasons for refusing, the receiving officer. Built from the refusal event of the timeline.
 */
import { toLocalDate } from '../../../platform/calendar/rules';
import { placeDateVn } from '../../../platform/documents/dates';
import {
  decree30Document,
  printable,
  signatures,
  type TDocumentDefinitions,
} from '../../../platform/documents/pdf';
import {
  applicantFields,
  formBasis,
  formName,
  latestEvent,
  notFound,
  numbered,
  ONE_STOP_UNIT,
  oneStopAgency,
  stringArray,
  type FormInput,
} from './common';

/** The reasons: a list in the event's data when there is one, else the note the intake joined with '; '. */
function reasonsOf(event: { note: string | null; data: Record<string, unknown> }): string[] {
  const listed = stringArray(event.data.reasons);
  if (listed.length > 0) return listed;
  const parts = (event.note ?? '').split('; ').map((r) => r.trim());
  return parts.filter((r) => r !== '');
}

export function buildRefusal(input: FormInput): TDocumentDefinitions {
  const { dossier, ward } = input;
  const event = latestEvent(input.events, 'refuse');
  if (!event) throw notFound('Hồ sơ không bị từ chối tiếp nhận nên không có phiếu từ chối.');
  const reasons = reasonsOf(event);
  const name = formName('refusal', dossier.receiptDay, 'Phiếu từ chối tiếp nhận giải quyết hồ sơ');

  return decree30Document({
    agency: oneStopAgency(ward),
    reference: `Mã hồ sơ: ${dossier.code}`,
    placeDate: placeDateVn(ward.place, toLocalDate(event.at)),
    title: name,
    formBasis: formBasis('refusal', dossier.receiptDay),
    info: { title: `${name} — ${dossier.code}`, subject: dossier.procedureName, author: ward.name },
    body: [
      { text: `${ONE_STOP_UNIT} ${ward.inSentence} tiếp nhận hồ sơ của:`, margin: [0, 0, 0, 3] },
      ...applicantFields(input),
      {
        text: 'Sau khi nghiên cứu, đối chiếu với quy định của thủ tục hành chính, hồ sơ của ông/bà không đủ điều kiện để tiếp nhận, giải quyết vì các lý do sau:',
        alignment: 'justify',
        margin: [0, 6, 0, 4],
      },
      reasons.length > 0
        ? numbered(reasons.map((r) => ({ text: printable(r), alignment: 'justify' })))
        : { text: '(Không ghi lý do)', italics: true },
      {
        text: 'Xin thông báo để ông/bà được biết và thực hiện.',
        margin: [0, 6, 0, 0],
      },
      signatures(null, {
        title: 'Người tiếp nhận hồ sơ',
        hint: '(Ký và ghi rõ họ tên)',
        name: printable(event.actorName),
        note: ONE_STOP_UNIT,
      }),
    ],
  });
}
