/** The guide page of one procedure (`/thu-tuc/<code>`) and its printable version (`/thu-tuc/<code>/in`). */
import { esc, formatDateVn, layout, midSentence, wardContactHtml } from '../../../platform/http/html';
import type { WardInfo } from '../../../platform/http/html';
import type { Procedure, ProcedureDocument } from '../catalogue';
import { qrSvg } from '../../../platform/documents/qr';
import {
  citizenDeadlineText,
  feeItemText,
  feeSummary,
  feesUnconfirmed,
  HANDLING_UNITS,
  ONLINE_LEVELS,
  perPageExample,
  timeLimitDetails,
  timeLimitText,
} from './text';

export interface GuideView {
  code: string;
  version: number;
  procedure: Procedure;
  ward: WardInfo | undefined;
  /** Absolute URL of the guide page, encoded in its QR code. */
  pageUrl: string;
}

export const LIST_CRUMBS = [
  { href: '/', label: 'Trang chủ' },
  { href: '/thu-tuc', label: 'Thủ tục hành chính' },
];

const row = (term: string, value: string) => `<div><dt>${esc(term)}</dt><dd>${value}</dd></div>`;
const notes = (lines: string[]) => lines.map((l) => `<span class="note">${esc(l)}</span>`).join('');

function documentRow(doc: ProcedureDocument): string {
  const extra: string[] = [];
  if (doc.presentOnly) extra.push('<strong class="note">Chỉ xuất trình (không phải nộp)</strong>');
  if (doc.condition) extra.push(`<span class="note">Khi nào cần: ${esc(doc.condition)}</span>`);
  if (doc.form) extra.push(`<span class="note">Mẫu: ${esc(doc.form)}</span>`);
  if (doc.confidence === 'unconfirmed')
    extra.push('<span class="note">(Thông tin chưa được xác nhận)</span>');
  return (
    `<tr><td>${esc(doc.name)}${extra.join('')}</td>` +
    `<td class="n">${doc.originals}</td><td class="n">${doc.copies}</td></tr>`
  );
}

function documentsSection(procedure: Procedure): string {
  return (
    `<section aria-labelledby="giay-to"><h2 id="giay-to">Giấy tờ cần mang theo</h2>` +
    `<p>Số bản chính và bản sao của từng giấy tờ. Giấy tờ ghi “chỉ xuất trình” thì chỉ đưa cán bộ xem rồi nhận lại.</p>` +
    `<div class="tw"><table><caption class="vh">Giấy tờ cần mang theo</caption>` +
    `<thead><tr><th scope="col">Giấy tờ</th><th scope="col" class="n">Bản chính</th>` +
    `<th scope="col" class="n">Bản sao</th></tr></thead>` +
    `<tbody>${procedure.documents.map(documentRow).join('')}</tbody></table></div></section>`
  );
}

function feesSection(procedure: Procedure): string {
  const { fees } = procedure;
  let body = '';
  if (feesUnconfirmed(procedure))
    body +=
      `<div class="panel"><p><b>Mức thu chưa được xác nhận.</b></p>` +
      `<p>Xin vui lòng hỏi cán bộ tiếp nhận hồ sơ trước khi nộp.</p></div>`;
  if (fees.free) body += '<p><b>Miễn lệ phí.</b></p>';
  if (fees.items.length > 0) {
    if (fees.free) body += '<p>Các khoản thu khác (chỉ khi người dân yêu cầu):</p>';
    body += `<ul>${fees.items
      .map((item) => {
        const example = perPageExample(fees, item);
        return `<li>${esc(feeItemText(item))}${example ? `<span class="note">${esc(example)}</span>` : ''}</li>`;
      })
      .join('')}</ul>`;
  }
  if (fees.exemptions.length > 0) {
    body += `<p>Được miễn:</p><ul>${fees.exemptions
      .map((e) => `<li>${esc(e.label)}${e.unconfirmed ? ' (chưa được xác nhận)' : ''}</li>`)
      .join('')}</ul>`;
  }
  if (fees.note) body += `<p>${esc(fees.note)}</p>`;
  body += `<p class="meta">Căn cứ: ${esc(fees.basis)}</p>`;
  return `<section aria-labelledby="le-phi"><h2 id="le-phi">Lệ phí</h2>${body}</section>`;
}

function list(items: string[]): string {
  return `<ul>${items.map((i) => `<li>${esc(i)}</li>`).join('')}</ul>`;
}

function qrSection(view: GuideView): string {
  const base = `/thu-tuc/${view.code}`;
  return (
    `<section aria-labelledby="ma-qr"><h2 id="ma-qr">Mã QR của trang này</h2>` +
    `<figure>${qrSvg(view.pageUrl, { className: 'qr' })}` +
    `<figcaption>Quét mã bằng camera điện thoại để mở trang hướng dẫn này: ${esc(view.pageUrl)}</figcaption></figure>` +
    `<ul class="go np"><li><a href="${base}/qr.png">Tải mã QR (ảnh PNG)</a></li>` +
    `<li><a href="${base}/qr.svg">Tải mã QR (ảnh SVG, in rõ ở mọi cỡ)</a></li></ul></section>`
  );
}

/** Everything a citizen needs before coming to the ward, in the order they ask for it. */
function guideBody(view: GuideView, print: boolean): string {
  const { procedure: p, ward } = view;
  const unit = `${HANDLING_UNITS[p.handlingUnit]}${ward ? ` ${ward.name.replace(/^Phường /, '')}` : ''}`;
  const summary =
    `<dl class="sl">` +
    row('Thời hạn giải quyết', esc(timeLimitText(p.timeLimit)) + notes(timeLimitDetails(p.timeLimit))) +
    row('Lệ phí', `${esc(feeSummary(p))} <a href="#le-phi" class="np">(chi tiết)</a>`) +
    row('Cách nộp hồ sơ', esc(ONLINE_LEVELS[p.onlineLevel])) +
    row('Cơ quan giải quyết', esc(unit)) +
    row('Kết quả', esc(p.resultType)) +
    (p.citizenDeadline
      ? row('Thời hạn người dân phải đăng ký', esc(citizenDeadlineText(p.citizenDeadline)))
      : '') +
    row('Áp dụng từ', esc(formatDateVn(p.effectiveFrom))) +
    `</dl>`;
  const actions = print
    ? `<p class="np"><a class="t" href="/thu-tuc/${view.code}">Quay lại trang hướng dẫn</a></p>` +
      `<p class="np hint">Để in: chọn “In” (hoặc nhấn Ctrl + P) trong trình duyệt. Trang được định dạng cho khổ giấy A4.</p>`
    : `<ul class="go np">` +
      // Fully or partly online procedures are filed on the portal (its page /nop-truc-tuyen/<code>).
      (p.onlineLevel === 'truc_tiep'
        ? ''
        : `<li><a href="/nop-truc-tuyen/${view.code}">Nộp hồ sơ trực tuyến</a></li>`) +
      `<li><a href="/thu-tuc/${view.code}/in">Bản in hướng dẫn</a></li>` +
      `<li><a href="#ma-qr">Mã QR của trang này</a></li></ul>`;
  const forms = p.documents.flatMap((d) => (d.form ? [d.form] : []));
  return (
    (print && ward
      ? `<p class="meta">Ủy ban nhân dân ${esc(midSentence(ward.name))} – Hướng dẫn thủ tục hành chính</p>`
      : '') +
    `<p class="meta m0">${esc(p.field)} · Mã thủ tục ${esc(view.code)}</p>` +
    `<h1>${esc(p.name)}</h1>${summary}${actions}` +
    documentsSection(p) +
    feesSection(p) +
    `<section aria-labelledby="mau"><h2 id="mau">Mẫu đơn, tờ khai</h2>` +
    (forms.length > 0 ? list(forms) : '<p>Thủ tục này không có mẫu đơn, tờ khai riêng.</p>') +
    `</section>` +
    `<section aria-labelledby="can-cu"><h2 id="can-cu">Căn cứ pháp lý</h2>${list(p.legalBasis)}</section>` +
    (ward ? wardContactHtml(ward, 'Địa chỉ và giờ làm việc của phường') : '') +
    qrSection(view)
  );
}

export function guidePage(view: GuideView): string {
  return layout({
    title: view.procedure.name,
    ward: view.ward,
    crumbs: LIST_CRUMBS,
    main: guideBody(view, false),
  });
}

/** The same guide, laid out for A4 paper: the QR code small, links the paper cannot follow left out. */
const PRINT_CSS =
  '.qr{width:9rem;height:9rem}@media print{.qr{width:32mm;height:32mm}figcaption{font-size:9pt}' +
  '.sl div{display:flex;gap:1rem}.sl dt{flex:0 0 35%}}';

export function printGuidePage(view: GuideView): string {
  return layout({
    title: `Bản in hướng dẫn: ${view.procedure.name}`,
    ward: view.ward,
    crumbs: [...LIST_CRUMBS, { href: `/thu-tuc/${view.code}`, label: 'Hướng dẫn' }],
    css: PRINT_CSS,
    main: guideBody(view, true),
  });
}

/** 404: the code matches no procedure of the ward. */
export function procedureNotFoundPage(ward: WardInfo | undefined): string {
  return layout({
    title: 'Không tìm thấy thủ tục',
    ward,
    crumbs: LIST_CRUMBS,
    main:
      `<h1>Không tìm thấy thủ tục</h1>` +
      `<p>Xin lỗi, phường không có thủ tục nào với mã này. Có thể địa chỉ trang đã bị gõ sai.</p>` +
      `<p><a class="t" href="/thu-tuc">Xem danh sách thủ tục hành chính của phường</a></p>`,
  });
}
