/** `/thu-tuc/ma-qr`: every procedure's QR code with its name, two to a row on A4, to post at the centre. */
import { esc, layout, midSentence, type WardInfo } from '../../../platform/http/html';
import { LIST_CRUMBS } from './detail';
import { qrSvg } from '../../../platform/documents/qr';

export interface SheetEntry {
  code: string;
  name: string;
  field: string;
  /** Absolute URL of the guide page. */
  url: string;
}

const SHEET_CSS =
  '.sheet{display:grid;grid-template-columns:minmax(0,1fr);gap:1rem;margin:0 0 1rem;padding:0;list-style:none}' +
  '.cell{display:flex;flex-wrap:wrap;gap:1rem;align-items:flex-start;margin:0;padding:.75rem;border:1px solid #b1b4b6}' +
  '.cell svg{flex:0 0 auto;width:8rem;height:8rem}.cell div{flex:1 1 10rem;min-width:0}' +
  '.cell p{margin:0 0 .25rem}.cell .name{font-weight:700}.url{font-size:.875rem;color:#505a5f}' +
  '@media (min-width:48em){.sheet{grid-template-columns:repeat(2,minmax(0,1fr))}}' +
  '@media print{@page{size:A4 portrait;margin:10mm}body{font-size:10pt}' +
  '.sheet{grid-template-columns:repeat(2,minmax(0,1fr));gap:4mm}' +
  '.cell{flex-wrap:nowrap;break-inside:avoid;min-height:44mm;padding:3mm;gap:3mm;border:0.3mm solid #000}' +
  '.cell svg{width:36mm;height:36mm}.url{color:#000;font-size:8pt}.intro{margin:0 0 3mm}h1{margin:0 0 2mm}}';

function cell(entry: SheetEntry): string {
  return (
    `<li class="cell">${qrSvg(entry.url)}<div>` +
    `<p class="name">${esc(entry.name)}</p>` +
    `<p class="meta">${esc(entry.field)} · Mã thủ tục ${esc(entry.code)}</p>` +
    `<p class="url">${esc(entry.url)}</p></div></li>`
  );
}

export function qrSheetPage(entries: readonly SheetEntry[], ward: WardInfo | undefined): string {
  const of = ward ? ` ${midSentence(ward.name)}` : '';
  return layout({
    title: 'Mã QR các thủ tục hành chính',
    ward,
    crumbs: LIST_CRUMBS,
    css: SHEET_CSS,
    main:
      (ward ? `<p class="meta m0">Ủy ban nhân dân${esc(of)}</p>` : '') +
      `<h1>Mã QR các thủ tục hành chính</h1>` +
      `<p class="intro">Quét mã bằng camera điện thoại để xem giấy tờ cần mang, thời hạn giải quyết và lệ phí của thủ tục.</p>` +
      `<p class="np hint">Trang này được định dạng để in trên giấy A4, mỗi hàng hai mã. Để in: chọn “In” (hoặc nhấn Ctrl + P) trong trình duyệt.</p>` +
      `<ul class="sheet">${entries.map(cell).join('')}</ul>`,
  });
}
