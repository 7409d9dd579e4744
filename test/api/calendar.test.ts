import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signIn, startTestPlatform, type Agent, type TestPlatform } from '../support/app';

interface DueDateAnswer {
  receivedAt: string;
  receiptDay: string;
  dueDate: string;
  basis: string;
}

interface CalendarDayAnswer {
  date: string;
  kind: 'day_off' | 'working_day';
  reason: string;
  legalBasis: string;
  source: string;
}

describe('working calendar over HTTP', () => {
  let platform: TestPlatform;
  let hethong: Agent;

  function get(url: string) {
    return platform.app.inject({ method: 'GET', url });
  }

  async function dueDate(receivedAt: string, count: { workingDays?: number; calendarDays?: number }) {
    const query = new URLSearchParams({ receivedAt });
    for (const [name, value] of Object.entries(count)) query.set(name, String(value));
    const response = await get(`/api/v1/calendar/due-date?${query}`);
    expect(response.statusCode, response.body).toBe(200);
    return response.json<DueDateAnswer>();
  }

  beforeAll(async () => {
    platform = await startTestPlatform();
    hethong = await signIn(platform.app, 'hethong');
  });
  afterAll(() => platform.close());

  it.each([
    ['Tết Bính Ngọ: Friday 13/02/2026, 1 working day', '2026-02-13T10:00:00+07:00', 1, '2026-02-23'],
    ['Giỗ Tổ 2026 (nghỉ bù Monday 27/04): Friday 24/04', '2026-04-24T10:00:00+07:00', 1, '2026-04-28'],
    ['30/4 – 1/5: Wednesday 29/04/2026', '2026-04-29T10:00:00+07:00', 1, '2026-05-04'],
    ['Tết Dương lịch 2027: Thursday 31/12/2026', '2026-12-31T10:00:00+07:00', 1, '2027-01-04'],
    ['the working Saturday 10/01/2026: Friday 09/01', '2026-01-09T10:00:00+07:00', 1, '2026-01-10'],
    [
      'Tết Dương lịch 2026 with the swapped Friday: Wednesday 31/12/2025',
      '2025-12-31T10:00:00+07:00',
      1,
      '2026-01-05',
    ],
    ['same day, received 10:00 (before the 15:00 cutoff)', '2026-03-10T10:00:00+07:00', 0, '2026-03-10'],
    ['same day, received 15:30 (after the cutoff)', '2026-03-10T15:30:00+07:00', 0, '2026-03-11'],
  ])('%s → %s', async (_name, receivedAt, workingDays, expected) => {
    const answer = await dueDate(receivedAt, { workingDays });
    expect(answer.dueDate).toBe(expected);
    expect(answer.receivedAt).toBe(receivedAt);
    expect(answer.basis).toMatch(/Nghị định 118\/2025\/NĐ-CP/);
  });

  it('30 calendar days from 16/01/2026 end on 15/02 inside Tết, so the deadline moves to 23/02', async () => {
    const answer = await dueDate('2026-01-16T10:00:00+07:00', { calendarDays: 30 });
    expect(answer.dueDate).toBe('2026-02-23');
    expect(answer.basis).toContain('Bộ luật Dân sự 2015, điều 148 khoản 5');
    expect(answer.basis).toContain('15/02/2026');
  });

  it('explains the deadline in Vietnamese', async () => {
    const answer = await dueDate('2026-02-13T10:00:00+07:00', { workingDays: 1 });
    expect(answer.basis).toContain('Thời hạn 1 ngày làm việc');
    expect(answer.basis).toContain('23/02/2026');
  });

  it.each([
    ['receivedAt missing', 'workingDays=1', 'receivedAt'],
    ['receivedAt without a UTC offset', 'receivedAt=2026-03-10T10:00:00&workingDays=1', 'receivedAt'],
    ['receivedAt not a date', 'receivedAt=hom-nay&workingDays=1', 'receivedAt'],
    ['negative workingDays', 'receivedAt=2026-03-10T10:00:00%2B07:00&workingDays=-1', 'workingDays'],
    ['fractional workingDays', 'receivedAt=2026-03-10T10:00:00%2B07:00&workingDays=1.5', 'workingDays'],
    [
      'both workingDays and calendarDays',
      'receivedAt=2026-03-10T10:00:00%2B07:00&workingDays=1&calendarDays=3',
      'workingDays',
    ],
    ['neither workingDays nor calendarDays', 'receivedAt=2026-03-10T10:00:00%2B07:00', 'workingDays'],
  ])('due-date with %s → 400 naming the field', async (_name, query, field) => {
    const response = await get(`/api/v1/calendar/due-date?${query}`);
    expect(response.statusCode).toBe(400);
    const { error } = response.json<{
      error: { code: string; message: string; fields: Record<string, string> };
    }>();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(error.fields)).toContain(field);
    expect(error.message).toContain(`Thông tin chưa hợp lệ ở trường: `);
    expect(error.message).toContain(field);
  });

  it('says in Vietnamese what a good receivedAt and a good count look like', async () => {
    const noOffset = await get('/api/v1/calendar/due-date?receivedAt=2026-03-10T10:00:00&workingDays=1');
    expect(noOffset.json().error.fields.receivedAt).toContain('ISO 8601 kèm múi giờ');
    const both = await get(
      '/api/v1/calendar/due-date?receivedAt=2026-03-10T10:00:00%2B07:00&workingDays=1&calendarDays=3',
    );
    expect(both.json().error.fields.workingDays).toContain('Cần đúng một trong hai');
  });

  it('days?year=abc → 400 naming year; out-of-range years too', async () => {
    for (const year of ['abc', '1999', '2101', '']) {
      const response = await get(`/api/v1/calendar/days?year=${year}`);
      expect(response.statusCode, year).toBe(400);
      expect(response.json().error.code).toBe('VALIDATION_FAILED');
      expect(Object.keys(response.json().error.fields)).toEqual(['year']);
    }
    const missing = await get('/api/v1/calendar/days');
    expect(missing.statusCode).toBe(400);
    expect(Object.keys(missing.json().error.fields)).toEqual(['year']);
  });

  it('lists the days off and the working days of 2026 with their reasons', async () => {
    const response = await get('/api/v1/calendar/days?year=2026');
    expect(response.statusCode).toBe(200);
    const { year, days } = response.json<{ year: number; days: CalendarDayAnswer[] }>();
    expect(year).toBe(2026);
    const byDate = new Map(days.map((d) => [d.date, d]));
    for (const date of ['2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20']) {
      expect(byDate.get(date), date).toMatchObject({
        kind: 'day_off',
        reason: expect.stringContaining('Tết'),
      });
    }
    expect(byDate.get('2026-01-10')).toEqual({
      date: '2026-01-10',
      kind: 'working_day',
      reason: 'Làm bù thứ Bảy cho ngày nghỉ hoán đổi 02/01/2026',
      legalBasis: 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ',
      source: 'adjustment',
      provisional: false,
    });
    expect(days.every((d) => d.reason.length > 0 && d.legalBasis.length > 0)).toBe(true);
    expect(days.map((d) => d.date)).toEqual([...days.map((d) => d.date)].sort());
  });

  it('an extra day off added by the system administrator moves deadlines at once; deleting it restores them', async () => {
    const received = '2026-03-10T10:00:00+07:00';
    expect((await dueDate(received, { workingDays: 1 })).dueDate).toBe('2026-03-11');

    const added = await hethong.request('POST', '/api/v1/calendar/adjustments', {
      date: '2026-03-11',
      kind: 'day_off',
      reason: 'Nghỉ đột xuất do bão',
      legalBasis: 'Công điện thử nghiệm số 1/CĐ-UBND',
    });
    expect(added.statusCode).toBe(201);
    expect((await dueDate(received, { workingDays: 1 })).dueDate).toBe('2026-03-12');
    const listed = await get('/api/v1/calendar/days?year=2026');
    expect(listed.json<{ days: CalendarDayAnswer[] }>().days).toContainEqual(
      expect.objectContaining({ date: '2026-03-11', kind: 'day_off', reason: 'Nghỉ đột xuất do bão' }),
    );

    const removed = await hethong.request('DELETE', '/api/v1/calendar/adjustments/2026-03-11');
    expect(removed.statusCode).toBe(204);
    expect((await dueDate(received, { workingDays: 1 })).dueDate).toBe('2026-03-11');
    const again = await hethong.request('DELETE', '/api/v1/calendar/adjustments/2026-03-11');
    expect(again.statusCode).toBe(404);
    expect(again.json().error).toEqual({
      code: 'NOT_FOUND',
      message: 'Không có điều chỉnh lịch cho ngày này.',
    });
  });

  it('refuses a malformed adjustment, naming the fields', async () => {
    const response = await hethong.request('POST', '/api/v1/calendar/adjustments', {
      date: '2026-02-30',
      kind: 'holiday',
      reason: 'x',
      legalBasis: 'Quyết định',
    });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json().error.fields).sort()).toEqual(['date', 'kind', 'reason']);
  });
});
