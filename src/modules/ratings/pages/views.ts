/**
 * The rating pages: the citizen's page the QR code on the dossier's papers opens (`/danh-gia/<code>?t=…`) and
 * the tablet of a counter (`/quay/<counter>/danh-gia?k=…`). Plain HTML forms, no script: large choices that a
 * finger hits on a phone or a tablet, and the keyboard and screen readers get as ordinary radio buttons.
 */
import { esc, layout, type WardInfo } from '../../../platform/http/html';
import { COMMENT_MAX_LENGTH, LEVEL_LABELS, LEVELS, type Level } from '../rules';

const HOME = { href: '/', label: 'Trang chủ' };
const TITLE = 'Đánh giá mức độ hài lòng';

const CSS = `.lv{margin:0 0 1.5rem;padding:0;border:0}
.lv legend{margin-bottom:.5rem;padding:0;font-size:1.375rem;font-weight:700}
.lv .em{margin-top:0}
.lv label{display:flex;align-items:center;gap:.75rem;min-height:3.5rem;margin:0 0 .5rem;padding:.5rem 1rem;border:2px solid #0b0c0c;font-size:1.25rem;cursor:pointer}
.lv label:has(input:checked){background:#e7f0fa;box-shadow:inset 0 0 0 3px #1864ab}
.lv input{flex:none;width:1.75rem;height:1.75rem;margin:0;accent-color:#1864ab}
.lv input:focus-visible{outline:3px solid #ffdd00;outline-offset:3px}
.fe.lv{padding-left:.75rem}
textarea{display:block;width:100%;min-height:6rem;margin-top:.25rem;padding:.5rem;font:inherit;border:2px solid #0b0c0c;border-radius:0}
textarea:focus-visible{outline:3px solid #ffdd00;box-shadow:inset 0 0 0 2px #0b0c0c}
.kiosk .lv label{min-height:5rem;font-size:1.75rem}
.kiosk .lv input{width:2.25rem;height:2.25rem}
.kiosk button{width:100%;min-height:4.5rem;font-size:1.75rem}`;

/** What the form shows about the dossier being rated. */
export interface RatingSubject {
  code: string;
  procedureName: string;
  officerName: string;
}

export interface FormState {
  level?: string;
  officerLevel?: string;
  comment?: string;
  /** The field in error and its message. */
  error?: { field: 'level' | 'comment'; message: string };
}

export interface FormTarget {
  /** Where the form posts to. */
  action: string;
  hidden: Record<string, string>;
  kiosk: boolean;
}

function page(
  title: string,
  main: string,
  ward: WardInfo | undefined,
  options: { kiosk?: boolean; error?: boolean } = {},
) {
  const body = options.kiosk ? `<div class="kiosk">${main}</div>` : main;
  return layout({
    title,
    ward,
    crumbs: options.kiosk ? undefined : [HOME],
    css: CSS,
    main: body,
    error: options.error,
  });
}

function choices(
  name: 'level' | 'officerLevel',
  legend: string,
  state: FormState,
  required: boolean,
): string {
  const error = state.error?.field === name ? state.error.message : undefined;
  let html = `<fieldset class="lv${error ? ' fe' : ''}"${error ? ` aria-describedby="${name}-error"` : ''}>`;
  html += `<legend>${legend}</legend>`;
  if (error) html += `<p id="${name}-error" class="em"><span class="vh">Lỗi:</span> ${esc(error)}</p>`;
  for (const level of LEVELS) {
    const checked = state[name] === level ? ' checked' : '';
    html +=
      `<label for="${name}-${level}"><input type="radio" id="${name}-${level}" name="${name}" value="${level}"` +
      `${required ? ' required' : ''}${checked}>${LEVEL_LABELS[level as Level]}</label>`;
  }
  return `${html}</fieldset>`;
}

function errorSummary(state: FormState): string {
  if (!state.error) return '';
  const anchor = state.error.field === 'level' ? `level-${LEVELS[0]}` : 'comment';
  return (
    `<div class="es" role="alert" aria-labelledby="es-title" tabindex="-1" autofocus>` +
    `<h2 id="es-title">Có lỗi cần sửa</h2><ul><li><a href="#${anchor}">${esc(state.error.message)}</a></li></ul></div>`
  );
}

function subjectPanel(subject: RatingSubject): string {
  return (
    `<dl class="sl"><div><dt>Mã hồ sơ</dt><dd>${esc(subject.code)}</dd></div>` +
    `<div><dt>Thủ tục</dt><dd>${esc(subject.procedureName)}</dd></div>` +
    `<div><dt>Cán bộ trả kết quả</dt><dd>${esc(subject.officerName)}</dd></div></dl>`
  );
}

function ratingForm(subject: RatingSubject, target: FormTarget, state: FormState): string {
  const commentError = state.error?.field === 'comment' ? state.error.message : undefined;
  let hidden = '';
  for (const [name, value] of Object.entries(target.hidden))
    hidden += `<input type="hidden" name="${esc(name)}" value="${esc(value)}">`;
  return (
    `<form method="post" action="${esc(target.action)}" novalidate>${hidden}` +
    choices('level', 'Ông/Bà có hài lòng với việc giải quyết hồ sơ?', state, true) +
    choices(
      'officerLevel',
      `Ông/Bà có hài lòng với cán bộ ${esc(subject.officerName)}? <span class="hint">(không bắt buộc)</span>`,
      state,
      false,
    ) +
    `<div class="fg${commentError ? ' fe' : ''}"><label for="comment">Ý kiến góp ý <span class="hint">(không bắt buộc)</span></label>` +
    (commentError
      ? `<p id="comment-error" class="em"><span class="vh">Lỗi:</span> ${esc(commentError)}</p>`
      : '') +
    `<textarea id="comment" name="comment" rows="4" maxlength="${COMMENT_MAX_LENGTH}"` +
    `${commentError ? ' aria-describedby="comment-error" aria-invalid="true"' : ''}>${esc(state.comment ?? '')}</textarea></div>` +
    `<button type="submit">Gửi đánh giá</button></form>`
  );
}

/** The citizen's rating form (and the same form again, with its error, after a wrong submission). */
export function ratingPage(
  subject: RatingSubject,
  target: FormTarget,
  state: FormState,
  ward: WardInfo | undefined,
  heading = TITLE,
): string {
  const main =
    errorSummary(state) +
    `<h1>${esc(heading)}</h1>` +
    `<p class="lead">Xin Ông/Bà cho biết mức độ hài lòng để phường phục vụ tốt hơn. Mỗi hồ sơ được đánh giá một lần.</p>` +
    subjectPanel(subject) +
    ratingForm(subject, target, state);
  return page(heading, main, ward, { kiosk: target.kiosk, error: Boolean(state.error) });
}

/** A page with a heading and a few paragraphs: the thank-you page and the refusals. */
export function messagePage(
  title: string,
  paragraphs: readonly string[],
  ward: WardInfo | undefined,
  kiosk = false,
): string {
  const main = `<h1>${esc(title)}</h1>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}`;
  return page(title, main, ward, { kiosk });
}

export const MESSAGES = {
  linkInvalid: {
    title: 'Đường dẫn đánh giá không đúng',
    text: [
      'Đường dẫn này không dùng được để đánh giá hồ sơ.',
      'Xin Ông/Bà quét lại mã QR in trên giấy tờ của hồ sơ, hoặc đánh giá tại máy tính bảng ở quầy một cửa.',
    ],
  },
  notFound: { title: 'Không tìm thấy hồ sơ', text: ['Xin lỗi, không có hồ sơ nào có mã này.'] },
  notReturned: {
    title: 'Hồ sơ chưa trả kết quả',
    text: [
      'Hồ sơ chưa trả kết quả nên chưa thể đánh giá. Xin Ông/Bà đánh giá sau khi nhận kết quả giải quyết.',
    ],
  },
  alreadyRated: {
    title: 'Hồ sơ đã được đánh giá',
    text: ['Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần. Xin cảm ơn Ông/Bà.'],
  },
  thanks: {
    title: 'Xin cảm ơn Ông/Bà',
    text: ['Đánh giá của Ông/Bà đã được ghi nhận. Ý kiến của Ông/Bà giúp phường phục vụ người dân tốt hơn.'],
  },
  kioskInvalid: {
    title: 'Địa chỉ trang đánh giá của quầy không đúng',
    text: ['Xin cán bộ mở lại trang đánh giá bằng địa chỉ được cấp cho quầy.'],
  },
  kioskIdle: {
    title: 'Đánh giá mức độ hài lòng',
    text: [
      'Chưa có hồ sơ chờ đánh giá. Khi cán bộ trả kết quả, hồ sơ của Ông/Bà sẽ hiện ra tại đây.',
      'Trang tự cập nhật sau vài giây.',
    ],
  },
  kioskExpired: {
    title: 'Phiên đánh giá đã kết thúc',
    text: [
      'Phiên đánh giá hồ sơ này đã hết hạn hoặc đã chuyển sang hồ sơ khác. Xin Ông/Bà nhờ cán bộ mời đánh giá lại.',
    ],
  },
} as const;
