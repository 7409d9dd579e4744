/**
 * `/tiep-cong-dan`: the chairman's citizen-reception schedule as plain HTML (no script): the coming reception
 * days, hours and place, the days skipped for a holiday, and the reception rules (nội quy).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteOptions } from '../../../platform/http/deps';
import {
  esc,
  formatDateWithWeekdayVn,
  layout,
  midSentence,
  sendHtml,
  wardContactHtml,
  wardInfoCache,
  type WardInfo,
} from '../../../platform/http/html';
import { scheduleOutlook, type Outlook } from '../schedule';

const PAGE = { config: { policy: 'public' as const }, schema: { hide: true } };
export const SCHEDULE_TITLE = 'Lịch Chủ tịch tiếp công dân';
/** Reception days listed on the page. */
const WEEKS_SHOWN = 4;
const CSS = `.rules{white-space:pre-line}.days li{margin-bottom:.5rem}`;

export function schedulePage(outlook: Outlook, ward: WardInfo | undefined): string {
  const who = ward
    ? `Chủ tịch Ủy ban nhân dân ${esc(midSentence(ward.name))}`
    : 'Chủ tịch Ủy ban nhân dân phường';
  const s = outlook.schedule;
  let main = `<h1>${SCHEDULE_TITLE}</h1>`;
  if (!s) {
    main += `<p>Xin lỗi, phường chưa công bố lịch tiếp công dân. Xin Ông/Bà liên hệ Ủy ban nhân dân phường.</p>`;
  } else {
    const days = outlook.days
      .map(
        (d) =>
          `<li><b>${esc(formatDateWithWeekdayVn(d.date))}</b>, từ ${esc(s.startsAt)} đến ${esc(s.endsAt)}` +
          `${d.note ? ` (${esc(d.note)})` : ''}</li>`,
      )
      .join('');
    const skipped = outlook.skipped
      .map((d) => `<li>${esc(formatDateWithWeekdayVn(d.date))}: ${esc(d.reason)}</li>`)
      .join('');
    main +=
      `<p class="lead">${who} tiếp công dân tại <b>${esc(s.place)}</b>, từ ${esc(s.startsAt)} đến ${esc(s.endsAt)}.</p>` +
      `<h2>Những ngày tiếp công dân sắp tới</h2>` +
      (days ? `<ul class="days">${days}</ul>` : '<p>Chưa có ngày tiếp công dân trong những tuần tới.</p>') +
      (skipped ? `<h2>Ngày không tiếp công dân vì nghỉ lễ</h2><ul>${skipped}</ul>` : '') +
      `<h2>Nội quy tiếp công dân</h2><div class="rules">${esc(s.rulesText)}</div>`;
  }
  main +=
    `<p class="note">Căn cứ: ${esc(outlook.basis)}.</p>` +
    `<p><a class="t" href="/phan-anh">Gửi phản ánh, kiến nghị trực tuyến</a></p>` +
    (ward ? wardContactHtml(ward, 'Liên hệ') : '');
  return layout({ title: SCHEDULE_TITLE, ward, crumbs: [{ href: '/', label: 'Trang chủ' }], css: CSS, main });
}

export const receptionPages: FastifyPluginAsyncZod<RouteOptions> = async (app, { deps }) => {
  const wardInfo = wardInfoCache(deps.database.db);
  app.get('/tiep-cong-dan', PAGE, async (_request, reply) => {
    const code = deps.config.portalWard;
    const outlook = await scheduleOutlook(deps, code, WEEKS_SHOWN);
    return sendHtml(reply, schedulePage(outlook, await wardInfo(code)));
  });
};
