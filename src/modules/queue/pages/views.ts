/**
 * The queue's pages: taking a number (the kiosk at the entrance, and the same page on a phone), a ticket's own
 * page, and the TV screen that calls numbers to counters. Plain HTML with no script: a page that must stay
 * current reloads itself (the `Refresh` header), a choice is a big submit button of an ordinary form.
 */
import { esc, formatDateTimeVn, layout, type WardInfo } from '../../../platform/http/html';
import { groupOf, type ServiceGroup } from '../rules';
import type { Ticket } from '../store';

const CSS = `fieldset{margin:0;padding:0;border:0}
legend{margin-bottom:.75rem;padding:0;font-size:1.375rem;font-weight:700}
.grp{display:grid;gap:1rem;margin:0 0 1.5rem;padding:0;list-style:none}
.grp li{margin:0}
.grp button{display:flex;flex-direction:column;align-items:flex-start;gap:.25rem;width:100%;min-height:5.5rem;margin:0;padding:1rem 1.25rem;text-align:left;font-size:1.5rem;line-height:1.25}
.grp .hn{font-size:1.0625rem;font-weight:400}
.kiosk .grp button{min-height:8rem;font-size:2rem}
.kiosk .grp .hn{font-size:1.25rem}
@media (min-width:60em){.kiosk .grp{grid-template-columns:1fr 1fr}}
.tk{margin:.25rem 0 1rem;font-size:5rem;font-weight:700;line-height:1;letter-spacing:.05em}
.call{margin:0 0 1.5rem;padding:1rem 1.25rem;border:5px solid #1864ab}
.call p{margin:0}
.tv{font-size:2rem}
.tv td,.tv th{padding:.5rem 1rem .5rem 0}
.tv .tc{font-size:2.5rem;font-weight:700}
.wq{display:flex;flex-wrap:wrap;gap:.5rem 2rem;padding:0;list-style:none;font-size:1.5rem}
.side{display:flex;align-items:center;gap:1rem}
.side .qr{flex:none}
@media print{.tk{font-size:48pt}.panel{border:0;padding:0}.qr{width:35mm;height:35mm}}`;

const TV_CSS = `.w{max-width:96rem}.ft{display:none}h1{font-size:2.5rem}.tk{font-size:8rem}.call .big{font-size:2.5rem}`;

function page(title: string, main: string, ward: WardInfo | undefined, extra = '', error = false) {
  return layout({ title, ward, css: CSS + extra, main, error });
}

// Taking a number.

export interface GroupChoice {
  group: ServiceGroup;
  waiting: number;
}

export interface TakeForm {
  /** Where the form posts to (the kiosk's key and the ward in its query). */
  action: string;
  /** The form's one-time key. */
  takeKey: string;
  kiosk: boolean;
  choices: GroupChoice[];
  /** The QR code of this page, shown on the kiosk for those who would rather take the number on their phone. */
  qr?: string;
  error?: string;
}

const FIRST_CHOICE = 'chon-linh-vuc';
const waitingText = (n: number) => (n === 0 ? 'Không có ai đang chờ' : `${n} người đang chờ`);

export function takePage(form: TakeForm, ward: WardInfo | undefined): string {
  const error = form.error
    ? `<div class="es" role="alert" aria-labelledby="es-title" tabindex="-1" autofocus><h2 id="es-title">Có lỗi cần sửa</h2>` +
      `<ul><li><a href="#${FIRST_CHOICE}">${esc(form.error)}</a></li></ul></div>`
    : '';
  let buttons = '';
  for (const [i, { group, waiting }] of form.choices.entries()) {
    buttons +=
      `<li><button type="submit" name="group" value="${esc(group.key)}"${i === 0 ? ` id="${FIRST_CHOICE}"` : ''}>` +
      `<span>${esc(group.letter)} – ${esc(group.name)}</span>` +
      `<span class="hn">${esc(group.hint)}</span><span class="hn">${esc(waitingText(waiting))}</span></button></li>`;
  }
  const qr = form.qr
    ? `<div class="side">${form.qr}<p>Ông/Bà cũng có thể quét mã QR này bằng điện thoại để lấy số và theo dõi số thứ tự trên điện thoại.</p></div>`
    : '';
  const main =
    error +
    `<h1>Lấy số thứ tự</h1>` +
    `<p class="lead">Xin chào Ông/Bà. Xin mời chọn lĩnh vực cần giải quyết để lấy số thứ tự; khi đến lượt, màn hình sẽ mời Ông/Bà đến quầy.</p>` +
    `<form method="post" action="${esc(form.action)}"><input type="hidden" name="k" value="${esc(form.takeKey)}">` +
    `<fieldset><legend>Lĩnh vực cần giải quyết</legend>` +
    `<ul class="grp">${buttons}</ul></fieldset></form>` +
    qr +
    `<p class="hint">Không cần khai báo thông tin cá nhân.</p>`;
  return page(
    'Lấy số thứ tự',
    form.kiosk ? `<div class="kiosk">${main}</div>` : main,
    ward,
    '',
    Boolean(error),
  );
}

// A ticket.

export interface TicketView {
  ticket: Ticket;
  /** People of the group still waiting before it (a waiting ticket of today). */
  ahead: number;
  today: string;
  /** The QR code of the ticket's page, when shown on the kiosk. */
  qr?: string;
  /** Back to the kiosk's form, when shown on the kiosk. */
  kioskPath?: string;
  displayPath: string;
  refreshSeconds: number | null;
}

function ticketState(view: TicketView): string {
  const { ticket } = view;
  if (ticket.day !== view.today && (ticket.status === 'waiting' || ticket.status === 'called'))
    return 'Số thứ tự này được cấp cho một ngày đã qua nên không còn giá trị. Xin Ông/Bà lấy số mới.';
  switch (ticket.status) {
    case 'waiting':
      return view.ahead === 0
        ? 'Ông/Bà là người kế tiếp của lĩnh vực này. Xin vui lòng chú ý màn hình gọi số.'
        : `Trước Ông/Bà còn ${view.ahead} người cùng lĩnh vực đang chờ. Xin vui lòng chú ý màn hình gọi số.`;
    case 'called':
      return `Xin mời Ông/Bà đến ${ticket.counterName ?? 'quầy'}.`;
    case 'served':
      return 'Ông/Bà đã được phục vụ. Xin cảm ơn Ông/Bà.';
    case 'no_show':
      return 'Số này đã được gọi nhưng Ông/Bà vắng mặt nên đã qua lượt. Xin Ông/Bà lấy số mới.';
  }
}

export function ticketPage(view: TicketView, ward: WardInfo | undefined): string {
  const { ticket } = view;
  const group = groupOf(ticket.groupKey);
  const qr = view.qr
    ? `<div class="side">${view.qr}<p>Quét mã QR bằng điện thoại để theo dõi số thứ tự của Ông/Bà.</p></div>`
    : '';
  const links = [
    view.kioskPath ? `<li><a href="${esc(view.kioskPath)}">Lấy số khác</a></li>` : '',
    `<li><a href="${esc(view.displayPath)}">Xem màn hình gọi số</a></li>`,
  ].join('');
  const main =
    `<h1>Số thứ tự của Ông/Bà</h1>` +
    `<p class="tk">${esc(ticket.code)}</p>` +
    `<div class="panel" role="status"><p class="big">${esc(ticketState(view))}</p></div>` +
    `<dl class="sl"><div><dt>Lĩnh vực</dt><dd>${esc(group?.name ?? ticket.groupKey)}</dd></div>` +
    `<div><dt>Lấy số lúc</dt><dd>${esc(formatDateTimeVn(ticket.issuedAt))}</dd></div></dl>` +
    qr +
    (view.refreshSeconds ? `<p class="hint np">Trang tự cập nhật sau ${view.refreshSeconds} giây.</p>` : '') +
    `<ul class="go np">${links}</ul>`;
  return page(`Số thứ tự ${ticket.code}`, main, ward);
}

// The TV screen.

export interface DisplayView {
  latest: Ticket | undefined;
  counters: { label: string; current: Ticket | undefined }[];
  waiting: GroupChoice[];
  /** The QR code of the take page, for those who would take a number on their phone. */
  qr: string;
  now: Date;
  refreshSeconds: number;
}

export function displayPage(view: DisplayView, ward: WardInfo | undefined): string {
  const latest = view.latest
    ? `<div class="call"><p class="big">Xin mời số</p><p class="tk">${esc(view.latest.code)}</p>` +
      `<p class="big">đến ${esc(view.latest.counterName ?? 'quầy')}</p></div>`
    : `<div class="call"><p class="big">Chưa gọi số nào trong hôm nay.</p></div>`;
  let rows = '';
  for (const { label, current } of view.counters) {
    rows +=
      `<tr><th scope="row">${esc(label)}</th>` +
      `<td class="tc">${current ? esc(current.code) : '<span class="vh">Chưa gọi số</span><span aria-hidden="true">–</span>'}</td></tr>`;
  }
  const waiting = view.waiting
    .map(({ group, waiting: n }) => `<li>${esc(group.letter)} – ${esc(group.name)}: <b>${n}</b></li>`)
    .join('');
  const main =
    `<h1>Mời công dân theo số thứ tự</h1>` +
    latest +
    `<div class="tw"><table class="tv"><caption>Số đang phục vụ tại các quầy</caption>` +
    `<thead><tr><th scope="col">Quầy</th><th scope="col">Số</th></tr></thead><tbody>${rows}</tbody></table></div>` +
    `<h2>Số người đang chờ</h2><ul class="wq">${waiting}</ul>` +
    `<div class="side">${view.qr}<p class="big">Quét mã QR để lấy số thứ tự bằng điện thoại.</p></div>` +
    `<p class="hint">Cập nhật lúc ${esc(formatDateTimeVn(view.now).slice(11))}; trang tự cập nhật sau ${view.refreshSeconds} giây.</p>`;
  return page('Màn hình gọi số', main, ward, TV_CSS);
}

/** A page with a heading and a few paragraphs: a refusal, a ward without counters. */
export function messagePage(title: string, paragraphs: string[], ward: WardInfo | undefined): string {
  return page(title, `<h1>${esc(title)}</h1>${paragraphs.map((p) => `<p>${esc(p)}</p>`).join('')}`, ward);
}
