import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ratingPath } from '../../src/modules/ratings/api';
import { manualClock } from '../../src/platform/clock';
import { readConfig } from '../../src/platform/config';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';
import { APPLICANT, BIRTH, ok, ratingDesk, ratingTokenOf, RESIDENCE } from '../support/ratings';

// Satisfaction ratings of returned dossiers: the API contract, the citizen's page and the counter's tablet,
// both plain form POSTs that work without JavaScript.
const clock = manualClock(new Date('2026-03-09T09:00:00+07:00'));
const SECRET = readConfig({}).ratingSecret;
const COUNTER = '10507-1';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

describe('satisfaction ratings', () => {
  let platform: TestPlatform;
  let desk: ReturnType<typeof ratingDesk>;
  let counterOfficerId = '';

  const post = (url: string, fields: Record<string, string>) =>
    platform.app.inject({
      method: 'POST',
      url,
      payload: new URLSearchParams(fields).toString(),
      headers: FORM,
    });
  const get = (url: string) => platform.app.inject({ method: 'GET', url });

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    desk = ratingDesk(platform, clock);
    await desk.at('2026-03-09T09:00:00+07:00');
    const [me] = await desk.rows<{ id: string }>("SELECT id FROM staff_accounts WHERE username = 'motcua'");
    counterOfficerId = me?.id ?? '';
  });
  afterAll(() => platform.close());

  describe('the API contract', () => {
    it('takes one rating per dossier: 201, then 409; audited with the ballot', async () => {
      await desk.at('2026-03-09T09:00:00+07:00');
      const code = await desk.returned();
      const first = await desk.rate(code, {
        level: 'rat_hai_long',
        officerLevel: 'hai_long',
        comment: '  Cán bộ hướng dẫn tận tình.  ',
      });
      expect(first.statusCode, first.body).toBe(201);
      expect(first.json()).toEqual({
        dossierCode: code,
        level: 'rat_hai_long',
        levelLabel: 'Rất hài lòng',
        officerLevel: 'hai_long',
        officerLevelLabel: 'Hài lòng',
        officerName: 'Trần Thị Hằng',
        comment: 'Cán bộ hướng dẫn tận tình.',
        channel: 'link',
        createdAt: '2026-03-09T02:00:00.000Z',
      });

      const second = await desk.rate(code, { level: 'khong_hai_long' });
      expect(second.statusCode).toBe(409);
      expect(second.json()).toEqual({
        error: {
          code: 'ALREADY_RATED',
          message: 'Hồ sơ này đã được đánh giá. Mỗi hồ sơ chỉ được đánh giá một lần.',
        },
      });

      const [row] = await desk.rows<Record<string, unknown>>(
        `SELECT ward_code, procedure_code, level, officer_level, officer_id, officer_name, channel, counter_id
         FROM ratings WHERE dossier_code = $1`,
        [code],
      );
      expect(row).toEqual({
        ward_code: '10507',
        procedure_code: RESIDENCE,
        level: 'rat_hai_long',
        officer_level: 'hai_long',
        officer_id: counterOfficerId,
        officer_name: 'Trần Thị Hằng',
        channel: 'link',
        counter_id: null,
      });
      const audit = await desk.rows<{ action: string; summary: Record<string, unknown> }>(
        "SELECT action, summary FROM audit_log WHERE target_id = $1 AND action LIKE 'rating.%'",
        [code],
      );
      expect(audit).toHaveLength(1);
      expect(audit[0]?.summary).toMatchObject({ level: 'rat_hai_long', channel: 'link', hasComment: true });
      expect(JSON.stringify(audit[0]?.summary)).not.toContain('tận tình');
    });

    it('gives exactly one 201 to concurrent submissions of the same dossier', async () => {
      await desk.at('2026-03-10T09:00:00+07:00');
      const code = await desk.returned();
      const levels = ['rat_hai_long', 'hai_long', 'khong_hai_long', 'hai_long', 'rat_hai_long'];
      const responses = await Promise.all(levels.map((level) => desk.rate(code, { level })));
      const statuses = responses.map((r) => r.statusCode).sort();
      expect(statuses, responses.map((r) => r.body).join('\n')).toEqual([201, 409, 409, 409, 409]);
      expect(await desk.ratingCount(code)).toBe(1);
      const audits = await desk.rows<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE target_id = $1 AND action = 'rating.cast'",
        [code],
      );
      expect(audits[0]?.n).toBe(1);
    });

    it('refuses a wrong token (403), a malformed ballot (400), and learns nothing of the dossier first', async () => {
      await desk.at('2026-03-10T10:00:00+07:00');
      const code = await desk.returned();
      const other = await desk.returned();
      const wrong = await desk.rate(code, { level: 'hai_long', token: ratingTokenOf(other) });
      expect(wrong.statusCode).toBe(403);
      expect(wrong.json().error.code).toBe('RATING_LINK_INVALID');
      const unknown = await desk.rate('10507-260310-9999', { level: 'hai_long', token: ratingTokenOf(code) });
      expect(unknown.statusCode).toBe(403);
      const noToken = await platform.app.inject({
        method: 'POST',
        url: `/api/v1/dossiers/${code}/ratings`,
        payload: { level: 'hai_long' },
      });
      expect(noToken.statusCode).toBe(400);
      const badLevel = await desk.rate(code, { level: 'binh_thuong' });
      expect(badLevel.statusCode).toBe(400);
      expect(badLevel.json().error.fields).toHaveProperty('level');
      const longComment = await desk.rate(code, { level: 'hai_long', comment: 'x'.repeat(1001) });
      expect(longComment.statusCode).toBe(400);
      expect(await desk.ratingCount(code)).toBe(0);
    });

    it('refuses a dossier whose result is not returned yet (409), in Vietnamese', async () => {
      await desk.at('2026-03-11T09:00:00+07:00');
      const code = await desk.intake();
      const early = await desk.rate(code, { level: 'hai_long' });
      expect(early.statusCode).toBe(409);
      expect(early.json().error).toEqual({
        code: 'INVALID_TRANSITION',
        message:
          'Hồ sơ chưa trả kết quả nên chưa thể đánh giá. Xin Ông/Bà đánh giá sau khi nhận kết quả giải quyết.',
      });
      expect(await desk.ratingCount(code)).toBe(0);
    });
  });

  describe('the citizen’s page, without JavaScript', () => {
    it('shows the form, takes a form POST, thanks, and refuses a second ballot', async () => {
      await desk.at('2026-03-12T09:00:00+07:00');
      const code = await desk.returned(BIRTH);
      const path = ratingPath(code, SECRET);
      const page = await get(path);
      expect(page.statusCode).toBe(200);
      expect(page.headers['cache-control']).toBe('no-store');
      expect(page.body).not.toMatch(/<script/i);
      expect(page.body).toContain(`<form method="post" action="/danh-gia/${code}"`);
      for (const level of ['rat_hai_long', 'hai_long', 'khong_hai_long']) {
        expect(page.body).toContain(`name="level" value="${level}"`);
        expect(page.body).toContain(`name="officerLevel" value="${level}"`);
      }
      expect(page.body).toContain('Trần Thị Hằng');
      expect(page.body).not.toContain(APPLICANT.fullName);

      const missing = await post(`/danh-gia/${code}`, { t: ratingTokenOf(code), comment: 'Nhanh' });
      expect(missing.statusCode).toBe(400);
      expect(missing.body).toContain('<title>Lỗi: ');
      expect(missing.body).toContain('Xin Ông/Bà chọn một mức hài lòng với việc giải quyết hồ sơ.');
      expect(missing.body).toContain('>Nhanh</textarea>');

      const sent = await post(`/danh-gia/${code}`, {
        t: ratingTokenOf(code),
        level: 'hai_long',
        officerLevel: '',
        comment: 'Thủ tục nhanh gọn',
      });
      expect(sent.statusCode, sent.body).toBe(303);
      expect(sent.headers.location).toBe(`/danh-gia/${code}/cam-on`);
      expect((await get(sent.headers.location as string)).body).toContain('Xin cảm ơn Ông/Bà');
      const [row] = await desk.rows<Record<string, unknown>>(
        'SELECT level, officer_level, comment, channel FROM ratings WHERE dossier_code = $1',
        [code],
      );
      expect(row).toEqual({
        level: 'hai_long',
        officer_level: null,
        comment: 'Thủ tục nhanh gọn',
        channel: 'link',
      });

      const again = await post(`/danh-gia/${code}`, { t: ratingTokenOf(code), level: 'khong_hai_long' });
      expect(again.statusCode).toBe(409);
      expect(again.body).toContain('Hồ sơ đã được đánh giá');
      expect((await get(path)).body).toContain('Mỗi hồ sơ chỉ được đánh giá một lần');
      expect(await desk.ratingCount(code)).toBe(1);
    });

    it('refuses a wrong link and explains a dossier not returned yet', async () => {
      await desk.at('2026-03-12T10:00:00+07:00');
      const code = await desk.intake();
      const wrong = await get(`/danh-gia/${code}?t=${ratingTokenOf('10507-260312-9999')}`);
      expect(wrong.statusCode).toBe(403);
      expect(wrong.body).toContain('Đường dẫn đánh giá không đúng');
      const forged = await post(`/danh-gia/${code}`, { t: 'x'.repeat(22), level: 'hai_long' });
      expect(forged.statusCode).toBe(403);
      expect((await get(ratingPath(code, SECRET))).body).toContain('Hồ sơ chưa trả kết quả');
      const early = await post(`/danh-gia/${code}`, { t: ratingTokenOf(code), level: 'hai_long' });
      expect(early.statusCode).toBe(409);
      expect(await desk.ratingCount(code)).toBe(0);
    });
  });

  describe('the tablet of a counter', () => {
    const offer = (agent: Agent, counterId: string, dossierCode: string) =>
      agent.request('POST', `/api/v1/counters/${counterId}/rating-session`, { dossierCode });

    it('shows the dossier the officer offers, takes the tap, then waits for the next one', async () => {
      await desk.at('2026-03-13T09:00:00+07:00');
      const code = await desk.returned();
      const offered = await ok(offer(desk.counter, COUNTER, code), 201);
      expect(offered).toMatchObject({
        counterId: COUNTER,
        counterLabel: 'Quầy số 1 – Tư pháp – Hộ tịch',
        dossierCode: code,
        expiresAt: '2026-03-13T02:05:00.000Z',
      });
      const kiosk = new URL(offered.kioskUrl);
      const kioskPath = `${kiosk.pathname}${kiosk.search}`;
      expect(kiosk.pathname).toBe(`/quay/${COUNTER}/danh-gia`);

      expect((await get(`/quay/${COUNTER}/danh-gia`)).statusCode).toBe(403);
      expect((await get(`/quay/10507-2/danh-gia${kiosk.search}`)).statusCode).toBe(403);
      const page = await get(kioskPath);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain(code);
      expect(page.body).toContain('Quầy số 1: đánh giá mức độ hài lòng');
      expect(page.body).toContain(`<input type="hidden" name="dossier" value="${code}">`);

      const stale = await post(kioskPath, { dossier: '10507-260313-9999', level: 'hai_long' });
      expect(stale.statusCode).toBe(409);
      const tapped = await post(kioskPath, {
        dossier: code,
        level: 'rat_hai_long',
        officerLevel: 'rat_hai_long',
      });
      expect(tapped.statusCode, tapped.body).toBe(200);
      expect(tapped.body).toContain('Xin cảm ơn Ông/Bà');
      expect(tapped.headers.refresh).toBe(`10;url=${kioskPath}`);
      const [row] = await desk.rows<Record<string, unknown>>(
        'SELECT level, officer_level, channel, counter_id FROM ratings WHERE dossier_code = $1',
        [code],
      );
      expect(row).toEqual({
        level: 'rat_hai_long',
        officer_level: 'rat_hai_long',
        channel: 'kiosk',
        counter_id: COUNTER,
      });

      const idle = await get(kioskPath);
      expect(idle.body).toContain('Chưa có hồ sơ chờ đánh giá');
      expect(idle.headers.refresh).toBe('5');
      expect((await post(kioskPath, { dossier: code, level: 'hai_long' })).statusCode).toBe(409);
      expect(await desk.ratingCount(code)).toBe(1);
    });

    it('offers a dossier for five minutes only', async () => {
      await desk.at('2026-03-13T10:00:00+07:00');
      const code = await desk.returned();
      const { kioskUrl } = await ok(offer(desk.counter, COUNTER, code), 201);
      const kiosk = new URL(kioskUrl);
      expect((await get(`${kiosk.pathname}${kiosk.search}`)).body).toContain(code);
      clock.advance(5 * 60_000 + 1000);
      const later = await get(`${kiosk.pathname}${kiosk.search}`);
      expect(later.body).not.toContain(code);
      expect(later.body).toContain('Chưa có hồ sơ chờ đánh giá');
    });

    it('offers only a returned, unrated dossier of the officer’s own ward, at a counter of that ward', async () => {
      await desk.at('2026-03-13T11:00:00+07:00');
      const open = await desk.intake();
      expect((await offer(desk.counter, COUNTER, open)).statusCode).toBe(409);
      const code = await desk.returned();
      expect((await desk.rate(code, { level: 'hai_long' })).statusCode).toBe(201);
      expect((await offer(desk.counter, COUNTER, code)).json().error.code).toBe('ALREADY_RATED');
      expect((await offer(desk.counter, 'quay-1', code)).statusCode).toBe(400);
      const otherWard = await signIn(platform.app, 'hd.motcua');
      expect((await offer(otherWard, COUNTER, code)).statusCode).toBe(403);
      expect((await offer(otherWard, '10525-1', code)).statusCode).toBe(404);
    });

    it('refuses a counter the centre does not have, or has closed, and offers nothing there', async () => {
      await desk.at('2026-03-13T14:00:00+07:00');
      const code = await desk.returned();
      const missing = await offer(desk.counter, '10507-9', code);
      expect(missing.statusCode).toBe(404);
      expect(missing.json().error.fields).toEqual({
        id: 'Trung tâm của phường không có quầy số 9 đang làm việc.',
      });
      await desk.rows("UPDATE queue_counters SET active = false WHERE id = '10507-4'");
      expect((await offer(desk.counter, '10507-4', code)).statusCode).toBe(404);
      const sessions = await desk.rows(
        "SELECT counter_id FROM counter_rating_sessions WHERE counter_id IN ('10507-9', '10507-4')",
      );
      expect(sessions).toEqual([]);
      expect((await offer(desk.counter, '10507-2', code)).statusCode).toBe(201);
    });
  });
});
