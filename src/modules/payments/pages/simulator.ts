/**
 * The local payment-gateway simulator's page: what the real gateway shows before the citizen pays (the merchant,
 * the amount, what for), with "Thanh toán" and "Huỷ". It pays nothing: it only answers like the gateway would.
 */
import { esc, layout, type WardInfo } from '../../../platform/http/html';
import { formatVnd } from '../../procedures/api';
import { dossierCodeIn, type GatewayParams } from '../rules';

export const SIMULATOR_TITLE = 'Cổng thanh toán thử nghiệm';
const CSS = '.alt{color:#1864ab;background:#fff;margin-left:.75rem}.warn{border-left-color:#b10e1e}';
const row = (term: string, value: string) => `<div><dt>${term}</dt><dd>${value}</dd></div>`;

export function simulatorPage(
  request: GatewayParams,
  signedQuery: string,
  ward: WardInfo | undefined,
): string {
  const amount = Number(request.vnp_Amount) / 100;
  const code = dossierCodeIn(request.vnp_OrderInfo ?? '');
  const main =
    `<h1>${SIMULATOR_TITLE}</h1>` +
    `<div class="panel warn"><p><b>Đây là cổng thanh toán mô phỏng để chạy thử.</b> ` +
    `Không có khoản tiền thật nào được chuyển.</p></div>` +
    `<dl class="sl">` +
    (code ? row('Mã hồ sơ', `<b>${esc(code)}</b>`) : '') +
    row('Số tiền', `<span class="big">${esc(formatVnd(amount))}</span>`) +
    row('Nội dung', esc(request.vnp_OrderInfo ?? '')) +
    row('Đơn vị nhận', esc(request.vnp_TmnCode ?? '')) +
    row('Mã giao dịch', esc(request.vnp_TxnRef ?? '')) +
    `</dl>` +
    `<form method="post" action="/thanh-toan-thu/vpcpay.html">` +
    `<input type="hidden" name="yeu-cau" value="${esc(signedQuery)}">` +
    `<button type="submit" name="ket-qua" value="thanh-toan">Thanh toán ${esc(formatVnd(amount))}</button>` +
    `<button type="submit" name="ket-qua" value="huy" class="alt">Huỷ</button>` +
    `</form>`;
  return layout({ title: SIMULATOR_TITLE, ward, main, css: CSS });
}

export function simulatorRefusalPage(reason: string, ward: WardInfo | undefined): string {
  return layout({
    title: 'Yêu cầu thanh toán không hợp lệ',
    ward,
    error: true,
    main:
      `<h1>Yêu cầu thanh toán không hợp lệ</h1><p>${esc(reason)}</p>` +
      `<p>Xin Ông/Bà quay lại trang của phường và bắt đầu thanh toán lại.</p>`,
  });
}
