import { describe, expect, it } from 'vitest';
import { OFFICIAL_ADJUSTMENTS_2025_2026 } from '../../platform/calendar/official-adjustments';
import { buildCalendar, DEFAULT_OFFICE_HOURS } from '../../platform/calendar/rules';
import { applyCorrections, DEADLINE_RULES } from '../feedback/deadlines';
import {
  acceptanceNotice,
  appealWindow,
  complaintFiling,
  complaintResolution,
  complaintStepProblem,
  decisionProblem,
  decisionSending,
  denunciationStepProblem,
  forwarding,
  initialProcessing,
  mayOpenIdentity,
  missingContent,
  REFUSAL_REASONS,
  rulesOfReceipt,
  type ComplaintState,
} from './rules';

const calendar = buildCalendar(OFFICIAL_ADJUSTMENTS_2025_2026);
const ctx = { hours: DEFAULT_OFFICE_HOURS, calendar };
const vn = (local: string) => new Date(`${local}+07:00`);

describe('complaints: limitation and acceptance by the version in force on the receipt day', () => {
  it('received Tuesday 30/06/2026: accepted within 10 working days, by Tuesday 14/07/2026', () => {
    const f = complaintFiling(vn('2026-06-30T09:00:00'), '2026-06-01', 0, ctx);
    expect(f.acceptance).toMatchObject({ dueDate: '2026-07-14', rule: { days: 10, confirmed: true } });
    expect(f.limitation.dueDate).toBe('2026-09-03'); // 90 days end Sunday 30/08, then the Quốc khánh break
    expect(f.timely).toBe(true);
  });

  it('received Wednesday 01/07/2026: 07 working days after the 2025 amendment, Friday 10/07/2026, unconfirmed', () => {
    const f = complaintFiling(vn('2026-07-01T09:00:00'), '2026-06-01', 0, ctx);
    expect(f.acceptance).toMatchObject({ dueDate: '2026-07-10', rule: { days: 7, confirmed: false } });
    expect(f.acceptance.basis).toContain('chưa được xác nhận');
  });

  it('a decision known on 16/11/2025: the 90 days end in Tết, so a complaint of 23/02/2026 is in time', () => {
    const f = complaintFiling(vn('2026-02-23T09:00:00'), '2025-11-16', 0, ctx);
    expect(f.limitation.dueDate).toBe('2026-02-23');
    expect(f.timely).toBe(true);
    expect(complaintFiling(vn('2026-02-24T09:00:00'), '2025-11-16', 0, ctx).timely).toBe(false);
  });

  it('days of an objective obstacle (illness, flood) extend the limitation', () => {
    const late = complaintFiling(vn('2026-03-10T09:00:00'), '2025-11-16', 0, ctx);
    const ill = complaintFiling(vn('2026-03-10T09:00:00'), '2025-11-16', 30, ctx);
    expect([late.timely, ill.timely]).toEqual([false, true]);
    expect(ill.limitation.dueDate).toBe('2026-03-16'); // 120 days
  });

  it('an administrator’s correction of the amended acceptance period applies to complaints received after it', () => {
    const rules = applyCorrections(DEADLINE_RULES, [
      {
        key: 'complaint.acceptance',
        effectiveFrom: '2026-07-01',
        days: 10,
        dayKind: 'working',
        legalBasis: 'Nghị định 155/2026/NĐ-CP (đã đối chiếu)',
        confirmed: true,
        note: null,
      },
    ]);
    const f = complaintFiling(vn('2026-07-01T09:00:00'), '2026-06-01', 0, { ...ctx, rules });
    expect(f.acceptance).toMatchObject({ dueDate: '2026-07-15', rule: { confirmed: true } });
  });
});

describe('complaints: resolution, decision, appeal', () => {
  it('resolution: 30 days from acceptance, 45 when complex; a 30-day period ending in Tết moves to 23/02/2026', () => {
    expect(complaintResolution(vn('2026-01-16T10:00:00'), false, ctx).dueDate).toBe('2026-02-23');
    expect(complaintResolution(vn('2026-01-16T10:00:00'), true, ctx).dueDate).toBe('2026-03-02');
  });

  it('a complaint received 30/06/2026 and accepted 02/07/2026 keeps the law of its receipt day', () => {
    const pinned = { ...ctx, rules: rulesOfReceipt('2026-06-30') };
    const kept = complaintResolution(vn('2026-07-02T09:00:00'), false, pinned);
    expect(kept.rule).toMatchObject({ effectiveFrom: '2012-07-01', confirmed: true });
    expect(complaintResolution(vn('2026-07-02T09:00:00'), false, ctx).rule.effectiveFrom).toBe('2026-07-01');
    expect(kept.dueDate).toBe('2026-08-03'); // 01/08 is a Saturday
  });

  it('the decision is sent within 03 working days: issued Friday 13/02/2026 → Wednesday 25/02/2026 (after Tết)', () => {
    expect(decisionSending(vn('2026-02-13T10:00:00'), ctx).dueDate).toBe('2026-02-25');
  });

  it('appeal window: 30 days from receiving the decision, or from the end of the resolution period', () => {
    const sent = appealWindow(
      { sentAt: vn('2026-03-02T10:00:00'), resolutionDue: '2026-02-23' },
      '2026-03-02',
      ctx,
    );
    expect(sent?.dueDate).toBe('2026-04-01');
    const none = { sentAt: null, resolutionDue: '2026-02-23' };
    expect(appealWindow(none, '2026-02-23', ctx)).toBeNull();
    expect(appealWindow(none, '2026-02-24', ctx)?.dueDate).toBe('2026-03-25');
  });

  it('a dialogue is required before deciding when the request and the verification differ (điều 30)', () => {
    expect(decisionProblem(true, false)).toContain('điều 30');
    expect(decisionProblem(true, true)).toBeNull();
    expect(decisionProblem(false, false)).toBeNull();
  });
});

describe('complaints: content and workflow', () => {
  const content = {
    complainantName: 'Nguyễn Văn A',
    complainantAddress: 'Tổ dân phố số 1',
    complaintDate: '2026-03-02',
    subject: 'Quyết định 12/QĐ-UBND',
    content: 'Nội dung',
    reasons: 'Lý do',
    requests: 'Yêu cầu',
    signed: true,
  };
  it('names what điều 8 requires and the record lacks', () => {
    expect(missingContent(content)).toEqual([]);
    expect(missingContent({ ...content, reasons: ' ', signed: false })).toEqual([
      'lý do khiếu nại',
      'chữ ký hoặc điểm chỉ của người khiếu nại',
    ]);
  });

  it('refusal reasons are the nine cases of điều 11', () => {
    expect(Object.keys(REFUSAL_REASONS)).toHaveLength(9);
    Object.values(REFUSAL_REASONS).forEach((r, i) => expect(r).toContain(`(khoản ${i + 1})`));
  });

  it('accepts only a received, timely, signed complaint; decides only an accepted one; sends only a decided one', () => {
    const s = (over: Partial<ComplaintState>): ComplaintState => ({
      status: 'received',
      timely: true,
      signed: true,
      dialogueHeld: false,
      ...over,
    });
    expect(complaintStepProblem('accept', s({}))).toBeNull();
    expect(complaintStepProblem('accept', s({ timely: false }))).toContain('thời hiệu');
    expect(complaintStepProblem('accept', s({ signed: false }))).toContain('chữ ký');
    expect(complaintStepProblem('refuse', s({ status: 'accepted' }))).not.toBeNull();
    expect(complaintStepProblem('decide', s({}))).not.toBeNull();
    expect(complaintStepProblem('decide', s({ status: 'accepted' }))).toBeNull();
    expect(complaintStepProblem('send', s({ status: 'decided' }))).toBeNull();
    expect(complaintStepProblem('send', s({ status: 'sent' }))).not.toBeNull();
  });
});

describe('denunciations', () => {
  it('initial processing: received Friday 24/04/2026, 07 working days → 08/05, extended to 10 → 13/05/2026', () => {
    expect(initialProcessing(vn('2026-04-24T09:00:00'), false, ctx).dueDate).toBe('2026-05-08');
    expect(initialProcessing(vn('2026-04-24T09:00:00'), true, ctx).dueDate).toBe('2026-05-13');
  });

  it('forwarded within 05 working days of receipt; acceptance notified within 05 working days', () => {
    expect(forwarding(vn('2026-04-24T09:00:00'), ctx).dueDate).toBe('2026-05-06');
    expect(acceptanceNotice(vn('2026-02-13T09:00:00'), ctx).dueDate).toBe('2026-02-27');
  });

  it('the identity opens for the chairman and the assigned handler only', () => {
    const handler = 'a1b2c3d4-0000-4000-8000-000000000001';
    expect(mayOpenIdentity({ id: 'x', role: 'ward_leader' }, null)).toBe(true);
    expect(mayOpenIdentity({ id: handler, role: 'department_officer' }, handler)).toBe(true);
    expect(mayOpenIdentity({ id: 'other', role: 'department_head' }, handler)).toBe(false);
    expect(mayOpenIdentity({ id: handler, role: 'department_officer' }, null)).toBe(false);
    for (const role of ['ward_admin', 'supervisor', 'counter_officer', 'system_admin'] as const)
      expect(mayOpenIdentity({ id: 'y', role }, handler)).toBe(false);
  });

  it('extends the initial processing once; accepts, forwards or refuses only while it runs; extends an accepted one', () => {
    const received = { status: 'received' as const, initialExtended: false };
    expect(denunciationStepProblem('extend_initial', received)).toBeNull();
    expect(denunciationStepProblem('extend_initial', { ...received, initialExtended: true })).toContain('10');
    expect(denunciationStepProblem('accept', received)).toBeNull();
    expect(denunciationStepProblem('extend', received)).not.toBeNull();
    const accepted = { status: 'accepted' as const, initialExtended: false };
    expect(denunciationStepProblem('forward', accepted)).not.toBeNull();
    expect(denunciationStepProblem('extend', accepted)).toBeNull();
    expect(
      denunciationStepProblem('conclude', { status: 'concluded', initialExtended: false }),
    ).not.toBeNull();
  });
});
