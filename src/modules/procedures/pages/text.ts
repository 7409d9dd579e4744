/** How a procedure's data reads to a citizen: time limits, fees, online level, in plain Vietnamese. */
import type { FeeItem, FeeSchedule, Procedure, TimeLimit } from '../catalogue';
import { computeFee, formatVnd } from '../rules';

/** 0.5 → '0,5' (decimal comma). */
const number = (n: number) => String(n).replace('.', ',');

/** 'Trong ngày (nhận trước 15:00)' or '3 ngày làm việc'. */
export function timeLimitText(limit: TimeLimit): string {
  return limit.kind === 'same_day'
    ? `Trong ngày (nhận trước ${limit.cutoff})`
    : `${number(limit.days)} ngày làm việc`;
}

/** The sentences that qualify the base time limit (same-day cut-off, verification, complex cases). */
export function timeLimitDetails(limit: TimeLimit): string[] {
  const lines: string[] = [];
  if (limit.kind === 'same_day')
    lines.push(`Hồ sơ nhận sau ${limit.cutoff} được trả kết quả trong ngày làm việc tiếp theo.`);
  if (limit.maxWorkingDaysIfVerification)
    lines.push(`Trường hợp cần xác minh: không quá ${limit.maxWorkingDaysIfVerification} ngày làm việc.`);
  if (limit.extraWorkingDaysIfVerification)
    lines.push(
      `Trường hợp cần xác minh: thêm không quá ${limit.extraWorkingDaysIfVerification} ngày làm việc.`,
    );
  if (limit.maxDaysIfVerification)
    lines.push(`Trường hợp cần xác minh: không quá ${limit.maxDaysIfVerification} ngày.`);
  if (limit.extraWorkingDaysIfComplex)
    lines.push(
      `Trường hợp phức tạp (nhiều bản chính, nhiều trang, nhiều bản sao): thêm không quá ${limit.extraWorkingDaysIfComplex} ngày làm việc.`,
    );
  if (limit.maxWorkingDaysIfComplex)
    lines.push(`Trường hợp phức tạp: không quá ${limit.maxWorkingDaysIfComplex} ngày làm việc.`);
  return lines;
}

export const ONLINE_LEVELS: Record<Procedure['onlineLevel'], string> = {
  toan_trinh: 'Dịch vụ công trực tuyến toàn trình (nộp hồ sơ và nhận kết quả trực tuyến)',
  mot_phan: 'Dịch vụ công trực tuyến một phần (nộp hồ sơ trực tuyến, nhận kết quả tại phường)',
  truc_tiep: 'Nộp hồ sơ trực tiếp tại phường',
};

export const SHORT_ONLINE_LEVELS: Record<Procedure['onlineLevel'], string> = {
  toan_trinh: 'Trực tuyến toàn trình',
  mot_phan: 'Trực tuyến một phần',
  truc_tiep: 'Nộp trực tiếp',
};

export const HANDLING_UNITS: Record<Procedure['handlingUnit'], string> = {
  ubnd_phuong: 'Ủy ban nhân dân phường',
  cong_an_phuong: 'Công an phường',
};

/** 'trong 60 ngày kể từ ngày sinh' / 'chậm nhất 15 ngày trước ngày hết thời hạn tạm trú đã đăng ký'. */
export function citizenDeadlineText(deadline: NonNullable<Procedure['citizenDeadline']>): string {
  return deadline.relation === 'after'
    ? `Trong ${deadline.days} ngày kể từ ${deadline.event}.`
    : `Chậm nhất ${deadline.days} ngày trước ${deadline.event}.`;
}

/** True when the fee amounts cannot be relied on yet. */
export function feesUnconfirmed(procedure: Procedure): boolean {
  return procedure.fees.unconfirmed === true || procedure.confidence.fields.fees === 'unconfirmed';
}

/** One line of a fee schedule, e.g. 'Lệ phí đăng ký thường trú: 20.000 đ (nộp trực tuyến: 10.000 đ)'. */
export function feeItemText(item: FeeItem): string {
  const online = (amount: number | undefined, unit = '') =>
    amount === undefined ? '' : ` (nộp trực tuyến: ${formatVnd(amount)}${unit})`;
  switch (item.kind) {
    case 'fixed':
      return `${item.label}: ${formatVnd(item.amount)}${online(item.onlineAmount)}`;
    case 'per_unit':
      return `${item.label}: ${formatVnd(item.amount)}/${item.unit}${online(item.onlineAmount, `/${item.unit}`)}`;
    case 'per_page': {
      const tiers = item.tiers.map((tier, i) => {
        const next: typeof tier | undefined = item.tiers[i + 1];
        const last = next ? next.fromPage - 1 : null;
        const pages =
          last === null
            ? i === 0
              ? ''
              : ` từ trang ${tier.fromPage} trở đi`
            : last === tier.fromPage
              ? ` cho trang ${tier.fromPage}`
              : ` từ trang ${tier.fromPage} đến trang ${last}`;
        return `${formatVnd(tier.price)}/trang${pages}`;
      });
      const cap = item.maxPerCopy === undefined ? '' : `; tối đa ${formatVnd(item.maxPerCopy)}/bản`;
      return `${item.label}: ${tiers.join('; ')}${cap}`;
    }
  }
}

/** 'Ví dụ: bản chính 5 trang, 1 bản sao: 5.000 đ.' for per-page items (computed from the published schedule). */
export function perPageExample(schedule: FeeSchedule, item: FeeItem): string | null {
  if (item.kind !== 'per_page') return null;
  try {
    const pages = 5;
    const { amount } = computeFee(schedule, { item: item.id, pages, copies: 1 });
    return `Ví dụ: bản chính ${pages} trang, 1 bản sao: ${formatVnd(amount)}.`;
  } catch {
    return null;
  }
}

function shortAmount(item: FeeItem): string {
  switch (item.kind) {
    case 'fixed':
      return formatVnd(item.amount);
    case 'per_unit':
      return `${formatVnd(item.amount)}/${item.unit}`;
    case 'per_page':
      return `từ ${formatVnd(Math.min(...item.tiers.map((t) => t.price)))}/trang`;
  }
}

/** One line for the summary at the top of the guide and for the list: 'Miễn lệ phí', '20.000 đ'… */
export function feeSummary(procedure: Procedure): string {
  const { fees } = procedure;
  if (feesUnconfirmed(procedure)) return 'Mức thu chưa được xác nhận';
  if (fees.free)
    return fees.items.length > 0 ? 'Miễn lệ phí (có khoản thu khác theo yêu cầu)' : 'Miễn lệ phí';
  if (fees.items.length === 1 && fees.items[0]) return shortAmount(fees.items[0]);
  return fees.items.map(feeItemText).join('; ');
}
