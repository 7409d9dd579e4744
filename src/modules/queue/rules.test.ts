import { describe, expect, it } from 'vitest';
import {
  checkAction,
  computeFigures,
  countersOf,
  FIGURE_KEYS,
  formatDuration,
  groupOf,
  groupsOf,
  percentile,
  SERVICE_GROUPS,
  ticketCode,
  ticketsOf,
  type TicketRow,
} from './rules';

const at = (time: string) => new Date(`2026-03-10T${time}+07:00`);

function ticket(code: string, times: Partial<TicketRow> = {}): TicketRow {
  return {
    id: code,
    code,
    day: '2026-03-10',
    groupKey: 'tu-phap-ho-tich',
    status: 'waiting',
    channel: 'kiosk',
    issuedAt: at('08:00:00'),
    calledAt: null,
    finishedAt: null,
    counterId: null,
    counterName: null,
    calledByName: null,
    ...times,
  };
}

describe('service groups and numbers (quy định của phường)', () => {
  it('gives each group its own letter', () => {
    expect(SERVICE_GROUPS.map((g) => g.letter)).toEqual(['A', 'B', 'C', 'D']);
    expect(new Set(SERVICE_GROUPS.map((g) => g.key)).size).toBe(SERVICE_GROUPS.length);
    expect(groupOf('chung-thuc')?.name).toBe('Chứng thực');
    expect(groupOf('khong-co')).toBeUndefined();
  });

  it('writes the number in three digits after the letter', () => {
    expect(ticketCode('A', 1)).toBe('A001');
    expect(ticketCode('A', 15)).toBe('A015');
    expect(ticketCode('D', 999)).toBe('D999');
  });
});

describe("a ticket's steps", () => {
  const today = '2026-03-10';
  const called = { status: 'called' as const, day: today, code: 'A015' };

  it('serves, marks absent or calls again only a called ticket', () => {
    expect(checkAction(called, 'served', today)).toEqual({ ok: true, to: 'served' });
    expect(checkAction(called, 'no-show', today)).toEqual({ ok: true, to: 'no_show' });
    expect(checkAction(called, 'recall', today)).toEqual({ ok: true, to: 'called' });
    for (const status of ['waiting', 'served', 'no_show'] as const) {
      for (const action of ['served', 'no-show', 'recall'] as const) {
        const check = checkAction({ ...called, status }, action, today);
        expect(check.ok, `${status} → ${action}`).toBe(false);
      }
    }
    expect(checkAction({ ...called, status: 'no_show' }, 'recall', today)).toEqual({
      ok: false,
      message:
        'Số A015 đang ở trạng thái “Vắng mặt”: chỉ số đã gọi mới được đánh dấu đã phục vụ, vắng mặt hoặc gọi lại.',
    });
  });

  it('calls again only on the ticket’s own day, but still closes an older one', () => {
    const yesterday = { ...called, day: '2026-03-09' };
    expect(checkAction(yesterday, 'recall', today)).toEqual({
      ok: false,
      message: 'Số A015 được cấp ngày khác: không gọi lại được.',
    });
    expect(checkAction(yesterday, 'served', today)).toEqual({ ok: true, to: 'served' });
  });
});

describe('durations', () => {
  it('reads in Vietnamese', () => {
    expect(formatDuration(0)).toBe('0 giây');
    expect(formatDuration(45)).toBe('45 giây');
    expect(formatDuration(60)).toBe('1 phút');
    expect(formatDuration(750)).toBe('12 phút 30 giây');
    expect(formatDuration(3600)).toBe('1 giờ');
    expect(formatDuration(3900)).toBe('1 giờ 5 phút');
    expect(formatDuration(3959)).toBe('1 giờ 5 phút');
  });

  it('takes the nearest-rank percentile', () => {
    expect(percentile([], 0.9)).toBeNull();
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 0.9)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10);
    expect(percentile([300, 60], 0.9)).toBe(300);
  });
});

describe('figures', () => {
  // Four tickets of a morning: one served (waited 10 min, served 5 min), one absent (waited 20 min), one called
  // and still at the counter (waited 30 min), one still waiting.
  const rows = [
    ticket('A001', {
      status: 'served',
      calledAt: at('08:10:00'),
      finishedAt: at('08:15:00'),
      counterId: '10507-10',
      counterName: 'Quầy số 10 – Tư pháp – Hộ tịch',
    }),
    ticket('D001', {
      groupKey: 'chung-thuc',
      status: 'no_show',
      calledAt: at('08:20:00'),
      finishedAt: at('08:21:00'),
      counterId: '10507-9',
      counterName: 'Quầy số 9 – Chứng thực',
    }),
    ticket('A002', {
      issuedAt: at('08:01:00'),
      status: 'called',
      calledAt: at('08:31:00'),
      counterId: '10507-10',
      counterName: 'Quầy số 10 – Tư pháp – Hộ tịch',
    }),
    ticket('A003', { issuedAt: at('08:02:00') }),
  ];

  it('counts and measures each ticket where it belongs', () => {
    const figures = Object.fromEntries(computeFigures(rows).map((f) => [f.key, f]));
    expect(figures.issued).toMatchObject({ value: 4, display: '4', tickets: 4 });
    expect(figures.served).toMatchObject({ value: 1, tickets: 1 });
    expect(figures.noShow).toMatchObject({ value: 1, tickets: 1 });
    expect(figures.notCalled).toMatchObject({ value: 1, tickets: 1 });
    expect(figures.servedPercent).toMatchObject({ value: 25, display: '25 %', tickets: 1, denominator: 4 });
    // Waits of the three called tickets: 10, 20 and 30 minutes.
    expect(figures.waitAverage).toMatchObject({ value: 1200, display: '20 phút', tickets: 3 });
    expect(figures.waitP90).toMatchObject({ value: 1800, display: '30 phút', tickets: 3 });
    expect(figures.serviceAverage).toMatchObject({ value: 300, display: '5 phút', tickets: 1 });
  });

  it('says so when nothing is measured', () => {
    const figures = Object.fromEntries(computeFigures([]).map((f) => [f.key, f]));
    expect(figures.issued?.display).toBe('0');
    expect(figures.waitAverage).toMatchObject({ value: null, display: 'chưa có lượt', tickets: 0 });
    expect(figures.servedPercent).toMatchObject({ value: null, display: 'chưa có lượt', denominator: 0 });
  });

  it('lists, for every figure, exactly the tickets it counts, oldest first', () => {
    for (const figure of computeFigures(rows)) {
      const listed = ticketsOf(rows, figure.key);
      expect(listed.length, figure.key).toBe(figure.tickets);
    }
    expect(ticketsOf(rows, 'waitAverage').map((r) => r.code)).toEqual(['A001', 'D001', 'A002']);
    expect(FIGURE_KEYS).toHaveLength(computeFigures(rows).length);
  });

  it('names the counters by number and the groups in the catalogue’s order', () => {
    expect(countersOf(rows)).toEqual([
      { id: '10507-9', name: 'Quầy số 9 – Chứng thực' },
      { id: '10507-10', name: 'Quầy số 10 – Tư pháp – Hộ tịch' },
    ]);
    expect(groupsOf(rows).map((g) => g.key)).toEqual(['tu-phap-ho-tich', 'chung-thuc']);
  });
});
