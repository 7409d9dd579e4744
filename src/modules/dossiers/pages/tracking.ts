/**
 * The tracking pages a citizen reaches from the QR code on the receipt: the form (`/tra-cuu`) and one
 * dossier (`/tra-cuu/<code>`). Only what `publicView` shows: no căn cước number, no telephone, no full name.
 */
import {
  esc,
  formatDateTimeVn,
  formatDateWithWeekdayVn,
  layout,
  wardContactHtml,
  type WardInfo,
} from '../../../platform/http/html';
import type { publicView } from '../presenters';
import type { StatusKey } from '../rules';

export type PublicDossier = ReturnType<typeof publicView>;

export const CODE_EXAMPLE = '10507-260213-0001';
export const CODE_MESSAGE = `Xin vui lòng nhập mã hồ sơ có dạng ${CODE_EXAMPLE}.`;

const HOME = { href: '/', label: 'Trang chủ' };
const FORM = { href: '/tra-cuu', label: 'Tra cứu hồ sơ' };

/** What the status means for the citizen and what to do next. */
const NEXT_STEP: Record<StatusKey, string> = {
  submitted: 'Hồ sơ đã được đăng ký và đang chờ cán bộ kiểm tra.',
  received: 'Hồ sơ đã được tiếp nhận và được chuyển đến bộ phận giải quyết.',
  refused: 'Hồ sơ không được tiếp nhận. Lý do được ghi trong phiếu từ chối đã giao cho Ông/Bà.',
  processing: 'Hồ sơ đang được giải quyết.',
  supplement_requested:
    'Hồ sơ cần bổ sung giấy tờ. Xin Ông/Bà xem phiếu yêu cầu bổ sung và mang giấy tờ còn thiếu đến nơi tiếp nhận.',
  awaiting_payment: 'Xin Ông/Bà nộp phí, lệ phí theo thông báo trước khi nhận kết quả.',
  withdrawn: 'Hồ sơ đã được rút theo yêu cầu của Ông/Bà.',
  stopped: 'Việc giải quyết hồ sơ đã dừng. Xin Ông/Bà liên hệ phường để biết lý do.',
  result_ready: 'Đã có kết quả. Xin mời Ông/Bà mang giấy tiếp nhận hồ sơ đến nhận kết quả.',
  returned: 'Kết quả đã được trả cho Ông/Bà. Xin cảm ơn Ông/Bà.',
};

const row = (term: string, value: string) => `<div><dt>${term}</dt><dd>${value}</dd></div>`;

function timeline(view: PublicDossier): string {
  if (view.timeline.length === 0) return '<p>Chưa có bước xử lý nào được ghi nhận.</p>';
  let items = '';
  for (const step of view.timeline) {
    const at = new Date(step.at);
    const unit = step.unit ? ` · ${esc(step.unit)}` : '';
    items +=
      `<li><b><time datetime="${step.at}">${formatDateTimeVn(at)}</time></b> – ${esc(step.label)}` +
      `<br><span class="meta">Tình trạng: ${esc(step.status)}${unit}</span></li>`;
  }
  return `<ol class="tl">${items}</ol>`;
}

export function trackingPage(view: PublicDossier, ward: WardInfo | undefined, now: Date): string {
  const code = esc(view.code);
  const due = view.dueDate
    ? `<b>${formatDateWithWeekdayVn(view.dueDate)}</b>`
    : 'Chưa có (ngày hẹn được tính khi hồ sơ đủ giấy tờ)';
  const main =
    `<h1>Hồ sơ ${code}</h1>` +
    `<div class="panel"><p>Tình trạng: <span class="tag">${esc(view.statusLabel)}</span></p>` +
    `<p>${esc(NEXT_STEP[view.status as StatusKey] ?? '')}</p></div>` +
    `<dl class="sl">` +
    row('Mã hồ sơ', code) +
    row('Thủ tục', esc(view.procedureName)) +
    row(
      'Người nộp',
      `${esc(view.applicantName)} <span class="note">(đã che bớt để bảo vệ thông tin cá nhân)</span>`,
    ) +
    row('Ngày nhận hồ sơ', formatDateTimeVn(new Date(view.receivedAt))) +
    row('Ngày hẹn trả kết quả', due) +
    `</dl>` +
    `<section aria-labelledby="qua-trinh"><h2 id="qua-trinh">Quá trình giải quyết</h2>${timeline(view)}</section>` +
    (ward ? wardContactHtml(ward, 'Cần hỏi thêm?') : '') +
    `<p class="hint">Thông tin cập nhật lúc ${formatDateTimeVn(now)}.</p>` +
    `<p class="np"><a class="t" href="/tra-cuu">Tra cứu hồ sơ khác</a></p>`;
  return layout({ title: `Hồ sơ ${view.code}`, ward, crumbs: [HOME, FORM], main });
}

export interface FormState {
  /** What the citizen typed, shown back in the field. */
  value?: string;
  error?: string;
}

function form(state: FormState): string {
  const error = state.error;
  const describedBy = error ? 'ma-hint ma-error' : 'ma-hint';
  return (
    `<form method="get" action="/tra-cuu" novalidate><div class="fg${error ? ' fe' : ''}">` +
    `<label for="ma">Mã hồ sơ</label>` +
    `<p id="ma-hint" class="hint m0">Mã in trên giấy tiếp nhận hồ sơ, ví dụ ${CODE_EXAMPLE}.</p>` +
    (error ? `<p id="ma-error" class="em"><span class="vh">Lỗi:</span> ${esc(error)}</p>` : '') +
    `<input type="text" id="ma" name="ma" value="${esc(state.value ?? '')}" maxlength="40" ` +
    `autocomplete="off" spellcheck="false" aria-describedby="${describedBy}"${error ? ' aria-invalid="true"' : ''}>` +
    `</div><button type="submit">Tra cứu</button></form>`
  );
}

function errorSummary(message: string): string {
  return (
    `<div class="es" role="alert" aria-labelledby="es-title" tabindex="-1" autofocus>` +
    `<h2 id="es-title">Có lỗi cần sửa</h2><ul><li><a href="#ma">${esc(message)}</a></li></ul></div>`
  );
}

export function trackingFormPage(state: FormState, ward: WardInfo | undefined): string {
  return layout({
    title: 'Tra cứu hồ sơ',
    ward,
    crumbs: [HOME],
    error: Boolean(state.error),
    main:
      (state.error ? errorSummary(state.error) : '') +
      `<h1>Tra cứu hồ sơ</h1>` +
      `<p class="lead">Nhập mã hồ sơ để xem hồ sơ đang được giải quyết đến đâu và ngày hẹn trả kết quả.</p>` +
      form(state) +
      `<p>Ông/Bà cũng có thể quét mã QR in trên giấy tiếp nhận hồ sơ bằng camera điện thoại.</p>`,
  });
}

/** 404: no dossier has this code (or the address is not a dossier code). */
export function dossierNotFoundPage(code: string, ward: WardInfo | undefined): string {
  return layout({
    title: 'Không tìm thấy hồ sơ',
    ward,
    crumbs: [HOME, FORM],
    main:
      `<h1>Không tìm thấy hồ sơ</h1>` +
      `<p>Xin lỗi, không có hồ sơ nào có mã <b>${esc(code)}</b>.</p>` +
      `<p>Xin Ông/Bà kiểm tra lại mã in trên giấy tiếp nhận hồ sơ rồi nhập lại.</p>` +
      form({}) +
      (ward ? wardContactHtml(ward, 'Cần hỏi thêm?') : ''),
  });
}
