import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';
import {
  CITIZEN,
  feedbackBody,
  fileFeedback,
  JPEG_BASE64,
  ok,
  PNG_BASE64,
  feedbackFixture,
  STREETLIGHT,
  unitId,
} from '../support/feedback';

// The feedback register through its API: filing, tracking without personal data, the staff lists and steps,
// duplicates, publication, ratings, and the legal deadlines computed on this database's calendar.
const clock = manualClock(new Date('2026-02-13T10:00:00+07:00'));
const TRACKING = /^PA-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

describe('feedback register', () => {
  let platform: TestPlatform;
  let counter: Agent; // motcua (signed in again when the clock moves past a session's end)
  let officer: Agent; // chuyenvien, culture
  let head: Agent; // truongphong, culture
  let supervisor: Agent; // giamsat
  let groupHead: Agent; // totruong
  let sysadmin: Agent; // hethong
  const rows = <T>(sql: string) => platform.database.sql.query<T & Record<string, unknown>>(sql);

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    [counter, officer, head, supervisor, groupHead, sysadmin] = await Promise.all(
      ['motcua', 'chuyenvien', 'truongphong', 'giamsat', 'totruong', 'hethong'].map((u) =>
        signIn(platform.app, u),
      ),
    );
  });
  afterAll(() => platform.close());

  describe('filing', () => {
    it('gives a tracking code and the answer deadline: 10 working days across Tết, 06/03/2026 (unconfirmed)', async () => {
      clock.set(new Date('2026-02-13T10:00:00+07:00'));
      const response = await platform.app.inject({
        method: 'POST',
        url: '/api/v1/feedback',
        payload: feedbackBody({ photos: [PNG_BASE64, JPEG_BASE64] }),
      });
      const body = ok(response, 201);
      expect(body.code).toMatch(TRACKING);
      expect(body).toMatchObject({
        status: 'received',
        dueDate: '2026-03-06',
        trackingUrl: `/phan-anh/${body.code}`,
      });
      expect(body.dueDateBasis).toContain('Luật Tiếp công dân 2013 (42/2013/QH13), điều 28');
      expect(body.dueDateBasis).toContain('chưa được xác nhận');
      const [stored] = await rows<{ photos: number; phone: string; source: string }>(
        `SELECT (SELECT count(*)::int FROM feedback_photos p WHERE p.item_id = i.id) AS photos, contact_phone AS phone, source FROM feedback_items i WHERE code = '${body.code}'`,
      );
      expect(stored).toEqual({ photos: 2, phone: '0912345678', source: 'portal' });
      const [audit] = await rows<{ summary: Record<string, unknown> }>(
        `SELECT summary FROM audit_log WHERE action = 'feedback.file' AND target_id = '${body.code}'`,
      );
      expect(audit?.summary).toMatchObject({
        code: body.code,
        photos: 2,
        source: 'portal',
        dueDate: '2026-03-06',
      });
      expect(JSON.stringify(audit)).not.toContain('0912345678');
    });

    it('refuses a sender who cannot be answered, a photo that is not JPEG or PNG, and a sixth photo', async () => {
      const post = (overrides: Record<string, unknown>) =>
        platform.app.inject({ method: 'POST', url: '/api/v1/feedback', payload: feedbackBody(overrides) });
      const unreachable = ok(await post({ contact: { name: 'Nguyễn Văn A' } }), 400);
      expect(Object.keys(unreachable.error.fields)).toEqual(['contact']);
      const gif = ok(await post({ photos: [Buffer.from('GIF89a-----------').toString('base64')] }), 400);
      expect(gif.error.fields.photos).toBe('Ảnh không phải ảnh JPEG hoặc PNG.');
      const six = ok(await post({ photos: Array(6).fill(PNG_BASE64) }), 400);
      expect(six.error.code).toBe('VALIDATION_FAILED');
    });

    it('keeps no contact for an anonymous item, even if one was sent', async () => {
      const code = await fileFeedback(platform, { anonymous: true, contact: CITIZEN });
      const [row] = await rows<{ name: string | null; phone: string | null }>(
        `SELECT contact_name AS name, contact_phone AS phone FROM feedback_items WHERE code = '${code}'`,
      );
      expect(row).toEqual({ name: null, phone: null });
    });
  });

  describe('tracking by code', () => {
    it('shows the status and deadline, never the sender, the text or the place', async () => {
      const code = await fileFeedback(platform);
      const response = await platform.app.inject({ method: 'GET', url: `/api/v1/feedback/${code}/public` });
      const view = ok(response, 200);
      expect(view).toMatchObject({
        code,
        status: 'received',
        statusLabel: 'Đã tiếp nhận',
        dueDate: '2026-03-06',
      });
      for (const secret of [CITIZEN.name, '0912345678', CITIZEN.email, 'Trần Phú', 'Đèn chiếu sáng'])
        expect(response.body).not.toContain(secret);
      const missing = await platform.app.inject({
        method: 'GET',
        url: '/api/v1/feedback/PA-0000-0000/public',
      });
      expect(missing.statusCode).toBe(404);
    });
  });

  describe('staff', () => {
    it('records an item from a residential group and suggests the similar one already filed', async () => {
      const first = await fileFeedback(platform, { text: `${STREETLIGHT} (lần 1)` });
      const response = await groupHead.request('POST', '/api/v1/feedback/recorded', {
        ...feedbackBody({ photos: [] }),
        text: 'Den chieu sang ngo 5 pho Tran Phu bi hong tu tuan truoc, toi lam!',
        source: 'residential_group',
        sourceNote: 'Họp Tổ dân phố số 1 ngày 12/02/2026',
      });
      const body = ok(response, 201);
      expect(body.similar.map((s: { code: string }) => s.code)).toContain(first);
      const dupes = ok(await head.request('GET', `/api/v1/feedback/${body.code}/duplicates`), 200);
      expect(dupes.items.map((s: { code: string }) => s.code)).toContain(first);
      const [row] = await rows<{ source: string; recorded_by_name: string }>(
        `SELECT source, recorded_by_name FROM feedback_items WHERE code = '${body.code}'`,
      );
      expect(row).toEqual({ source: 'residential_group', recorded_by_name: 'Đỗ Văn Bình' });

      const merged = ok(
        await head.request('POST', `/api/v1/feedback/${body.code}/merge`, { into: first }),
        200,
      );
      expect(merged).toEqual({ code: body.code, status: 'merged', mergedInto: first });
      const view = ok(
        await platform.app.inject({ method: 'GET', url: `/api/v1/feedback/${body.code}/public` }),
        200,
      );
      expect(view.mergedInto.code).toBe(first);
      const again = await head.request('POST', `/api/v1/feedback/${first}/merge`, { into: first });
      expect(again.statusCode).toBe(409);
    });

    it('masks the contact for the supervisor; shows it to the handler and audits that read', async () => {
      const code = await fileFeedback(platform);
      const masked = ok(await supervisor.request('GET', `/api/v1/feedback/${code}`), 200);
      expect(masked.contact).toEqual({
        name: 'N***** T** H***',
        phone: '0912***678',
        email: 'ha***@example.com',
      });
      expect(masked.photos).toEqual([
        { position: 0, mediaType: 'image/png', size: 70, url: `/api/v1/feedback/${code}/photos/1` },
      ]);
      const readsBefore = await rows<{ n: number }>(
        `SELECT count(*)::int AS n FROM audit_log WHERE action = 'personal_data.read' AND target_id = '${code}'`,
      );
      expect(readsBefore[0]?.n).toBe(0);
      const full = ok(await officer.request('GET', `/api/v1/feedback/${code}`), 200);
      expect(full.contact).toEqual({ name: CITIZEN.name, phone: '0912345678', email: CITIZEN.email });
      const [read] = await rows<{ actor_name: string; target_type: string }>(
        `SELECT actor_name, target_type FROM audit_log WHERE action = 'personal_data.read' AND target_id = '${code}'`,
      );
      expect(read).toEqual({ actor_name: 'Lê Văn Dũng', target_type: 'feedback_contact' });
      const photo = await supervisor.request('GET', `/api/v1/feedback/${code}/photos/1`);
      expect(photo.statusCode).toBe(200);
      expect(photo.headers['content-type']).toBe('image/png');
      expect(photo.rawPayload.equals(Buffer.from(PNG_BASE64, 'base64'))).toBe(true);
    });

    it('routes, answers (only the unit routed to), tells the citizen, publishes with consent, takes one rating', async () => {
      const code = await fileFeedback(platform);
      expect(
        (await head.request('POST', `/api/v1/feedback/${code}/answer`, { answer: 'Đã sửa xong đèn.' }))
          .statusCode,
      ).toBe(409);
      ok(
        await head.request('POST', `/api/v1/feedback/${code}/route`, {
          unitId: await unitId(platform, 'economy'),
        }),
        200,
      );
      const foreign = ok(
        await officer.request('POST', `/api/v1/feedback/${code}/answer`, {
          answer: 'Phòng Văn hoá trả lời thay.',
        }),
        403,
      );
      expect(foreign.error.message).toContain('Phòng Kinh tế – Hạ tầng – Đô thị');
      ok(
        await head.request('POST', `/api/v1/feedback/${code}/route`, {
          unitId: await unitId(platform, 'culture'),
        }),
        200,
      );
      clock.set(new Date('2026-02-24T09:30:00+07:00'));
      [officer, head] = await Promise.all([
        signIn(platform.app, 'chuyenvien'),
        signIn(platform.app, 'truongphong'),
      ]);
      const answer = 'Phường đã cử cán bộ kiểm tra và thay bóng đèn ngày 23/02/2026. Xin cảm ơn Ông/Bà.';
      ok(await officer.request('POST', `/api/v1/feedback/${code}/answer`, { answer }), 200);

      const [sms] = await rows<{ channel: string; recipient: string; body: string }>(
        `SELECT channel, recipient, body FROM outbox_messages WHERE reference_type = 'feedback' AND reference_id = '${code}'`,
      );
      expect(sms).toMatchObject({ channel: 'sms', recipient: '0912345678' });
      expect(sms?.body).toContain(`da tra loi phan anh, kien nghi ${code}`);

      const view = ok(
        await platform.app.inject({ method: 'GET', url: `/api/v1/feedback/${code}/public` }),
        200,
      );
      expect(view.answer).toEqual({
        text: answer,
        answeredAt: '2026-02-24T02:30:00.000Z',
        officerName: 'Lê Văn Dũng',
        unitName: 'Phòng Văn hoá – Xã hội',
      });

      ok(await head.request('POST', `/api/v1/feedback/${code}/publish`), 200);
      const published = ok(
        await platform.app.inject({ method: 'GET', url: '/api/v1/feedback/published' }),
        200,
      );
      const item = published.items.find((i: { code: string }) => i.code === code);
      expect(item).toMatchObject({ text: STREETLIGHT, answer: { text: answer } });
      expect(JSON.stringify(published)).not.toContain('0912345678');

      const rate = (rating: string) =>
        platform.app.inject({ method: 'POST', url: `/api/v1/feedback/${code}/rating`, payload: { rating } });
      expect(ok(await rate('hai_long'), 201)).toMatchObject({ rating: 'hai_long', ratingLabel: 'Hài lòng' });
      expect((await rate('khong_hai_long')).statusCode).toBe(409);
      const actions = await rows<{ action: string }>(
        `SELECT action FROM audit_log WHERE target_id = '${code}' AND action LIKE 'feedback.%' ORDER BY id`,
      );
      expect(actions.map((a) => a.action)).toEqual([
        'feedback.file',
        'feedback.route',
        'feedback.route',
        'feedback.answer',
        'feedback.publish',
        'feedback.rate',
      ]);
    });

    it('does not publish without the sender’s consent', async () => {
      const code = await fileFeedback(platform, { publishConsent: false });
      ok(
        await head.request('POST', `/api/v1/feedback/${code}/route`, {
          unitId: await unitId(platform, 'culture'),
        }),
        200,
      );
      ok(
        await head.request('POST', `/api/v1/feedback/${code}/answer`, {
          answer: 'Phường đã kiểm tra và xử lý.',
        }),
        200,
      );
      const refused = ok(await head.request('POST', `/api/v1/feedback/${code}/publish`), 409);
      expect(refused.error.message).toBe('Người gửi không đồng ý công khai phản ánh, kiến nghị này.');
    });

    it('lists open items as due soon, then late, with the counts and the on-time rate per kind', async () => {
      clock.set(new Date('2026-03-02T09:00:00+07:00'));
      head = await signIn(platform.app, 'truongphong');
      const code = await feedbackFixture(platform, head).routed(); // due 16/03/2026
      clock.set(new Date('2026-03-13T09:00:00+07:00'));
      counter = await signIn(platform.app, 'motcua');
      const soon = ok(await counter.request('GET', '/api/v1/feedback?view=due_soon'), 200);
      expect(soon.items.find((i: { code: string }) => i.code === code)).toMatchObject({
        dueDate: '2026-03-16',
        timeliness: 'due_soon',
        timelinessLabel: 'Sắp đến hạn',
      });
      clock.set(new Date('2026-03-17T09:00:00+07:00'));
      [officer, head] = await Promise.all([
        signIn(platform.app, 'chuyenvien'),
        signIn(platform.app, 'truongphong'),
      ]);
      const late = ok(await head.request('GET', '/api/v1/feedback?view=late'), 200);
      expect(late.items.map((i: { code: string }) => i.code)).toContain(code);
      expect(late.items.every((i: { timeliness: string }) => i.timeliness === 'late')).toBe(true);
      expect(late.counts.late).toBe(late.items.length);
      expect(late.counts.open).toBeGreaterThanOrEqual(late.counts.late);
      const mine = ok(await officer.request('GET', '/api/v1/feedback?view=open&mine=true'), 200);
      expect(
        mine.items.every(
          (i: { responsibleUnitName: string }) => i.responsibleUnitName === 'Phòng Văn hoá – Xã hội',
        ),
      ).toBe(true);
      ok(
        await officer.request('POST', `/api/v1/feedback/${code}/answer`, {
          answer: 'Trả lời muộn, xin lỗi Ông/Bà.',
        }),
        200,
      );
      const rates = ok(await head.request('GET', '/api/v1/feedback?view=answered'), 200).answerRates;
      expect(rates).toEqual([
        { kind: 'phan_anh', kindLabel: 'Phản ánh', answered: 3, onTime: 2, onTimePercent: 66.7 },
      ]);
    });

    it('keeps another ward’s items out of reach', async () => {
      clock.set(new Date('2026-02-13T10:00:00+07:00')); // the sessions opened at the start are valid again
      const code = await fileFeedback(platform, { wardCode: '10525' });
      const other = await signIn(platform.app, 'hd.motcua');
      expect((await other.request('GET', `/api/v1/feedback/${code}`)).statusCode).toBe(200);
      expect((await counter.request('GET', `/api/v1/feedback/${code}`)).statusCode).toBe(404);
    });
  });

  describe('legal deadlines on this database’s calendar', () => {
    beforeAll(() => clock.set(new Date('2026-02-13T10:00:00+07:00')));
    const due = async (key: string, from: string, extraDays = 0) =>
      ok(
        await supervisor.request(
          'GET',
          `/api/v1/feedback/deadline-rules/${key}/due-date?from=${encodeURIComponent(from)}&extraDays=${extraDays}`,
        ),
        200,
      );

    it.each([
      ['complaint.resolution', '2026-01-16T10:00:00+07:00', 0, '2026-02-23'], // 30 days end in Tết
      ['complaint.resolution_complex', '2026-01-16T10:00:00+07:00', 0, '2026-03-02'],
      ['complaint.limitation', '2025-11-16T08:00:00+07:00', 0, '2026-02-23'],
      ['complaint.acceptance', '2026-06-30T09:00:00+07:00', 0, '2026-07-14'], // 10 working days
      ['complaint.acceptance', '2026-07-01T09:00:00+07:00', 0, '2026-07-10'], // 7 working days
      ['complaint.send_decision', '2026-02-13T10:00:00+07:00', 0, '2026-02-25'],
      ['complaint.appeal', '2026-03-02T09:00:00+07:00', 0, '2026-04-01'],
      ['denunciation.initial', '2026-04-24T09:00:00+07:00', 0, '2026-05-08'],
      ['denunciation.initial_extended', '2026-04-24T09:00:00+07:00', 0, '2026-05-13'],
      ['denunciation.forward', '2026-04-24T09:00:00+07:00', 0, '2026-05-06'],
      ['denunciation.notify_acceptance', '2026-03-02T09:00:00+07:00', 0, '2026-03-09'],
      ['denunciation.resolution', '2026-03-02T09:00:00+07:00', 0, '2026-04-01'],
      ['denunciation.resolution', '2026-03-02T09:00:00+07:00', 60, '2026-06-01'], // two extensions
      ['reception.answer', '2026-02-13T10:00:00+07:00', 0, '2026-03-06'],
      ['feedback.answer', '2026-02-13T10:00:00+07:00', 0, '2026-03-06'],
    ])('%s from %s (+%i days): %s', async (key, from, extra, expected) => {
      expect((await due(key, from, extra)).dueDate).toBe(expected);
    });

    it('the acceptance period changes on 01/07/2026, and the new value says it is unconfirmed', async () => {
      const rules = ok(await supervisor.request('GET', '/api/v1/feedback/deadline-rules'), 200).rules;
      const acceptance = rules.filter((r: { key: string }) => r.key === 'complaint.acceptance');
      expect(
        acceptance.map((r: { days: number; effectiveFrom: string; confirmed: boolean }) => [
          r.effectiveFrom,
          r.days,
          r.confirmed,
        ]),
      ).toEqual([
        ['2012-07-01', 10, true],
        ['2026-07-01', 7, false],
      ]);
    });

    it('the system administrator corrects an unconfirmed value; items keep the deadline they were given', async () => {
      clock.set(new Date('2026-02-13T10:00:00+07:00'));
      const before = await fileFeedback(platform);
      const correction = {
        days: 15,
        dayKind: 'working',
        legalBasis: 'Quy chế tiếp nhận, xử lý phản ánh, kiến nghị của UBND phường (thử nghiệm)',
        confirmed: true,
        note: null,
      };
      expect(
        (await head.request('PUT', '/api/v1/feedback/deadline-rules/feedback.answer/2014-07-01', correction))
          .statusCode,
      ).toBe(403);
      const rule = ok(
        await sysadmin.request(
          'PUT',
          '/api/v1/feedback/deadline-rules/feedback.answer/2014-07-01',
          correction,
        ),
        200,
      );
      expect(rule).toMatchObject({ days: 15, confirmed: true, corrected: { by: 'Đặng Thu Trang' } });
      const after = ok(
        await platform.app.inject({ method: 'POST', url: '/api/v1/feedback', payload: feedbackBody() }),
        201,
      );
      expect(after.dueDate).toBe('2026-03-13');
      expect(after.dueDateBasis).not.toContain('chưa được xác nhận');
      const kept = ok(
        await platform.app.inject({ method: 'GET', url: `/api/v1/feedback/${before}/public` }),
        200,
      );
      expect(kept.dueDate).toBe('2026-03-06');
      const [audit] = await rows<{ target_id: string }>(
        "SELECT target_id FROM audit_log WHERE action = 'feedback.rule.correct'",
      );
      expect(audit?.target_id).toBe('feedback.answer@2014-07-01');
      expect(
        (
          await sysadmin.request(
            'PUT',
            '/api/v1/feedback/deadline-rules/feedback.answer/2000-01-01',
            correction,
          )
        ).statusCode,
      ).toBe(404);
    });
  });
});
