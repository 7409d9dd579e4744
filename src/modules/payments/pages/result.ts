/** The page the citizen's browser returns to from the gateway: the payment's result, in plain words. */
import { esc, formatDateTimeVn, layout, wardContactHtml, type WardInfo } from '../../../platform/http/html';
import { formatVnd } from '../../procedures/api';
import type { CallbackOutcome } from '../service';

const row = (term: string, value: string) => `<div><dt>${term}</dt><dd>${value}</dd></div>`;

const REFUSALS = {
  forged: {
    status: 400,
    title: 'Không xác thực được kết quả thanh toán',
    text: 'Kết quả này không mang chữ ký hợp lệ của cổng thanh toán nên không được ghi nhận. Hồ sơ không thay đổi.',
  },
  unknown_txn: {
    status: 404,
    title: 'Không tìm thấy giao dịch',
    text: 'Phường không có giao dịch thanh toán nào có mã này. Hồ sơ không thay đổi.',
  },
  wrong_amount: {
    status: 400,
    title: 'Số tiền không khớp',
    text: 'Số tiền cổng thanh toán báo khác số phí, lệ phí của hồ sơ nên không được ghi nhận. Xin Ông/Bà liên hệ phường.',
  },
} as const;

export function resultPage(
  outcome: CallbackOutcome,
  ward: WardInfo | undefined,
): { status: number; html: string } {
  const contact = ward ? wardContactHtml(ward, 'Cần hỏi thêm?') : '';
  if (!('payment' in outcome)) {
    const refusal = REFUSALS[outcome.kind];
    const main = `<h1>${refusal.title}</h1><p>${esc(refusal.text)}</p>${contact}`;
    return { status: refusal.status, html: layout({ title: refusal.title, ward, main, error: true }) };
  }
  const { payment } = outcome;
  const paid = payment.status === 'paid';
  const title = paid ? 'Thanh toán thành công' : 'Thanh toán chưa thành công';
  const code = esc(payment.dossierCode);
  const main =
    `<h1>${title}</h1>` +
    `<div class="panel"><p>${
      paid
        ? 'Phường đã nhận phí, lệ phí của hồ sơ. Xin cảm ơn Ông/Bà.'
        : 'Giao dịch đã bị huỷ hoặc không thành công; chưa có khoản tiền nào được ghi nhận.'
    }</p>${
      outcome.kind === 'applied' ? '' : '<p>Kết quả của giao dịch này đã được ghi nhận trước đó.</p>'
    }</div>` +
    `<dl class="sl">` +
    row('Mã hồ sơ', code) +
    row('Số tiền', esc(formatVnd(payment.amount))) +
    (paid && payment.receiptNumber ? row('Số biên lai', esc(payment.receiptNumber)) : '') +
    (paid && payment.paidAt ? row('Thời gian thanh toán', formatDateTimeVn(payment.paidAt)) : '') +
    row('Mã giao dịch', esc(payment.txnRef ?? '')) +
    `</dl>` +
    `<p><a class="t" href="/tra-cuu/${code}">Xem tình trạng hồ sơ ${code}</a></p>` +
    contact;
  return { status: 200, html: layout({ title, ward, main }) };
}
