import { describe, expect, it } from 'vitest';
import { OFFICIAL_ADJUSTMENTS_2025_2026 } from '../../platform/calendar/official-adjustments';
import { buildCalendar, DEFAULT_OFFICE_HOURS } from '../../platform/calendar/rules';
import {
  AMENDMENT_2025_FROM,
  answeredOnTime,
  applyCorrections,
  complaintLimitation,
  DEADLINE_KEYS,
  DEADLINE_RULES,
  deadline,
  denunciationResolution,
  mergeTargetProblem,
  normaliseTrackingCode,
  photosProblem,
  photoType,
  ruleOn,
  stepProblem,
  timeliness,
  trackingCode,
  TRACKING_CODE,
  withinLimitation,
  type DeadlineKey,
  type ItemState,
} from './rules';

const calendar = buildCalendar(OFFICIAL_ADJUSTMENTS_2025_2026);
const ctx = { hours: DEFAULT_OFFICE_HOURS, calendar };
const vn = (local: string) => new Date(`${local}+07:00`);
const due = (key: DeadlineKey, local: string, extra = 0) => deadline(key, vn(local), ctx, extra);

describe('the rule table', () => {
  it('has, for every rule, a version in force before and after the 2025 amendment, one at a time', () => {
    for (const key of DEADLINE_KEYS) {
      for (const day of ['2019-06-01', '2026-06-30', AMENDMENT_2025_FROM, '2030-01-01'])
        expect(ruleOn(key, day).key).toBe(key);
      const versions = DEADLINE_RULES.filter((r) => r.key === key);
      versions.forEach((v, i) => expect(v.effectiveTo).toBe(versions[i + 1]?.effectiveFrom ?? null));
    }
  });

  it('names a legal basis for every version and says what is unconfirmed', () => {
    for (const rule of DEADLINE_RULES) {
      expect(rule.legalBasis).toMatch(/Luật|Nghị định|Thông tư/);
      if (!rule.confirmed) expect(rule.note).toBeTruthy();
    }
    expect(ruleOn('feedback.answer', '2026-03-02')).toMatchObject({ days: 10, confirmed: false });
  });

  it('has no version before the law came into force', () => {
    expect(() => ruleOn('complaint.acceptance', '2012-06-30')).toThrow(RangeError);
    expect(() => ruleOn('denunciation.initial', '2018-12-31')).toThrow(RangeError);
  });
});

describe('deadlines in calendar days ("ngày"): the last day moves to the next working day', () => {
  it('a complaint accepted on 16/01/2026: 30 days end on Sunday 15/02 in the Tết break, so on 23/02/2026', () => {
    const d = due('complaint.resolution', '2026-01-16T10:00:00');
    expect(d.dueDate).toBe('2026-02-23');
    expect(d.basis).toContain('Bộ luật Dân sự 2015, điều 148 khoản 5');
    expect(d.basis).toContain('Luật Khiếu nại 2011 (02/2011/QH13), điều 28');
  });

  it('a complex complaint accepted on 16/01/2026: 45 days, Monday 02/03/2026', () => {
    expect(due('complaint.resolution_complex', '2026-01-16T10:00:00').dueDate).toBe('2026-03-02');
  });

  it('limitation: a decision known on 16/11/2025 may be complained of until 23/02/2026 (90 days end in Tết)', () => {
    const limitation = complaintLimitation(vn('2025-11-16T08:00:00'), 0, ctx);
    expect(limitation.dueDate).toBe('2026-02-23');
    expect(withinLimitation(vn('2026-02-23T16:00:00'), limitation)).toBe(true);
    expect(withinLimitation(vn('2026-02-24T08:00:00'), limitation)).toBe(false);
  });

  it('limitation: days of an objective obstacle are not counted', () => {
    expect(complaintLimitation(vn('2025-11-16T08:00:00'), 5, ctx).dueDate).toBe('2026-02-23'); // Thu 19/02, Tết
    expect(complaintLimitation(vn('2025-11-16T08:00:00'), 10, ctx).dueDate).toBe('2026-02-24');
    expect(() => complaintLimitation(vn('2025-11-16T08:00:00'), -1, ctx)).toThrow(RangeError);
  });

  it('appeal: 30 days after the first decision', () => {
    expect(due('complaint.appeal', '2026-03-02T09:00:00').dueDate).toBe('2026-04-01');
  });
});

describe('complaint acceptance: 10 working days, 7 from 01/07/2026 (Law 136/2025/QH15)', () => {
  it('received on Tuesday 30/06/2026: the old rule, 10 working days, Tuesday 14/07/2026', () => {
    const d = due('complaint.acceptance', '2026-06-30T09:00:00');
    expect(d.rule).toMatchObject({ days: 10, effectiveTo: '2026-07-01', confirmed: true });
    expect(d.dueDate).toBe('2026-07-14');
  });

  it('received on Wednesday 01/07/2026: the amended rule, 7 working days, Friday 10/07/2026 — unconfirmed', () => {
    const d = due('complaint.acceptance', '2026-07-01T09:00:00');
    expect(d.rule).toMatchObject({ days: 7, effectiveFrom: '2026-07-01', confirmed: false });
    expect(d.dueDate).toBe('2026-07-10');
    expect(d.basis).toContain('136/2025/QH15');
    expect(d.basis).toContain('chưa được xác nhận');
  });

  it('received online on 30/06/2026 at 20:00: the rule of that day, counted from the next working day', () => {
    const d = due('complaint.acceptance', '2026-06-30T20:00:00');
    expect(d).toMatchObject({ receiptDay: '2026-07-01', dueDate: '2026-07-15' });
    expect(d.rule.days).toBe(10);
  });
});

describe('deadlines in working days on the legal calendar', () => {
  it('the decision is sent within 3 working days: issued Friday 13/02/2026 → Wednesday 25/02/2026', () => {
    expect(due('complaint.send_decision', '2026-02-13T10:00:00').dueDate).toBe('2026-02-25');
  });

  it('denunciation received Friday 24/04/2026: initial processing by 08/05 (7 wd), extended to 13/05 (10 wd)', () => {
    // 27/04 (Giỗ Tổ, nghỉ bù), 30/04 and 01/05 are days off.
    expect(due('denunciation.initial', '2026-04-24T09:00:00').dueDate).toBe('2026-05-08');
    expect(due('denunciation.initial_extended', '2026-04-24T09:00:00').dueDate).toBe('2026-05-13');
  });

  it('a denunciation outside competence is forwarded within 5 working days: 24/04/2026 → 06/05/2026', () => {
    expect(due('denunciation.forward', '2026-04-24T09:00:00').dueDate).toBe('2026-05-06');
  });

  it('the acceptance of a denunciation is notified within 5 working days', () => {
    expect(due('denunciation.notify_acceptance', '2026-03-02T09:00:00').dueDate).toBe('2026-03-09');
  });

  it('the visitor of a citizen reception is answered within 10 working days: 13/02/2026 → 06/03/2026', () => {
    const d = due('reception.answer', '2026-02-13T10:00:00');
    expect(d.dueDate).toBe('2026-03-06');
    expect(d.basis).toContain('Luật Tiếp công dân 2013 (42/2013/QH13), điều 28');
  });

  it('a feedback item is answered within 10 working days (unconfirmed): 13/02/2026 → 06/03/2026', () => {
    const d = due('feedback.answer', '2026-02-13T10:00:00');
    expect(d.dueDate).toBe('2026-03-06');
    expect(d.basis).toContain('chưa được xác nhận');
    expect(d.basis).toMatch(/Luật Tiếp công dân\.$/);
  });
});

describe("an administrator's correction of an unconfirmed value", () => {
  it('changes the deadline of records received while that version is in force, and nothing else', () => {
    const rules = applyCorrections(DEADLINE_RULES, [
      {
        key: 'feedback.answer',
        effectiveFrom: '2014-07-01',
        days: 15,
        dayKind: 'working',
        legalBasis: 'Quyết định của UBND phường số 1/QĐ-UBND',
        confirmed: true,
        note: null,
      },
      {
        key: 'complaint.acceptance',
        effectiveFrom: '2000-01-01', // no such version: ignored
        days: 1,
        dayKind: 'working',
        legalBasis: 'x',
        confirmed: true,
        note: null,
      },
    ]);
    const d = deadline('feedback.answer', vn('2026-02-13T10:00:00'), { ...ctx, rules });
    expect(d.dueDate).toBe('2026-03-13');
    expect(d.basis).toContain('Quyết định của UBND phường số 1/QĐ-UBND');
    expect(d.basis).not.toContain('chưa được xác nhận');
    expect(deadline('complaint.acceptance', vn('2026-06-30T09:00:00'), { ...ctx, rules }).dueDate).toBe(
      '2026-07-14',
    );
  });
});

describe('denunciation resolution: 30 days, extended once (complex) or twice (very complex), ≤ 30 days each', () => {
  const accepted = vn('2026-03-02T09:00:00');
  const ext = (days: number, reason = 'Cần xác minh thêm tại nhiều nơi') => ({ days, reason });

  it('ordinary: 30 days, Wednesday 01/04/2026', () => {
    const r = denunciationResolution(accepted, 'normal', [], ctx);
    expect(r.ok && r.deadline.dueDate).toBe('2026-04-01');
  });

  it('complex, one extension of 30 days: 60 days end on 01/05/2026 (a holiday), so Monday 04/05/2026', () => {
    const r = denunciationResolution(accepted, 'complex', [ext(30)], ctx);
    expect(r.ok && r.deadline.dueDate).toBe('2026-05-04');
  });

  it('very complex, two extensions: 90 days end on Sunday 31/05/2026, so Monday 01/06/2026', () => {
    const r = denunciationResolution(accepted, 'very_complex', [ext(30), ext(30)], ctx);
    expect(r.ok && r.deadline.dueDate).toBe('2026-06-01');
  });

  it('refuses an extension the case does not allow, a longer one, and one without a reason', () => {
    const codes = (r: ReturnType<typeof denunciationResolution>) => (r.ok ? [] : r.errors.map((e) => e.code));
    expect(codes(denunciationResolution(accepted, 'normal', [ext(10)], ctx))).toEqual([
      'TOO_MANY_EXTENSIONS',
    ]);
    expect(codes(denunciationResolution(accepted, 'complex', [ext(10), ext(10)], ctx))).toEqual([
      'TOO_MANY_EXTENSIONS',
    ]);
    expect(codes(denunciationResolution(accepted, 'very_complex', [ext(31), ext(0, ' ')], ctx))).toEqual([
      'EXTENSION_TOO_LONG',
      'EXTENSION_TOO_LONG',
      'EXTENSION_WITHOUT_REASON',
    ]);
  });

  it('after 01/07/2026 keeps 30 days but says the day type is unconfirmed', () => {
    const r = denunciationResolution(vn('2026-07-01T09:00:00'), 'normal', [], ctx);
    expect(r.ok && r.deadline.dueDate).toBe('2026-07-31');
    expect(r.ok && r.deadline.basis).toContain('chưa được xác nhận');
  });
});

describe('tracking codes', () => {
  it('are PA- and eight symbols of an alphabet without I, L, O, U', () => {
    expect(trackingCode(Uint8Array.from([0, 1, 2, 3, 4, 5, 6, 7]))).toBe('PA-0123-4567');
    expect(trackingCode(Uint8Array.from([31, 30, 29, 28, 18, 19, 20, 32]))).toBe('PA-ZYXW-JKM0');
    expect(trackingCode(Uint8Array.from([31, 30, 29, 28, 18, 19, 20, 32]))).toMatch(TRACKING_CODE);
    expect(() => trackingCode(new Uint8Array(7))).toThrow(RangeError);
  });

  it('forgive case, spaces, dashes and look-alike letters when typed', () => {
    expect(normaliseTrackingCode(' pa 0123 4567 ')).toBe('PA-0123-4567');
    expect(normaliseTrackingCode('oi23–4567')).toBe('PA-0123-4567');
    expect(normaliseTrackingCode('PA-PA12-3456')).toBe('PA-PA12-3456');
    expect(normaliseTrackingCode('PA-0123-456U')).toBeNull();
    expect(normaliseTrackingCode('10507-260213-0001')).toBeNull();
  });
});

describe('photos are checked by their bytes', () => {
  const jpeg = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]);
  const png = Uint8Array.from([
    0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0,
    1,
  ]);
  const gif = new TextEncoder().encode('GIF89a..........');

  it('knows JPEG and PNG, nothing else', () => {
    expect(photoType(jpeg)).toBe('image/jpeg');
    expect(photoType(png)).toBe('image/png');
    expect(photoType(gif)).toBeNull();
    expect(photoType(png.subarray(0, 16))).toBeNull();
  });

  it('takes at most five, each at most 3 MB', () => {
    expect(photosProblem([jpeg, png])).toBeNull();
    expect(photosProblem([jpeg, jpeg, jpeg, jpeg, jpeg, jpeg])).toBe('Xin gửi tối đa 5 ảnh.');
    expect(photosProblem([jpeg, gif])).toBe('Ảnh thứ 2 không phải ảnh JPEG hoặc PNG.');
    const big = new Uint8Array(3 * 1024 * 1024 + 1);
    big.set(jpeg);
    expect(photosProblem([big])).toBe('Ảnh lớn hơn 3 MB; xin chọn ảnh nhỏ hơn.');
  });
});

describe('the steps of an item', () => {
  const item = (over: Partial<ItemState>): ItemState => ({
    status: 'received',
    publishConsent: true,
    publishedAt: null,
    rated: false,
    ...over,
  });

  it('routes, then answers, then publishes with consent, then takes one rating', () => {
    expect(stepProblem('answer', item({}))).toMatch(/chuyển phản ánh/);
    expect(stepProblem('route', item({}))).toBeNull();
    expect(stepProblem('answer', item({ status: 'routed' }))).toBeNull();
    expect(stepProblem('publish', item({ status: 'routed' }))).toMatch(/đã được trả lời/);
    expect(stepProblem('publish', item({ status: 'answered' }))).toBeNull();
    expect(stepProblem('publish', item({ status: 'answered', publishConsent: false }))).toMatch(
      /không đồng ý/,
    );
    expect(stepProblem('publish', item({ status: 'answered', publishedAt: new Date() }))).toMatch(
      /đã được công khai/,
    );
    expect(stepProblem('rate', item({ status: 'routed' }))).toMatch(/đã có trả lời/);
    expect(stepProblem('rate', item({ status: 'answered' }))).toBeNull();
    expect(stepProblem('rate', item({ status: 'answered', rated: true }))).toMatch(/một lần/);
  });

  it('merges an open item into another item that is not itself merged', () => {
    expect(stepProblem('merge', item({ status: 'answered' }))).toMatch(/chưa trả lời/);
    expect(mergeTargetProblem({ id: 'a' }, { id: 'a', status: 'routed' })).toMatch(/chính nó/);
    expect(mergeTargetProblem({ id: 'a' }, { id: 'b', status: 'merged' })).toMatch(/phản ánh chính/);
    expect(mergeTargetProblem({ id: 'a' }, { id: 'b', status: 'answered' })).toBeNull();
  });
});

describe('timeliness in the lists', () => {
  it('is late after the due date, due soon within two working days, else on time', () => {
    expect(timeliness('2026-02-23', '2026-02-24', calendar)).toBe('late');
    expect(timeliness('2026-02-23', '2026-02-23', calendar)).toBe('due_soon');
    expect(timeliness('2026-02-24', '2026-02-13', calendar)).toBe('due_soon'); // Tết in between
    expect(timeliness('2026-02-25', '2026-02-13', calendar)).toBe('on_time');
    expect(answeredOnTime('2026-02-23', '2026-02-23')).toBe(true);
    expect(answeredOnTime('2026-02-23', '2026-02-24')).toBe(false);
  });
});
