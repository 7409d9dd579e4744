import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';
import { DENOUNCER } from '../support/complaints';
import { ok } from '../support/feedback';
import { pdfText } from '../support/pdf';

// Citizen reception through its API: the chairman's schedule with holidays skipped and weeks without a
// reception day warned about, the reception log (CCCD masked, reads audited, feedback items made, exports),
// and the Friday listening sessions whose matters become feedback items.
// Tuesday 28/04/2026: Monday 27/04 is the day off in lieu of Giỗ Tổ Hùng Vương (Sunday 26/04), Thursday 30/04
// and Friday 01/05 are holidays (Bộ luật Lao động 2019, điều 112).
const clock = manualClock(new Date('2026-04-28T09:00:00+07:00'));
const ID_NUMBER = '031095001234';
const SCHEDULE = {
  weekdays: [4],
  startsAt: '07:30',
  endsAt: '11:30',
  place: 'Phòng tiếp công dân, trụ sở Ủy ban nhân dân phường Thành Đông',
  rulesText:
    'Công dân đến tiếp mang theo căn cước; giữ trật tự; nhiều người cùng nội dung thì cử người đại diện.',
};
const VISIT = {
  visitorName: 'Trần Văn Bình',
  visitorIdNumber: ID_NUMBER,
  visitorAddress: 'Số 12, ngõ 3 phố Lê Lợi, Tổ dân phố số 2, phường Thành Đông',
  visitorPhone: '0912 345 678',
  matter: 'Đề nghị phường sửa rãnh thoát nước ngõ 3 phố Lê Lợi, mưa to nước tràn vào nhà dân.',
  classification: 'petition',
  category: 'ha-tang',
};

describe('citizen reception', () => {
  let platform: TestPlatform;
  let leader: Agent; // chutich
  let counter: Agent; // motcua
  let admin: Agent; // quantri: reads the log, CCCD masked
  let head: Agent; // truongphong
  const rows = <T>(sql: string) => platform.database.sql.query<T & Record<string, unknown>>(sql);
  const PERSONAL_READS =
    "SELECT count(*)::int AS n FROM audit_log WHERE action = 'personal_data.read' AND target_type = 'reception_log'";
  const personalReads = async () => (await rows<{ n: number }>(PERSONAL_READS))[0]?.n ?? 0;

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    [leader, counter, admin, head] = await Promise.all(
      ['chutich', 'motcua', 'quantri', 'truongphong'].map((u) => signIn(platform.app, u)),
    );
  });
  afterAll(() => platform.close());

  /** Moves the clock, and signs the officers without a second factor in again (a session ends after its idle time). */
  async function moveClock(at: string) {
    clock.set(new Date(at));
    [counter, head] = await Promise.all(['motcua', 'truongphong'].map((u) => signIn(platform.app, u)));
  }

  describe('schedule', () => {
    it('warns for every week while no schedule is set', async () => {
      // The demo seed publishes a schedule (thứ Năm mornings); a ward that has none yet:
      await rows("DELETE FROM reception_schedules WHERE ward_code = '10507'");
      const body = ok(await admin.request('GET', '/api/v1/reception/schedule?weeks=3'), 200);
      expect(body.schedule).toBeNull();
      expect(body.warnings.map((w: { weekStart: string }) => w.weekStart)).toEqual([
        '2026-04-27',
        '2026-05-04',
        '2026-05-11',
      ]);
      expect(body.warnings[0].message).toContain('điều 15');
    });

    it('refuses a schedule without a weekday or with hours the wrong way round', async () => {
      const none = await leader.request('PUT', '/api/v1/reception/schedule', { ...SCHEDULE, weekdays: [] });
      expect(ok(none, 400).error.fields.weekdays).toContain('ít nhất một ngày');
      const reversed = await leader.request('PUT', '/api/v1/reception/schedule', {
        ...SCHEDULE,
        endsAt: '07:00',
      });
      expect(ok(reversed, 400).error.fields.endsAt).toBe('Giờ kết thúc phải sau giờ bắt đầu.');
    });

    it('skips the 30/04 holiday and warns about that week until a reception day is added', async () => {
      const set = ok(await leader.request('PUT', '/api/v1/reception/schedule', SCHEDULE), 200);
      expect(set.days.slice(0, 2).map((d: { date: string }) => d.date)).toEqual(['2026-05-07', '2026-05-14']);
      expect(set.skipped[0]).toMatchObject({ date: '2026-04-30', weekdayName: 'thứ Năm' });
      expect(set.skipped[0].reason).toContain('Nghỉ');
      expect(set.warnings.map((w: { weekStart: string }) => w.weekStart)).toEqual(['2026-04-27']);

      const holiday = await leader.request('POST', '/api/v1/reception/schedule/extra-days', {
        date: '2026-05-01',
        note: 'Tiếp bù',
      });
      expect(ok(holiday, 400).error.fields.date).toContain('ngày nghỉ');
      const added = ok(
        await leader.request('POST', '/api/v1/reception/schedule/extra-days', {
          date: '2026-04-28',
          note: 'Tiếp bù ngày 30/4',
        }),
        201,
      );
      expect(added.warnings).toEqual([]);
      expect(added.days[0]).toMatchObject({ date: '2026-04-28', origin: 'extra', note: 'Tiếp bù ngày 30/4' });
      const [audit] = await rows<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE action LIKE 'reception.schedule.%'",
      );
      expect(audit?.n).toBe(2);
    });

    it('shows the public page with the place, the coming days, the skipped holiday and the rules', async () => {
      const page = await platform.app.inject({ method: 'GET', url: '/tiep-cong-dan' });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Phòng tiếp công dân, trụ sở Ủy ban nhân dân phường Thành Đông');
      expect(page.body).toContain('28/04/2026');
      expect(page.body).toContain('07/05/2026');
      expect(page.body).toMatch(/30\/04\/2026[^<]*: Nghỉ/);
      expect(page.body).toContain('cử người đại diện');
    });
  });

  describe('reception log', () => {
    let petitionId = '';

    it('logs a petition with its 10-working-day answer deadline across 30/04–01/05 and files it as feedback', async () => {
      const body = ok(await counter.request('POST', '/api/v1/reception/log', VISIT), 201);
      petitionId = body.id;
      expect(body).toMatchObject({
        number: 1,
        year: 2026,
        receiptDay: '2026-04-28',
        dueDate: '2026-05-14',
        classificationLabel: 'Kiến nghị',
        visitorIdNumber: '031******234',
        timeliness: 'on_time',
      });
      expect(body.dueBasis).toContain('Luật Tiếp công dân 2013 (42/2013/QH13), điều 28');
      const [item] = await rows<{ source: string; kind: string; contact_name: string; due_date: string }>(
        `SELECT source, kind, contact_name, due_date::text FROM feedback_items WHERE code = '${body.feedbackCode}'`,
      );
      expect(item).toEqual({
        source: 'reception',
        kind: 'kien_nghi',
        contact_name: 'Trần Văn Bình',
        due_date: '2026-05-14',
      });
    });

    it('logs a complaint without a feedback item, numbered next', async () => {
      const body = ok(
        await counter.request('POST', '/api/v1/reception/log', {
          ...VISIT,
          visitorIdNumber: undefined,
          classification: 'complaint',
          matter: 'Khiếu nại quyết định xử phạt vi phạm hành chính về trật tự xây dựng.',
        }),
        201,
      );
      expect(body).toMatchObject({
        number: 2,
        classification: 'complaint',
        feedbackCode: null,
        visitorIdNumber: null,
      });
    });

    it('refuses a group of 6 with 3 representatives (1 to 2, điều 30)', async () => {
      const response = await counter.request('POST', '/api/v1/reception/log', {
        ...VISIT,
        groupSize: 6,
        representatives: ['Nguyễn Văn A', 'Trần Thị B', 'Lê Văn C'],
      });
      expect(ok(response, 400).error.fields.representatives).toContain('từ 1 đến 2 người đại diện');
    });

    it('masks the CCCD number for the ward administrator and audits the unmasked read of an officer', async () => {
      const masked = ok(await admin.request('GET', `/api/v1/reception/log/${petitionId}`), 200);
      expect(masked).toMatchObject({
        visitorIdNumber: '031******234',
        visitorPhone: '0912***678',
        personalMasked: true,
      });
      expect(JSON.stringify(masked)).not.toContain(ID_NUMBER);
      const before = await personalReads();
      const full = ok(await counter.request('GET', `/api/v1/reception/log/${petitionId}`), 200);
      expect(full).toMatchObject({ visitorIdNumber: ID_NUMBER, visitorPhone: '0912345678' });
      expect(await personalReads()).toBe(before + 1);
    });

    it('exports the period as PDF and Excel, CCCD masked for the administrator, each export audited', async () => {
      const pdf = await admin.request('GET', '/api/v1/reception/log/export?from=2026-04-01&to=2026-04-30');
      expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      const text = await pdfText(pdf.rawPayload);
      expect(text).toContain('SỔ TIẾP CÔNG DÂN');
      expect(text).toContain('Trần Văn Bình');
      expect(text).toContain('031******234');
      expect(text).not.toContain(ID_NUMBER);

      const xlsx = await counter.request(
        'GET',
        '/api/v1/reception/log/export?from=2026-04-01&to=2026-04-30&format=xlsx',
      );
      expect(xlsx.statusCode).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.getWorksheet('Sổ tiếp công dân');
      expect(sheet?.getRow(1).getCell(5).value).toBe('Nội dung');
      expect(String(sheet?.getRow(2).getCell(3).value)).toContain(`CCCD: ${ID_NUMBER}`);
      expect(sheet?.getRow(3).getCell(6).value).toBe('Khiếu nại');
      const [exports] = await rows<{ n: number }>(
        "SELECT count(*)::int AS n FROM audit_log WHERE target_type = 'reception_log_export'",
      );
      expect(exports?.n).toBe(2);
    });

    it('seals the identity of a visitor who came to denounce: every view and export, the chairman opens it', async () => {
      const secrets = [DENOUNCER.fullName, DENOUNCER.idNumber, DENOUNCER.phone, 'ngõ Kín Đáo'];
      // Whitespace removed: a name a PDF table wraps over two lines is still found.
      const flat = (text: string) => text.replace(/\s+/g, '');
      const sealedIn = (text: string) => {
        expect(flat(text)).toContain(flat('Đã niêm phong'));
        for (const secret of secrets) expect(flat(text)).not.toContain(flat(secret));
      };
      const logged = ok(
        await counter.request('POST', '/api/v1/reception/log', {
          visitorName: DENOUNCER.fullName,
          visitorIdNumber: DENOUNCER.idNumber,
          visitorAddress: DENOUNCER.address,
          visitorPhone: DENOUNCER.phone,
          groupSize: 2,
          representatives: [DENOUNCER.fullName],
          matter: 'Tố cáo cán bộ địa chính phường nhận tiền để xác nhận hồ sơ đất đai sai quy định.',
          classification: 'denunciation',
        }),
        201,
      );
      expect(logged).toMatchObject({
        visitorName: 'Đã niêm phong',
        visitorIdNumber: null,
        visitorPhone: null,
        visitorAddress: null,
        representatives: ['Đã niêm phong'],
        visitorSealed: true,
        feedbackCode: null,
      });
      const [stored] = await rows<{ visitor_name: string; visitor_phone: null; visitor_sealed: string }>(
        `SELECT visitor_name, visitor_phone, visitor_sealed FROM reception_log WHERE id = '${logged.id}'`,
      );
      expect(stored).toMatchObject({ visitor_name: 'Đã niêm phong', visitor_phone: null });
      expect(stored?.visitor_sealed).toMatch(/^v1\./);
      sealedIn(JSON.stringify(stored));
      // An officer with reception.personal.read and the chairman alike see it sealed in the log and the detail.
      sealedIn((await counter.request('GET', '/api/v1/reception/log?from=2026-04-01&to=2026-04-30')).body);
      sealedIn((await leader.request('GET', `/api/v1/reception/log/${logged.id}`)).body);
      const period = '/api/v1/reception/log/export?from=2026-04-01&to=2026-04-30';
      sealedIn(await pdfText((await leader.request('GET', period)).rawPayload));
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(
        (await counter.request('GET', `${period}&format=xlsx`)).rawPayload as unknown as ArrayBuffer,
      );
      const cells: string[] = [];
      workbook.getWorksheet('Sổ tiếp công dân')?.eachRow((row) => cells.push(String(row.values)));
      sealedIn(cells.join('\n'));

      const identity = `/api/v1/reception/log/${logged.id}/identity`;
      expect(ok(await counter.request('GET', identity), 403).error.code).toBe('FORBIDDEN');
      expect(ok(await leader.request('GET', identity), 200)).toEqual({
        ...DENOUNCER,
        representatives: [DENOUNCER.fullName],
      });
      const reads = await rows<{ actor_role: string }>(
        "SELECT actor_role FROM audit_log WHERE action = 'reception.identity.read'",
      );
      expect(reads).toEqual([{ actor_role: 'ward_leader' }]);
    });

    it('lists late entries and the on-time rate after an answer', async () => {
      await moveClock('2026-05-15T09:00:00+07:00');
      const late = ok(await head.request('GET', '/api/v1/reception/log?view=late'), 200);
      expect(late.counts).toEqual({ open: 3, dueSoon: 0, late: 3 });
      expect(late.entries).toHaveLength(3);
      ok(
        await counter.request('POST', `/api/v1/reception/log/${petitionId}/answer`, {
          resultKind: 'accepted',
          result: 'Phường đã giao Phòng Kinh tế khảo sát và sửa rãnh thoát nước.',
        }),
        200,
      );
      const again = await counter.request('POST', `/api/v1/reception/log/${petitionId}/answer`, {
        resultKind: 'accepted',
        result: 'Trả lời lần thứ hai không được ghi.',
      });
      expect(ok(again, 409).error.code).toBe('INVALID_TRANSITION');
      const after = ok(await head.request('GET', '/api/v1/reception/log?view=open'), 200);
      expect(after.counts.open).toBe(2);
      expect(after.answerRate).toEqual({ answered: 1, onTime: 0, onTimePercent: 0 });
      // The dashboard's figures: the same counts and rate, no entry, and no personal-data read recorded.
      const readsBefore = await personalReads();
      const figures = ok(await head.request('GET', '/api/v1/reception/log?view=figures'), 200);
      expect(figures).toMatchObject({ counts: after.counts, answerRate: after.answerRate, entries: [] });
      expect(await personalReads()).toBe(readsBefore);
    });
  });

  describe('Friday listening sessions', () => {
    let sessionId = '';

    it('lists the coming Fridays without a session and schedules one', async () => {
      const list = ok(await head.request('GET', '/api/v1/listening-sessions'), 200);
      expect(list.fridaysWithout.slice(0, 2)).toEqual([
        { date: '2026-05-15', working: true, note: null },
        { date: '2026-05-22', working: true, note: null },
      ]);
      const body = ok(
        await head.request('POST', '/api/v1/listening-sessions', {
          heldOn: '2026-05-22',
          place: 'Hội trường Tổ dân phố số 2',
          chairedBy: 'Chủ tịch UBND phường',
        }),
        201,
      );
      sessionId = body.id;
      expect(body.status).toBe('scheduled');
      const twice = await head.request('POST', '/api/v1/listening-sessions', {
        heldOn: '2026-05-22',
        place: 'Hội trường Tổ dân phố số 2',
        chairedBy: 'Chủ tịch UBND phường',
      });
      expect(twice.statusCode).toBe(409);
    });

    it('records attendees and a matter raised, which becomes a feedback item with its deadline', async () => {
      const early = await head.request('POST', `/api/v1/listening-sessions/${sessionId}/items`, {
        kind: 'phan_anh',
        category: 'moi-truong',
        text: 'Rác thải tập kết sai giờ ở đầu ngõ 7.',
        raisedBy: 'Bà Phạm Thị Lan',
      });
      expect(early.statusCode).toBe(409);
      await moveClock('2026-05-22T10:00:00+07:00');
      const held = ok(
        await head.request('POST', `/api/v1/listening-sessions/${sessionId}/attendance`, {
          attendees: ['Bà Phạm Thị Lan', 'Ông Đỗ Văn Hùng'],
          attendeeCount: 35,
        }),
        200,
      );
      expect(held).toMatchObject({ status: 'held', attendeeCount: 35 });
      const item = ok(
        await head.request('POST', `/api/v1/listening-sessions/${sessionId}/items`, {
          kind: 'phan_anh',
          category: 'moi-truong',
          text: 'Rác thải tập kết sai giờ ở đầu ngõ 7, bốc mùi cả buổi sáng.',
          raisedBy: 'Bà Phạm Thị Lan',
        }),
        201,
      );
      expect(item.dueDate).toBe('2026-06-05');
      const session = ok(await head.request('GET', `/api/v1/listening-sessions/${sessionId}`), 200);
      expect(session.items).toEqual([
        expect.objectContaining({
          raisedBy: 'Bà Phạm Thị Lan',
          code: item.code,
          source: 'friday_session',
          dueDate: '2026-06-05',
        }),
      ]);
    });

    it('schedules the coming Fridays weekly, skipping the one that already has a session', async () => {
      const body = ok(
        await head.request('POST', '/api/v1/listening-sessions/weekly', {
          weeks: 3,
          place: 'Hội trường Tổ dân phố số 2',
          chairedBy: 'Chủ tịch UBND phường',
        }),
        201,
      );
      expect(body.created.map((s: { heldOn: string }) => s.heldOn)).toEqual(['2026-05-29', '2026-06-05']);
      expect(body.skipped).toEqual([{ date: '2026-05-22', reason: 'Đã có buổi trong ngày này.' }]);
      const list = ok(await head.request('GET', '/api/v1/listening-sessions'), 200);
      expect(list.fridaysWithout.map((f: { date: string }) => f.date).slice(0, 1)).toEqual(['2026-06-12']);
    });
  });
});
