/** The ward's procedures grouped by field, with a search box (`/thu-tuc?q=khai+sinh`). */
import { esc, layout, midSentence, type WardInfo } from '../../../platform/http/html';
import type { Procedure } from '../catalogue';
import { feeSummary, SHORT_ONLINE_LEVELS, timeLimitText } from './text';

export interface ListedProcedure {
  code: string;
  field: string;
  definition: Procedure;
}

function item(p: ListedProcedure): string {
  const facts = [
    `Thời hạn: ${timeLimitText(p.definition.timeLimit)}`,
    feeSummary(p.definition),
    SHORT_ONLINE_LEVELS[p.definition.onlineLevel],
  ];
  return (
    `<li><a href="/thu-tuc/${esc(p.code)}">${esc(p.definition.name)}</a>` +
    `<p class="meta">${esc(facts.join(' · '))}</p></li>`
  );
}

/** Groups in the order the store returns them (by field, then name). */
function groups(rows: readonly ListedProcedure[]): string {
  const byField = new Map<string, ListedProcedure[]>();
  for (const row of rows) byField.set(row.field, [...(byField.get(row.field) ?? []), row]);
  return [...byField]
    .map(
      ([field, items], i) =>
        `<section aria-labelledby="linh-vuc-${i + 1}"><h2 id="linh-vuc-${i + 1}">${esc(field)}</h2>` +
        `<ul class="links">${items.map(item).join('')}</ul></section>`,
    )
    .join('');
}

export function procedureListPage(
  rows: readonly ListedProcedure[],
  query: string,
  ward: WardInfo | undefined,
): string {
  const where = ward ? ` tại ${midSentence(ward.name)}` : '';
  const form =
    `<form method="get" action="/thu-tuc" role="search" class="fg">` +
    `<label for="q">Tìm thủ tục</label>` +
    `<p id="q-hint" class="hint m0">Ví dụ: khai sinh, chứng thực bản sao. Gõ có dấu hay không dấu đều được.</p>` +
    `<input type="search" id="q" name="q" value="${esc(query)}" maxlength="100" aria-describedby="q-hint" autocomplete="off">` +
    `<button type="submit">Tìm kiếm</button></form>`;
  let result: string;
  if (!query) result = '';
  else if (rows.length === 0)
    result =
      `<p class="lead" role="status">Không tìm thấy thủ tục nào có tên chứa “${esc(query)}”.</p>` +
      `<p>Xin vui lòng thử một từ khác ngắn hơn, hoặc <a href="/thu-tuc">xem tất cả thủ tục</a>.</p>`;
  else
    result =
      `<p class="lead" role="status">Có ${rows.length} thủ tục có tên chứa “${esc(query)}”. ` +
      `<a class="t" href="/thu-tuc">Xem tất cả thủ tục</a></p>`;
  return layout({
    title: query ? `Tìm thủ tục: ${query}` : 'Thủ tục hành chính',
    ward,
    crumbs: [{ href: '/', label: 'Trang chủ' }],
    main:
      `<h1>Thủ tục hành chính</h1>` +
      `<p class="lead">Các thủ tục tiếp nhận${esc(where)}. Chọn một thủ tục để xem giấy tờ cần mang, thời hạn giải quyết và lệ phí.</p>` +
      form +
      result +
      groups(rows) +
      `<p class="np"><a class="t" href="/thu-tuc/ma-qr">Bảng mã QR các thủ tục (để in, dán tại nơi tiếp nhận)</a></p>`,
  });
}
