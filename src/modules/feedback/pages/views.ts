/**
 * The citizen's feedback pages: the form (`/phan-anh`), the page of one item reached by its tracking code
 * (`/phan-anh/<code>`, with the rating of the answer), and the answers the ward published
 * (`/phan-anh/da-tra-loi`). Plain HTML forms, no script; nothing personal is shown.
 */
import {
  esc,
  formatDateTimeVn,
  formatDateWithWeekdayVn,
  layout,
  wardContactHtml,
  type WardInfo,
} from '../../../platform/http/html';
import type { PublicView, PublishedView } from '../presenters';
import { CATEGORIES, KINDS, MAX_PHOTO_BYTES, MAX_PHOTOS, RATINGS, TRACKING_CODE_EXAMPLE } from '../rules';

const HOME = { href: '/', label: 'Trang chủ' };
const FORM = { href: '/phan-anh', label: 'Gửi phản ánh, kiến nghị' };
export const FORM_TITLE = 'Gửi phản ánh, kiến nghị';

const CSS = `fieldset{min-width:0;margin:0 0 1.5rem;padding:0;border:0}
legend{margin-bottom:.5rem;padding:0;font-size:1.25rem;font-weight:700}
.ch label{display:flex;align-items:center;gap:.75rem;min-height:2.75rem;margin:0 0 .25rem;font-size:1.125rem;font-weight:400}
.ch input{flex:none;width:1.5rem;height:1.5rem;margin:0;accent-color:#1864ab}
.ch input:focus-visible{outline:3px solid #ffdd00;outline-offset:3px}
textarea,input[type=email],input[type=tel]{display:block;width:100%;max-width:26rem;min-height:2.75rem;margin-top:.25rem;padding:.375rem .5rem;font:inherit;border:2px solid #0b0c0c;border-radius:0}
textarea{max-width:none;min-height:8rem}
input[type=file]{display:block;max-width:100%;margin-top:.5rem;min-height:2.75rem;font:inherit}
textarea:focus-visible,input[type=email]:focus-visible,input[type=tel]:focus-visible,input[type=file]:focus-visible{outline:3px solid #ffdd00;box-shadow:inset 0 0 0 2px #0b0c0c}
.code{font-size:2rem;font-weight:700;letter-spacing:.05em}
.ans{padding:1rem;border-left:5px solid #00703c;background:#f3f2f1}
.ans p{white-space:pre-line}`;

export type Field =
  | 'kind'
  | 'category'
  | 'text'
  | 'photos'
  | 'address'
  | 'contact.name'
  | 'contact.phone'
  | 'contact.email'
  | 'contact'
  | 'rating'
  | 'ma';

/** What the citizen typed, shown back with the errors beside their fields. */
export interface FormState {
  values: Record<string, string>;
  errors: Partial<Record<Field, string>>;
}

/** The first input of each field, where the error summary's links lead. */
const ANCHOR: Record<Field, string> = {
  kind: 'kind-phan_anh',
  category: `category-${CATEGORIES[0].code}`,
  text: 'text',
  photos: 'photos',
  address: 'address',
  'contact.name': 'name',
  'contact.phone': 'phone',
  'contact.email': 'email',
  contact: 'phone',
  rating: 'rating-rat_hai_long',
  ma: 'ma',
};

function errorSummary(errors: FormState['errors']): string {
  const entries = Object.entries(errors) as [Field, string][];
  if (entries.length === 0) return '';
  const items = entries.map(([field, message]) => `<li><a href="#${ANCHOR[field]}">${esc(message)}</a></li>`);
  return (
    `<div class="es" role="alert" aria-labelledby="es-title" tabindex="-1" autofocus>` +
    `<h2 id="es-title">Có lỗi cần sửa</h2><ul>${items.join('')}</ul></div>`
  );
}

const errorLine = (id: string, message: string | undefined) =>
  message ? `<p id="${id}-error" class="em"><span class="vh">Lỗi:</span> ${esc(message)}</p>` : '';

function describedBy(id: string, hint: boolean, error: string | undefined): string {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ');
  return (ids ? ` aria-describedby="${ids}"` : '') + (error ? ' aria-invalid="true"' : '');
}

function radios(name: Field, legend: string, options: [string, string][], state: FormState): string {
  const error = state.errors[name];
  let html = `<fieldset class="ch${error ? ' fe' : ''}"${error ? ` aria-describedby="${name}-error"` : ''}><legend>${legend}</legend>`;
  html += errorLine(name, error);
  for (const [value, label] of options) {
    const checked = state.values[name] === value ? ' checked' : '';
    html += `<label for="${name}-${value}"><input type="radio" id="${name}-${value}" name="${name}" value="${value}"${checked}>${esc(label)}</label>`;
  }
  return `${html}</fieldset>`;
}

function input(
  id: string,
  field: Field,
  label: string,
  state: FormState,
  options: { type?: string; hint?: string; autocomplete?: string; maxlength?: number } = {},
): string {
  const error = state.errors[field];
  const name = field.replace('contact.', '');
  return (
    `<div class="fg${error ? ' fe' : ''}"><label for="${id}">${label}</label>` +
    (options.hint ? `<p id="${id}-hint" class="hint m0">${esc(options.hint)}</p>` : '') +
    errorLine(id, error) +
    `<input type="${options.type ?? 'text'}" id="${id}" name="${name}" value="${esc(state.values[name] ?? '')}"` +
    ` maxlength="${options.maxlength ?? 300}"${options.autocomplete ? ` autocomplete="${options.autocomplete}"` : ''}` +
    `${describedBy(id, Boolean(options.hint), error)}></div>`
  );
}

function checkbox(name: string, label: string, state: FormState): string {
  const checked = state.values[name] === 'on' ? ' checked' : '';
  return `<div class="ch fg"><label for="${name}"><input type="checkbox" id="${name}" name="${name}"${checked}>${label}</label></div>`;
}

export function formPage(state: FormState, ward: WardInfo | undefined): string {
  const textError = state.errors.text;
  const photoError = state.errors.photos;
  const main =
    errorSummary(state.errors) +
    `<h1>${FORM_TITLE}</h1>` +
    `<p class="lead">Xin Ông/Bà cho phường biết điều cần phản ánh hoặc kiến nghị. Phường trả lời trong thời hạn quy định và báo cho Ông/Bà mã theo dõi.</p>` +
    `<form method="post" action="/phan-anh" enctype="multipart/form-data" novalidate>` +
    radios('kind', 'Ông/Bà muốn gửi', Object.entries(KINDS), state) +
    radios(
      'category',
      'Nội dung thuộc lĩnh vực',
      CATEGORIES.map((c) => [c.code, `${c.name} — ${c.description}`]),
      state,
    ) +
    `<div class="fg${textError ? ' fe' : ''}"><label for="text">Nội dung</label>` +
    `<p id="text-hint" class="hint m0">Việc gì, ở đâu, từ khi nào. Ít nhất 10 ký tự.</p>${errorLine('text', textError)}` +
    `<textarea id="text" name="text" rows="6" maxlength="4000"${describedBy('text', true, textError)}>${esc(state.values.text ?? '')}</textarea></div>` +
    `<div class="fg${photoError ? ' fe' : ''}"><label for="photos">Ảnh <span class="hint">(không bắt buộc)</span></label>` +
    `<p id="photos-hint" class="hint m0">Tối đa ${MAX_PHOTOS} ảnh JPEG hoặc PNG, mỗi ảnh không quá ${MAX_PHOTO_BYTES / 1024 / 1024} MB.` +
    `${Object.keys(state.errors).length > 0 ? ' Nếu đã chọn ảnh, xin chọn lại.' : ''}</p>${errorLine('photos', photoError)}` +
    `<input type="file" id="photos" name="photos" accept="image/jpeg,image/png" multiple${describedBy('photos', true, photoError)}></div>` +
    input('address', 'address', 'Địa điểm <span class="hint">(không bắt buộc)</span>', state, {
      hint: 'Số nhà, ngõ, đường, tổ dân phố.',
      autocomplete: 'street-address',
    }) +
    `<h2>Thông tin để phường trả lời</h2>` +
    `<p>Thông tin này chỉ cán bộ xử lý được xem; không công khai.</p>` +
    checkbox(
      'anonymous',
      'Tôi gửi ẩn danh (không để lại thông tin; xem câu trả lời bằng mã theo dõi)',
      state,
    ) +
    input('name', 'contact.name', 'Họ và tên', state, { autocomplete: 'name', maxlength: 100 }) +
    (state.errors.contact ? `<div class="fe">${errorLine('contact', state.errors.contact)}</div>` : '') +
    input('phone', 'contact.phone', 'Số điện thoại', state, {
      type: 'tel',
      hint: 'Ví dụ 0912 345 678. Phường gửi tin nhắn khi có câu trả lời.',
      autocomplete: 'tel',
      maxlength: 20,
    }) +
    input('email', 'contact.email', 'Thư điện tử <span class="hint">(không bắt buộc)</span>', state, {
      type: 'email',
      autocomplete: 'email',
      maxlength: 254,
    }) +
    checkbox(
      'publishConsent',
      'Tôi đồng ý để phường công khai nội dung và câu trả lời trên cổng thông tin (không kèm tên, số điện thoại)',
      state,
    ) +
    `<button type="submit">Gửi phản ánh, kiến nghị</button></form>` +
    `<p><a class="t" href="/phan-anh/da-tra-loi">Xem các câu trả lời phường đã công khai</a></p>`;
  return layout({
    title: FORM_TITLE,
    ward,
    crumbs: [HOME],
    css: CSS,
    main,
    error: Object.keys(state.errors).length > 0,
  });
}

const row = (term: string, value: string) => `<div><dt>${term}</dt><dd>${value}</dd></div>`;

function answerHtml(view: PublicView): string {
  const a = view.answer;
  if (!a) return '';
  const who = [a.officerName, a.unitName]
    .filter(Boolean)
    .map((x) => esc(x as string))
    .join(', ');
  return (
    `<section aria-labelledby="tra-loi"><h2 id="tra-loi">Câu trả lời của phường</h2><div class="ans">` +
    `<p>${esc(a.text)}</p><p class="meta">${who}${a.answeredAt ? ` · ${formatDateTimeVn(new Date(a.answeredAt))}` : ''}</p></div></section>`
  );
}

function ratingForm(code: string, state: FormState): string {
  const options = Object.entries(RATINGS) as [string, string][];
  return (
    `<section aria-labelledby="danh-gia"><h2 id="danh-gia">Ông/Bà đánh giá câu trả lời</h2>` +
    `<form method="post" action="/phan-anh/${esc(code)}/danh-gia" novalidate>` +
    radios('rating', 'Ông/Bà có hài lòng với câu trả lời?', options, state) +
    `<div class="fg"><label for="comment">Ý kiến thêm <span class="hint">(không bắt buộc)</span></label>` +
    `<textarea id="comment" name="comment" rows="3" maxlength="1000">${esc(state.values.comment ?? '')}</textarea></div>` +
    `<button type="submit">Gửi đánh giá</button></form></section>`
  );
}

/** One item by its tracking code; `justFiled` adds the confirmation panel after the form. */
export function trackingPage(
  view: PublicView,
  ward: WardInfo | undefined,
  options: { justFiled?: boolean; rated?: boolean; rating?: FormState } = {},
): string {
  const shown = view.mergedInto ?? view;
  const status = `<span class="tag">${esc(shown.statusLabel)}</span>`;
  const main =
    errorSummary(options.rating?.errors ?? {}) +
    (options.justFiled
      ? `<div class="panel"><h1>Phường đã nhận phản ánh, kiến nghị của Ông/Bà</h1><p>Mã theo dõi</p>` +
        `<p class="code">${esc(view.code)}</p><p>Xin Ông/Bà ghi lại mã này để xem câu trả lời. ` +
        `Phường trả lời chậm nhất ngày <b>${formatDateWithWeekdayVn(view.dueDate)}</b>. Xin cảm ơn Ông/Bà.</p></div>`
      : `<h1>${esc(view.kindLabel)} ${esc(view.code)}</h1>`) +
    (options.rated ? `<div class="panel"><p>Xin cảm ơn Ông/Bà đã đánh giá câu trả lời.</p></div>` : '') +
    (view.mergedInto
      ? `<p>Phản ánh này trùng nội dung với phản ánh <b>${esc(view.mergedInto.code)}</b> nên được xử lý cùng; dưới đây là tình trạng của phản ánh đó.</p>`
      : '') +
    `<dl class="sl">` +
    row('Tình trạng', status) +
    row('Lĩnh vực', esc(shown.categoryName)) +
    row('Ngày nhận', formatDateTimeVn(new Date(view.receivedAt))) +
    row('Hạn trả lời', formatDateWithWeekdayVn(shown.dueDate)) +
    (shown.responsibleUnitName ? row('Đơn vị xử lý', esc(shown.responsibleUnitName)) : '') +
    `</dl>` +
    answerHtml(shown) +
    (shown.answer && !view.mergedInto && !view.rating && !options.rated
      ? ratingForm(view.code, options.rating ?? { values: {}, errors: {} })
      : '') +
    (view.ratingLabel ? `<p>Ông/Bà đã đánh giá: <b>${esc(view.ratingLabel)}</b>.</p>` : '') +
    (ward ? wardContactHtml(ward, 'Cần hỏi thêm?') : '') +
    `<p class="np"><a class="t" href="/phan-anh">Gửi phản ánh, kiến nghị khác</a></p>`;
  return layout({
    title: `${view.kindLabel} ${view.code}`,
    ward,
    crumbs: [HOME, FORM],
    css: CSS,
    main,
    error: Object.keys(options.rating?.errors ?? {}).length > 0,
  });
}

/** The tracking form, and its 404 page for a code no item has. */
export function lookupPage(
  ward: WardInfo | undefined,
  state: { typed?: string; error?: string; notFound?: boolean },
) {
  const title = state.notFound ? 'Không tìm thấy phản ánh, kiến nghị' : 'Theo dõi phản ánh, kiến nghị';
  const error = state.error;
  const main =
    (error ? errorSummary({ ma: error }) : '') +
    `<h1>${title}</h1>` +
    (state.notFound
      ? `<p>Xin lỗi, không có phản ánh, kiến nghị nào có mã <b>${esc(state.typed ?? '')}</b>.</p>`
      : '') +
    `<form method="get" action="/phan-anh/tra-cuu" novalidate><div class="fg${error ? ' fe' : ''}">` +
    `<label for="ma">Mã theo dõi</label><p id="ma-hint" class="hint m0">Ví dụ ${TRACKING_CODE_EXAMPLE}.</p>` +
    errorLine('ma', error) +
    `<input type="text" id="ma" name="ma" value="${esc(state.typed ?? '')}" maxlength="40" autocomplete="off" spellcheck="false"${describedBy('ma', true, error)}>` +
    `</div><button type="submit">Xem</button></form>`;
  return layout({ title, ward, crumbs: [HOME, FORM], css: CSS, main, error: Boolean(error) });
}

export function publishedPage(
  items: PublishedView[],
  ward: WardInfo | undefined,
  page: { number: number; hasMore: boolean },
): string {
  const title = 'Phường trả lời phản ánh, kiến nghị';
  let list = '';
  for (const item of items) {
    list +=
      `<li><h2>${esc(item.kindLabel)} ${esc(item.code)} · ${esc(item.categoryName)}</h2>` +
      `<p>${esc(item.text)}</p>` +
      (item.address ? `<p class="meta">Địa điểm: ${esc(item.address)}</p>` : '') +
      (item.answer
        ? `<div class="ans"><p>${esc(item.answer.text)}</p><p class="meta">${esc(
            [item.answer.officerName, item.answer.unitName].filter(Boolean).join(', '),
          )}${item.answer.answeredAt ? ` · ${formatDateTimeVn(new Date(item.answer.answeredAt))}` : ''}</p></div>`
        : '') +
      `</li>`;
  }
  const nav = [
    page.number > 1
      ? `<a class="t" href="/phan-anh/da-tra-loi?trang=${page.number - 1}">Trang trước</a>`
      : '',
    page.hasMore ? `<a class="t" href="/phan-anh/da-tra-loi?trang=${page.number + 1}">Trang sau</a>` : '',
  ].filter(Boolean);
  const main =
    `<h1>${title}</h1>` +
    `<p class="lead">Các phản ánh, kiến nghị đã được trả lời và người gửi đồng ý công khai.</p>` +
    (items.length > 0 ? `<ul class="links">${list}</ul>` : '<p>Chưa có câu trả lời nào được công khai.</p>') +
    (nav.length > 0 ? `<nav aria-label="Phân trang"><p>${nav.join(' · ')}</p></nav>` : '') +
    `<p><a class="t" href="/phan-anh">${FORM_TITLE}</a></p>`;
  return layout({ title, ward, crumbs: [HOME, FORM], css: CSS, main });
}
