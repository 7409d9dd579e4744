import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { manualClock } from '../../src/platform/clock';
import { signIn, startTestPlatform, type TestPlatform } from '../support/app';
import { BIRTH, ok, ratingDesk, RESIDENCE } from '../support/ratings';

// The ward's satisfaction figures (vn-rules §1.5: per quarter, percentages of ballots) and the ballots behind
// each one. Four ballots are cast in quarter II (April 2026, before the 30/4 holiday), one in quarter I at
// 23:30 on its last day, Vietnam time.
const clock = manualClock(new Date('2026-03-30T09:00:00+07:00'));

describe('satisfaction figures', () => {
  let platform: TestPlatform;
  let desk: ReturnType<typeof ratingDesk>;
  let counterOfficerId = '';

  beforeAll(async () => {
    platform = await startTestPlatform({ clock });
    desk = ratingDesk(platform, clock);
    await desk.at('2026-03-30T09:00:00+07:00');
    const [me] = await desk.rows<{ id: string }>("SELECT id FROM staff_accounts WHERE username = 'motcua'");
    counterOfficerId = me?.id ?? '';
    const lastOfMarch = await desk.returned();
    clock.set(new Date('2026-03-31T23:30:00+07:00'));
    expect((await desk.rate(lastOfMarch, { level: 'khong_hai_long' })).statusCode).toBe(201);
  });
  afterAll(() => platform.close());

  it('give the ward’s, each procedure’s and each officer’s satisfaction, and their lists agree', async () => {
    await desk.at('2026-04-06T09:00:00+07:00');
    const ballots: [string, Record<string, unknown>][] = [
      [RESIDENCE, { level: 'rat_hai_long', officerLevel: 'hai_long' }],
      [RESIDENCE, { level: 'hai_long' }],
      [RESIDENCE, { level: 'khong_hai_long', officerLevel: 'khong_hai_long', comment: 'Chờ lâu' }],
      [BIRTH, { level: 'rat_hai_long', officerLevel: 'rat_hai_long' }],
    ];
    for (const [procedure, ballot] of ballots) {
      const code = await desk.returned(procedure);
      expect((await desk.rate(code, ballot)).statusCode).toBe(201);
    }
    const reader = await signIn(platform.app, 'giamsat');
    const answer = await ok(reader.request('GET', '/api/v1/indicators/satisfaction?quarter=2026-Q2'));
    expect(answer.period).toEqual({
      from: '2026-04-01',
      to: '2026-06-30',
      quarter: { key: '2026-Q2', label: 'Quý II năm 2026' },
    });
    expect(answer.ward).toEqual({ code: '10507', name: 'Phường Thành Đông' });
    type Fig = { key: string; value: number | null; display: string; numerator?: number; href: string };
    const values = (figures: Fig[]) => Object.fromEntries(figures.map((f) => [f.key, f.value]));
    expect(values(answer.figures)).toEqual({
      ballots: 4,
      rat_hai_long: 2,
      hai_long: 1,
      khong_hai_long: 1,
      satisfiedPercent: 75,
    });
    // By name: “Đăng ký thường trú” before “Thủ tục đăng ký khai sinh”.
    expect(
      answer.procedures.map((p: { code: string; figures: Fig[] }) => [p.code, values(p.figures)]),
    ).toEqual([
      [RESIDENCE, { ballots: 3, rat_hai_long: 1, hai_long: 1, khong_hai_long: 1, satisfiedPercent: 66.7 }],
      [BIRTH, { ballots: 1, rat_hai_long: 1, hai_long: 0, khong_hai_long: 0, satisfiedPercent: 100 }],
    ]);
    expect(answer.officers).toHaveLength(1);
    expect(answer.officers[0]).toMatchObject({ id: counterOfficerId, name: 'Trần Thị Hằng' });
    expect(values(answer.officers[0].figures)).toEqual({
      ballots: 3,
      rat_hai_long: 1,
      hai_long: 1,
      khong_hai_long: 1,
      satisfiedPercent: 66.7,
    });

    const groups: Fig[][] = [
      answer.figures,
      ...answer.procedures.map((p: { figures: Fig[] }) => p.figures),
      ...answer.officers.map((o: { figures: Fig[] }) => o.figures),
    ];
    for (const figure of groups.flat()) {
      const list = await ok(reader.request('GET', figure.href));
      expect(list.items.length, figure.href).toBe(figure.numerator ?? figure.value);
    }
    const unsatisfied = answer.figures.find((f: Fig) => f.key === 'khong_hai_long');
    const [item] = (await ok(reader.request('GET', unsatisfied.href))).items;
    expect(item).toMatchObject({
      level: 'khong_hai_long',
      levelLabel: 'Không hài lòng',
      comment: 'Chờ lâu',
    });
  });

  it('stay inside the ward: another ward’s staff see none of it; the city reviewer may look', async () => {
    await desk.at('2026-04-07T09:00:00+07:00');
    const otherWard = await signIn(platform.app, 'hd.motcua');
    const url = '/api/v1/indicators/satisfaction?quarter=2026-Q2';
    const refused = await otherWard.request('GET', `${url}&ward=10507`);
    expect(refused.statusCode).toBe(403);
    const list = await otherWard.request(
      'GET',
      `${url.replace('satisfaction?', 'satisfaction/ratings?figure=ballots&')}&ward=10507`,
    );
    expect(list.statusCode).toBe(403);
    const own = await ok(otherWard.request('GET', url));
    expect(own.ward.code).toBe('10525');
    expect(own.figures.find((f: { key: string }) => f.key === 'ballots').value).toBe(0);
    expect(own.officers).toEqual([]);
    const city = await ok((await signIn(platform.app, 'thanhpho')).request('GET', `${url}&ward=10507`));
    expect(city.figures.find((f: { key: string }) => f.key === 'ballots').value).toBe(4);
  });

  it('count a ballot in the quarter of its day, Vietnam time; default to the current quarter', async () => {
    await desk.at('2026-04-07T10:00:00+07:00');
    const reader = await signIn(platform.app, 'motcua');
    const ballots = async (query: string) => {
      const answer = await ok(reader.request('GET', `/api/v1/indicators/satisfaction${query}`));
      return [answer.period.quarter?.key ?? null, answer.figures[0].value];
    };
    expect(await ballots('')).toEqual(['2026-Q2', 4]);
    expect((await ok(reader.request('GET', '/api/v1/indicators/satisfaction'))).period).toEqual({
      from: '2026-04-01',
      to: '2026-06-30',
      quarter: { key: '2026-Q2', label: 'Quý II năm 2026' },
    });
    expect(await ballots('?quarter=2026-Q1')).toEqual(['2026-Q1', 1]);
    expect(await ballots('?from=2026-03-31&to=2026-04-06')).toEqual([null, 5]);
    expect(await ballots('?from=2026-04-01')).toEqual([null, 4]);
    for (const query of [
      '?quarter=2026-Q1&from=2026-01-01',
      '?from=2026-03-31&to=2026-03-01',
      '?from=2025-01-01&to=2026-03-01',
      '?quarter=2026-Q5',
    ]) {
      const refused = await reader.request('GET', `/api/v1/indicators/satisfaction${query}`);
      expect(refused.statusCode, query).toBe(400);
      expect(refused.json().error.code).toBe('VALIDATION_FAILED');
    }
  });
});
