import type { Role } from '../../src/platform/auth/roles';
import type { Agent, TestPlatform } from './app';
import { ok } from './feedback';

/** A denouncer no demo data resembles, so finding any of these strings in an output means a leak. */
export const DENOUNCER = {
  fullName: 'Lò Thị Bích Khuê',
  address: 'Số 77 ngõ Kín Đáo, Tổ dân phố số 9, phường Thành Đông',
  phone: '0968123457',
  idNumber: '031190077123',
};

export function denunciationBody(overrides: Record<string, unknown> = {}) {
  return {
    denouncer: DENOUNCER,
    channel: 'written',
    accused: 'Ông Trần Văn Bị, cán bộ địa chính phường',
    content: 'Nhận tiền của người dân để xác nhận hồ sơ đất đai sai quy định vào tháng 01/2026.',
    evidence: ['Bản sao giấy biên nhận tiền'],
    signed: true,
    ...overrides,
  };
}

export const COMPLAINANT = {
  fullName: 'Đinh Văn Khiếu',
  address: 'Số 12 phố Lê Lợi, Tổ dân phố số 2, phường Thành Đông',
  phone: '0977111222',
  idNumber: '031085004321',
};

export function complaintBody(overrides: Record<string, unknown> = {}) {
  return {
    complainant: COMPLAINANT,
    channel: 'written',
    complaintDate: '2026-02-10',
    subject: 'Quyết định số 05/QĐ-UBND ngày 05/01/2026 về xử phạt vi phạm hành chính',
    respondent: 'Chủ tịch UBND phường Thành Đông',
    content: 'Quyết định xử phạt tôi vì lấn chiếm vỉa hè trong khi tôi không lấn chiếm.',
    reasons: 'Biên bản vi phạm ghi sai địa điểm, không có chữ ký của tôi.',
    requests: 'Hủy Quyết định số 05/QĐ-UBND.',
    evidence: ['Ảnh chụp mặt tiền nhà', 'Bản sao biên bản'],
    signed: true,
    knownOn: '2026-01-06',
    ...overrides,
  };
}

/** The id of a demo account. */
export async function staffIdOf(platform: TestPlatform, username: string): Promise<string> {
  const [row] = await platform.database.sql.query<{ id: string }>(
    `SELECT id FROM staff_accounts WHERE username = '${username}'`,
  );
  if (!row) throw new Error(`no account ${username}`);
  return row.id;
}

const HANDLER_ACCOUNT: Partial<Record<Role, string>> = {
  department_officer: 'chuyenvien',
  department_head: 'truongphong',
};

/**
 * Complaints and denunciations in each state, fresh for each call (the role × route table): recorded by the
 * counter officer, accepted or assigned by the chairman to the calling role's demo account when that role can
 * handle them (the chairman handles the rest).
 */
export function complaintsFixture(platform: TestPlatform, counter: Agent, chairman: Agent) {
  const handlerFor = async (role: Role | null) =>
    staffIdOf(platform, (role && HANDLER_ACCOUNT[role]) ?? 'chuyenvien');
  // Known long ago, with ten years of objective obstacle: within the limitation on whatever day the table runs.
  const complaint = async () =>
    ok(await counter.request('POST', '/api/v1/complaints', complaintBody({ obstacleDays: 3650 })), 201)
      .code as string;
  const acceptedComplaint = async (role: Role | null) => {
    const code = await complaint();
    ok(
      await chairman.request('POST', `/api/v1/complaints/${code}/accept`, {
        handlerId: await handlerFor(role),
      }),
      200,
    );
    return code;
  };
  const denunciation = async () =>
    ok(await counter.request('POST', '/api/v1/denunciations', denunciationBody()), 201).code as string;
  const assignedDenunciation = async (role: Role | null) => {
    const code = await denunciation();
    if (role && HANDLER_ACCOUNT[role])
      ok(
        await chairman.request('POST', `/api/v1/denunciations/${code}/assign`, {
          handlerId: await handlerFor(role),
        }),
        200,
      );
    return code;
  };
  return {
    /** A department officer of the ward: one who may handle complaints and denunciations. */
    officerId: () => staffIdOf(platform, 'chuyenvien'),
    complaint,
    acceptedComplaint,
    decidedComplaint: async () => {
      const code = await acceptedComplaint(null);
      ok(
        await chairman.request('POST', `/api/v1/complaints/${code}/decision`, {
          number: '12/QĐ-UBND',
          summary: 'Giữ nguyên Quyết định số 05/QĐ-UBND.',
          verificationDiffers: false,
        }),
        200,
      );
      return code;
    },
    denunciation,
    assignedDenunciation,
    acceptedDenunciation: async (role: Role | null, complexity = 'complex') => {
      const code = await assignedDenunciation(role);
      ok(await chairman.request('POST', `/api/v1/denunciations/${code}/accept`, { complexity }), 200);
      return code;
    },
  };
}
export type ComplaintsFixture = ReturnType<typeof complaintsFixture>;
