/** What every indicator route checks the same way: which ward the caller may read, and the period's bounds. */
import { canAccessWard } from '../auth/policies';
import { addDays } from '../calendar/rules';
import type { Db } from '../db/connect';
import { findWard } from '../wards/store';
import type { currentStaff } from './context';
import { AppError } from './errors';

/** A year, leap day included: the longest period one request may cover. */
export const MAX_PERIOD_DAYS = 366;

/** Staff see their own ward; the city reviewer names a ward of its province. */
export async function readableWard(
  db: Db,
  staff: ReturnType<typeof currentStaff>,
  wardParam: string | undefined,
): Promise<{ code: string; name: string }> {
  const code = wardParam ?? staff.wardCode;
  if (!code) {
    const message = 'Xin chọn phường, xã cần xem.';
    throw new AppError('VALIDATION_FAILED', message, { 'querystring/ward': message });
  }
  const ward = await findWard(db, code);
  if (!ward) throw new AppError('NOT_FOUND', 'Phường, xã này chưa sử dụng nền tảng.');
  if (!canAccessWard(staff, code, ward.provinceCode)) throw new AppError('FORBIDDEN');
  return { code, name: ward.name };
}

/** Refuses a period that runs backwards or covers more than MAX_PERIOD_DAYS. */
export function checkPeriod(from: string, to: string): void {
  if (from > to) {
    const message = 'Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.';
    throw new AppError('VALIDATION_FAILED', message, { 'querystring/from': message });
  }
  if (addDays(from, MAX_PERIOD_DAYS - 1) < to) {
    const message = `Mỗi lần xem tối đa ${MAX_PERIOD_DAYS} ngày.`;
    throw new AppError('VALIDATION_FAILED', message, { 'querystring/to': message });
  }
}
