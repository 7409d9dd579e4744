import { describe, expect, it } from 'vitest';
import { OFFICIAL_ADJUSTMENTS_2025_2026 } from '../../platform/calendar/official-adjustments';
import { buildCalendar, DEFAULT_OFFICE_HOURS } from '../../platform/calendar/rules';
import { SMS_MAX_LENGTH } from '../../platform/channels/rules';
import { smsBody } from '../../platform/channels/templates';
import {
  cancelledNotice,
  linkRefusal,
  scheduledNotice,
  slotProblem,
  STATUSES,
  stepRefusal,
  type Step,
} from './rules';

const context = {
  today: '2026-03-10',
  hours: DEFAULT_OFFICE_HOURS,
  calendar: buildCalendar(OFFICIAL_ADJUSTMENTS_2025_2026),
};

describe('stepRefusal', () => {
  it('schedules until done, cancels while not done, links only a scheduled visit', () => {
    const allowed = (step: Step) => STATUSES.filter((status) => stepRefusal(status, step) === null);
    expect(allowed('schedule')).toEqual(['requested', 'scheduled']);
    expect(allowed('cancel')).toEqual(['requested', 'scheduled']);
    expect(allowed('link')).toEqual(['scheduled']);
    expect(stepRefusal('done', 'cancel')).toMatch(/không hủy được/);
  });
});

describe('slotProblem', () => {
  const slot = { day: '2026-03-12', from: '08:30', to: '09:30' };

  it('accepts a working day from today on, within office hours', () => {
    expect(slotProblem(slot, context)).toBeNull();
    expect(slotProblem({ ...slot, day: '2026-03-10', from: '07:30', to: '17:00' }, context)).toBeNull();
  });

  it('refuses a past day, a day off and a time outside office hours or backwards', () => {
    expect(slotProblem({ ...slot, day: '2026-03-09' }, context)?.field).toBe('day');
    expect(slotProblem({ ...slot, day: '2026-03-14' }, context)).toEqual({
      field: 'day',
      message: 'Ngày 14/03/2026 không phải ngày làm việc.',
    });
    expect(slotProblem({ ...slot, day: '2026-04-30' }, context)?.field).toBe('day'); // a holiday
    expect(slotProblem({ ...slot, from: '07:00' }, context)?.message).toBe(
      'Giờ hẹn phải trong giờ làm việc (07:30–17:00).',
    );
    expect(slotProblem({ ...slot, to: '17:30' }, context)?.field).toBe('from');
    expect(slotProblem({ ...slot, from: '10:00', to: '10:00' }, context)?.field).toBe('to');
  });
});

describe('linkRefusal', () => {
  const visit = { wardCode: '10507', createdAt: new Date('2026-03-10T02:00:00Z') };
  const dossier = { wardCode: '10507', channel: 'home', receivedAt: new Date('2026-03-12T02:00:00Z') };

  it('links a dossier of the ward taken at a home after the request', () => {
    expect(linkRefusal(dossier, visit)).toBeNull();
  });

  it('refuses another ward, another channel and a dossier older than the request', () => {
    expect(linkRefusal({ ...dossier, wardCode: '10525' }, visit)).toMatch(/không thuộc phường/);
    expect(linkRefusal({ ...dossier, channel: 'counter' }, visit)).toMatch(/không được tiếp nhận tại nhà/);
    expect(linkRefusal({ ...dossier, receivedAt: new Date('2026-03-09T02:00:00Z') }, visit)).toMatch(
      /trước khi có yêu cầu/,
    );
  });
});

describe('scheduledNotice', () => {
  const visit = {
    code: 'TN-7K3F9Q',
    officerName: 'Trần Thị Hằng',
    day: '2026-03-12',
    from: '08:30',
    to: '10:00',
  };

  it('tells the day, the time window and the officer, in one SMS segment', () => {
    const notice = scheduledNotice(visit, false);
    expect(notice).toEqual({
      templateKey: 'home_visit.scheduled',
      subject: 'Đã xếp lịch tiếp nhận hồ sơ tại nhà (TN-7K3F9Q)',
      short:
        'Đã xếp lịch tiếp nhận hồ sơ tại nhà (TN-7K3F9Q): ngày 12/03/2026, từ 08:30 đến 10:00, cán bộ Trần Thị Hằng.',
    });
    const sms = smsBody({ wardName: 'Phường Thành Đông' }, notice.short);
    expect(sms.length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
    expect(sms).toMatch(
      /^UBND phuong Thanh Dong: Da xep lich .* tu 08:30 den 10:00, can bo Tran Thi Hang\.$/,
    );
  });

  it('says when the appointment moved', () => {
    expect(scheduledNotice(visit, true)).toMatchObject({
      templateKey: 'home_visit.rescheduled',
      short: expect.stringMatching(/^Đã đổi lịch tiếp nhận hồ sơ tại nhà/),
    });
  });
});

describe('cancelledNotice', () => {
  it('says the visit is off and why, in one SMS segment even with a long reason', () => {
    const long =
      'Người cần tiếp nhận đã chuyển đến ở cùng con tại phường khác, gia đình đã báo qua điện thoại';
    for (const reason of ['Gia đình đã đưa người cần tiếp nhận đến Trung tâm', long]) {
      const notice = cancelledNotice({ code: 'TN-7K3F9Q' }, reason);
      expect(notice.templateKey).toBe('home_visit.cancelled');
      const sms = smsBody({ wardName: 'Phường Thành Đông' }, notice.short);
      expect(sms.length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
      expect(sms).toMatch(
        /^UBND phuong Thanh Dong: Da huy lich den nha tiep nhan ho so \(TN-7K3F9Q\)\. Ly do: .+\.$/,
      );
    }
    expect(cancelledNotice({ code: 'TN-7K3F9Q' }, long).short).toMatch(/Lý do: Người cần .{30,}[^.]\.\.\.$/);
  });
});
