import { describe, expect, it } from 'vitest';
import { applicantForms } from './forms';
import {
  ACTIONS,
  checkAction,
  checkSupplementRequest,
  dossierCode,
  FORM_NAMES,
  formFor,
  formNameOn,
  formOn,
  nextStatus,
  parseDossierCode,
  postalReturnAddress,
  registeredReturn,
  returnChannelsFor,
  STATUSES,
  WorkflowError,
  type ActionKey,
  type StatusKey,
} from './rules';

const workflowError = (fn: () => unknown): WorkflowError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof WorkflowError) return e;
    throw e;
  }
  throw new Error('expected a WorkflowError');
};

const actionKeys = Object.keys(ACTIONS) as ActionKey[];
const statusKeys = STATUSES.map((s) => s.key);

describe('statuses (national codes, vn-rules §1.4)', () => {
  it('maps codes 1..10 one-to-one to keys and labels', () => {
    expect(STATUSES.map((s) => [s.code, s.key, s.label])).toEqual([
      [1, 'submitted', 'Mới đăng ký'],
      [2, 'received', 'Được tiếp nhận'],
      [3, 'refused', 'Không được tiếp nhận'],
      [4, 'processing', 'Đang xử lý'],
      [5, 'supplement_requested', 'Yêu cầu bổ sung giấy tờ'],
      [6, 'awaiting_payment', 'Yêu cầu thực hiện nghĩa vụ tài chính'],
      [7, 'withdrawn', 'Công dân yêu cầu rút hồ sơ'],
      [8, 'stopped', 'Dừng xử lý'],
      [9, 'result_ready', 'Đã xử lý xong'],
      [10, 'returned', 'Đã trả kết quả'],
    ]);
  });

  it('final statuses have no way out, every other status has one', () => {
    for (const s of STATUSES) {
      const out = actionKeys.filter((a) => (ACTIONS[a].from as readonly StatusKey[]).includes(s.key));
      expect(out.length === 0, s.key).toBe(s.final);
    }
  });

  it('the clock pauses only while the citizen supplements', () => {
    expect(STATUSES.filter((s) => s.clock === 'paused').map((s) => s.key)).toEqual(['supplement_requested']);
  });
});

describe('workflow table', () => {
  const allowed = actionKeys.flatMap((action) =>
    ACTIONS[action].from.map((from) => [action, from, ACTIONS[action].to] as const),
  );

  it.each(allowed)('%s: %s → %s', (action, from, to) => expect(nextStatus(from, action)).toBe(to));

  it('every pair outside the table is an INVALID_TRANSITION with a Vietnamese message', () => {
    let refused = 0;
    for (const action of actionKeys)
      for (const status of statusKeys) {
        if ((ACTIONS[action].from as readonly StatusKey[]).includes(status)) continue;
        const e = workflowError(() => nextStatus(status, action));
        expect(e.code).toBe('INVALID_TRANSITION');
        refused++;
      }
    expect(refused + allowed.length).toBe(actionKeys.length * statusKeys.length);
  });

  it('a few invalid steps, named in Vietnamese', () => {
    expect(workflowError(() => nextStatus('processing', 'return_result')).message).toBe(
      'Không thể thực hiện "Trả kết quả" khi hồ sơ ở trạng thái "Đang xử lý"',
    );
    expect(workflowError(() => nextStatus('returned', 'receive')).code).toBe('INVALID_TRANSITION');
    expect(workflowError(() => nextStatus('submitted', 'approve')).code).toBe('INVALID_TRANSITION');
    expect(workflowError(() => nextStatus('received', 'refuse')).code).toBe('INVALID_TRANSITION');
    expect(workflowError(() => nextStatus('processing', 'toString' as ActionKey)).code).toBe(
      'INVALID_TRANSITION',
    );
  });

  it('forms of the actions: Mẫu 01, 02, 03, 05', () => {
    expect([
      ACTIONS.receive.form,
      ACTIONS.request_supplement.form,
      ACTIONS.refuse.form,
      ACTIONS.stop.form,
    ]).toEqual(['receipt', 'supplement', 'refusal', 'stop']);
  });
});

describe('checkAction: roles, required fields, values', () => {
  it('walks a dossier from submission to return', () => {
    const steps: [ActionKey, Parameters<typeof checkAction>[0]['role'], Record<string, unknown>][] = [
      [
        'receive',
        'counter_officer',
        {
          procedureCode: '2.000815',
          applicantName: 'Nguyễn Văn A',
          receivedDocumentIds: ['x'],
          dueDate: 'd',
        },
      ],
      ['hand_over', 'counter_officer', { toUnit: 'Tư pháp – hộ tịch', toOfficerId: 'u1' }],
      ['request_payment', 'department_officer', { feeInput: { pages: 3 } }],
      ['payment_received', 'counter_officer', { receiptNumber: 'BL-001' }],
      ['approve', 'ward_leader', { outcome: 'granted' }],
      ['mark_result_ready', 'department_officer', { resultDocument: 'r' }],
      ['return_result', 'counter_officer', { channel: 'post' }],
    ];
    let status: StatusKey = 'submitted';
    for (const [action, role, fields] of steps) status = checkAction({ status, action, role, fields });
    expect(status).toBe('returned');
  });

  it('refuses a role the table does not list', () => {
    const e = workflowError(() =>
      checkAction({
        status: 'processing',
        action: 'approve',
        role: 'counter_officer',
        fields: { outcome: 'granted' },
      }),
    );
    expect(e.code).toBe('ROLE_NOT_ALLOWED');
  });

  it('requires the fields and checks restricted values', () => {
    const base = { status: 'result_ready', action: 'return_result', role: 'counter_officer' } as const;
    expect(workflowError(() => checkAction({ ...base, fields: {} })).code).toBe('MISSING_FIELDS');
    expect(workflowError(() => checkAction({ ...base, fields: { channel: 'zalo' } })).code).toBe(
      'INVALID_FIELD',
    );
    const refuse = { status: 'submitted', action: 'refuse', role: 'counter_officer' } as const;
    expect(workflowError(() => checkAction({ ...refuse, fields: { reasons: [] } })).message).toContain(
      'reasons',
    );
  });
});

describe('registered return (Mẫu 01 "Đăng ký nhận kết quả")', () => {
  it('is the method registered, else where the dossier was filed', () => {
    expect(registeredReturn({ returnChannel: 'post', channel: 'online' })).toBe('post');
    expect(registeredReturn({ returnChannel: null, channel: 'online' })).toBe('online');
    expect(registeredReturn({ returnChannel: null, channel: 'counter' })).toBe('counter');
    expect(registeredReturn({ returnChannel: null, channel: 'home' })).toBe('counter');
  });

  it('posts to the address registered for it, else to the applicant; no address for other methods', () => {
    const dossier = { channel: 'counter', applicantAddress: 'Số 5, Tổ dân phố số 4' };
    const post = { ...dossier, returnChannel: 'post' };
    expect(postalReturnAddress({ ...post, returnAddress: 'Số 18 Lạch Tray' })).toBe('Số 18 Lạch Tray');
    expect(postalReturnAddress({ ...post, returnAddress: null })).toBe('Số 5, Tổ dân phố số 4');
    expect(postalReturnAddress({ ...dossier, returnChannel: 'online', returnAddress: 'Số 18' })).toBeNull();
    expect(postalReturnAddress({ ...dossier, returnChannel: null, returnAddress: null })).toBeNull();
  });

  it('offers an online return only for a fully online (toàn trình) procedure', () => {
    expect(returnChannelsFor({ onlineLevel: 'toan_trinh' })).toEqual(['counter', 'post', 'online']);
    expect(returnChannelsFor({ onlineLevel: 'mot_phan' })).toEqual(['counter', 'post']);
    expect(returnChannelsFor({ onlineLevel: 'truc_tiep' })).toEqual(['counter', 'post']);
  });
});

describe('dossier code', () => {
  it('ward code + yymmdd + 4-digit sequence', () => {
    expect(dossierCode('10507', '2026-02-13', 1)).toBe('10507-260213-0001');
    expect(dossierCode('10507', '2025-07-01', 9999)).toBe('10507-250701-9999');
  });

  it('round-trips through parseDossierCode', () => {
    expect(parseDossierCode('10507-260213-0001')).toEqual({
      wardCode: '10507',
      receivedOn: '2026-02-13',
      sequence: 1,
    });
  });

  it('rejects out-of-range sequences, bad dates and malformed codes', () => {
    for (const seq of [0, 10000, 1.5])
      expect(() => dossierCode('10507', '2026-02-13', seq)).toThrow(RangeError);
    expect(() => dossierCode('10507', '2026-02-30', 1)).toThrow(RangeError);
    expect(() => dossierCode('105-07', '2026-02-13', 1)).toThrow(RangeError);
    for (const bad of ['10507-260230-0001', '10507-260213-0000', '10507-260213-001', '10507260213-0001'])
      expect(() => parseDossierCode(bad)).toThrow(RangeError);
  });
});

describe('form names before and after 01/07/2025', () => {
  it('Mẫu 04: apology', () => {
    expect(formNameOn(4, '2025-06-30')).toBe('Phiếu xin lỗi và hẹn lại ngày trả kết quả');
    expect(formNameOn(4, '2025-07-01')).toBe('Văn bản xin lỗi và đề nghị gia hạn thời gian giải quyết');
    expect(formOn(4, '2025-07-01').basis).toBe('Thông tư 03/2025/TT-VPCP, Mẫu 04');
    expect(formOn(4, '2025-06-30').basis).toBe('Thông tư 01/2018/TT-VPCP, Mẫu 04');
  });

  it('Mẫu 01–03 keep their names, 05–07 are renumbered', () => {
    for (const no of [1, 2, 3] as const)
      expect(formNameOn(no, '2025-06-30')).toBe(formNameOn(no, '2026-01-05'));
    expect(formNameOn(1, '2024-01-01')).toBe('Giấy tiếp nhận hồ sơ và hẹn trả kết quả');
    expect(formNameOn(5, '2025-06-30')).toBe('Phiếu kiểm soát quá trình giải quyết hồ sơ');
    expect(formNameOn(5, '2025-07-01')).toBe('Thông báo dừng giải quyết hồ sơ');
    expect(formNameOn(6, '2025-07-01')).toBe('Phiếu kiểm soát quá trình giải quyết hồ sơ');
    expect(formNameOn(7, '2025-07-01')).toBe('Sổ theo dõi hồ sơ');
    expect(() => formOn(7, '2025-06-30')).toThrow(RangeError);
  });

  it('the stop notice exists only from 01/07/2025', () => {
    expect(formFor('stop', '2025-06-30')).toBeNull();
    expect(formFor('stop', '2025-07-01')?.formNo).toBe(5);
    expect(formFor('control', '2025-06-30')?.formNo).toBe(5);
  });

  it('versions of one number never overlap', () => {
    for (const a of FORM_NAMES)
      for (const b of FORM_NAMES) {
        if (a === b || a.formNo !== b.formNo) continue;
        const aEnd = a.effectiveTo ?? '9999-12-31';
        const bStart = b.effectiveFrom ?? '0000-01-01';
        const bEnd = b.effectiveTo ?? '9999-12-31';
        const aStart = a.effectiveFrom ?? '0000-01-01';
        expect(aEnd < bStart || bEnd < aStart, `${a.basis} / ${b.basis}`).toBe(true);
      }
  });
});

describe('supplement requests', () => {
  const procedureDocumentIds = ['to-khai-ct01', 'giay-to-cho-o-hop-phap'];
  const check = (requested: string[], previous = 0, headApproval = false) =>
    checkSupplementRequest({
      procedureDocumentIds,
      requestedDocumentIds: requested,
      previousSupplementRequests: previous,
      headApproval,
    });

  it('a first request within the list is fine', () => {
    expect(check(['giay-to-cho-o-hop-phap'])).toMatchObject({ ok: true, errors: [], breach: false });
  });

  it('refuses papers outside the procedure, naming them', () => {
    const r = check(['giay-to-cho-o-hop-phap', 'so-ho-khau']);
    expect(r.ok).toBe(false);
    expect(r.errors).toEqual([
      {
        code: 'OUTSIDE_PROCEDURE',
        message: 'Không được yêu cầu giấy tờ ngoài thành phần hồ sơ của thủ tục: so-ho-khau',
        documentIds: ['so-ho-khau'],
      },
    ]);
  });

  it('refuses an empty request', () => {
    expect(check([]).errors.map((e) => e.code)).toEqual(['EMPTY_REQUEST']);
  });

  it('a second request: refused without the head’s approval, a recorded breach with it', () => {
    const refused = check(['to-khai-ct01'], 1, false);
    expect(refused).toMatchObject({ ok: false, breach: false });
    expect(refused.errors.map((e) => e.code)).toEqual(['SECOND_REQUEST_NOT_APPROVED']);
    expect(check(['to-khai-ct01'], 1, true)).toMatchObject({ ok: true, breach: true });
  });

  it('names its basis, flagged unconfirmed', () => {
    expect(check(['to-khai-ct01']).basis.join(' ')).toMatch(/Nghị định 61\/2018.*chưa xác nhận/);
    expect(() => check(['to-khai-ct01'], -1)).toThrow(RangeError);
  });
});

describe('the forms the applicant was given', () => {
  const events = (...actions: string[]) => actions.map((action) => ({ action }));

  it('follow the steps taken: receipt, supplement notice, refusal, apology; never the internal control sheet', () => {
    expect(applicantForms(events('submit_online'))).toEqual([]);
    expect(applicantForms(events('submit_online', 'refuse'))).toEqual(['refusal']);
    expect(applicantForms(events('request_supplement', 'receive', 'hand_over', 'apology'))).toEqual([
      'receipt',
      'supplement',
      'apology',
    ]);
    expect(applicantForms(events('receive', 'hand_over', 'approve', 'mark_result_ready'))).toEqual([
      'receipt',
    ]);
  });
});
