/**
 * Biên lai thu phí, lệ phí of a paid dossier, in the Decree 30/2020 frame: the ward collects, the receipt names
 * the payer, the dossier, the amount in figures and in words, how and when it was paid. The mandatory fields of an
 * electronic receipt are still to be checked against the texts in RECEIPT_BASIS.
 */
import { dateTimeVn, placeDateVn, placeName } from '../../platform/documents/dates';
import { toLocalDate } from '../../platform/calendar/rules';
import { midSentence } from '../../platform/http/html';
import {
  decree30Document,
  field,
  printable,
  signatures,
  type TDocumentDefinitions,
} from '../../platform/documents/pdf';
import type { DossierForPayment } from '../dossiers/api';
import { amountInWords, formatVnd } from '../procedures/api';
import { RECEIPT_BASIS } from './rules';

export interface ReceiptInput {
  /** 'Phường Thành Đông' */
  wardName: string;
  dossier: DossierForPayment;
  payment: {
    receiptNumber: string;
    amount: number;
    paidAt: Date;
    methodLabel: string;
    transactionNo: string | null;
    /** The officer who took cash at the counter. */
    collectedByName: string | null;
  };
}

export function buildPaymentReceipt({ wardName, dossier, payment }: ReceiptInput): TDocumentDefinitions {
  const title = 'Biên lai thu phí, lệ phí';
  return decree30Document({
    agency: { name: `Ủy ban nhân dân\n${wardName}` },
    reference: `Số: ${payment.receiptNumber}`,
    placeDate: placeDateVn(placeName(wardName), toLocalDate(payment.paidAt)),
    title,
    formBasis: RECEIPT_BASIS,
    info: { title: `${title} ${payment.receiptNumber} — ${dossier.code}`, author: wardName },
    body: [
      field('Người nộp', printable(dossier.applicantName)),
      field('Mã hồ sơ', dossier.code),
      field('Thủ tục', printable(dossier.procedureName)),
      field('Khoản thu', 'Phí, lệ phí theo biểu phí, lệ phí của thủ tục'),
      field('Số tiền', formatVnd(payment.amount)),
      field('Bằng chữ', amountInWords(payment.amount)),
      field('Hình thức nộp', payment.methodLabel),
      ...(payment.transactionNo ? [field('Mã giao dịch', payment.transactionNo)] : []),
      field('Thời gian nộp', dateTimeVn(payment.paidAt)),
      ...(payment.collectedByName ? [field('Người thu', printable(payment.collectedByName))] : []),
      signatures(null, {
        title: 'Đơn vị thu',
        hint: '(Biên lai điện tử)',
        name: `UBND ${midSentence(wardName)}`,
      }),
    ],
  });
}
