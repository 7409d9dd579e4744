/** What every step of a complaint or a denunciation runs with: the transaction, the audit context, the clock. */
import { recordAudit, type AuditContext } from '../../platform/audit/store';
import { findAccount, type Principal } from '../../platform/auth/store';
import { hasPermission, type Permission } from '../../platform/auth/policies';
import { isRole } from '../../platform/auth/roles';
import { DEFAULT_OFFICE_HOURS } from '../../platform/calendar/rules';
import type { Db } from '../../platform/db/connect';
import type { Deps } from '../../platform/http/deps';
import { AppError } from '../../platform/http/errors';
import { findWard } from '../../platform/wards/store';
import { currentRules } from '../feedback/api';
import type { DeadlineContext } from '../feedback/deadlines';
import { rulesOfReceipt } from './rules';

export type WardStaff = Principal & { wardCode: string };

export interface StepContext {
  db: Db;
  audit: AuditContext;
  now: Date;
  staff: WardStaff;
  deadlines: DeadlineContext;
}

/** The ward's office hours, the legal calendar and the deadline rules with the administrator's corrections. */
export async function deadlineContext(deps: Deps, db: Db, wardCode: string): Promise<DeadlineContext> {
  const ward = await findWard(db, wardCode);
  return {
    hours: ward?.ward.officeHours ?? DEFAULT_OFFICE_HOURS,
    calendar: await deps.calendar.current(),
    rules: await currentRules(db),
  };
}

/** The same context with the rule versions of the record's receipt day (the record keeps its law). */
export function asOfReceipt(ctx: StepContext, receiptDay: string): DeadlineContext {
  return { ...ctx.deadlines, rules: rulesOfReceipt(receiptDay, ctx.deadlines.rules) };
}

export function audit(
  ctx: StepContext,
  targetType: 'complaint' | 'denunciation',
  code: string,
  action: string,
  summary: Record<string, unknown>,
) {
  return recordAudit(ctx.db, ctx.audit, {
    action,
    targetType,
    targetId: code,
    wardCode: ctx.staff.wardCode,
    summary: { code, ...summary },
  });
}

/** An active officer of the same ward whose role may do the work (`permission`); 400 naming the field otherwise. */
export async function wardOfficer(ctx: StepContext, id: string, permission: Permission, field: string) {
  const account = await findAccount(ctx.db, id);
  const fit = account?.active && account.wardCode === ctx.staff.wardCode && isRole(account.role);
  if (!account || !fit || !hasPermission(account.role as never, permission)) {
    const message = 'Xin chọn một cán bộ của phường có nhiệm vụ giải quyết.';
    throw new AppError('VALIDATION_FAILED', message, { [field]: message });
  }
  return account;
}

export function changed<T>(row: T | undefined, what: string): T {
  if (!row) throw new AppError('CONFLICT', `${what} vừa được người khác xử lý. Xin tải lại trang.`);
  return row;
}
