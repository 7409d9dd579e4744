/**
 * Fees (phí, lệ phí) computed only from the procedure's published schedule: the officer picks an item and gives
 * counts, never an amount (Luật Phí và lệ phí 2015: only the amounts in the schedule may be collected).
 */
import type { FeeExemption, FeeItem, FeeSchedule } from './catalogue';
import { formatVnd } from './words';

export interface FeeInput {
  /** Item id; may be omitted when the schedule has exactly one item and the procedure is not free. */
  item?: string;
  /** Filed online: the item's onlineAmount applies when it has one. */
  online?: boolean;
  /** per_unit items: number of units (copies, persons, cases); default 1. */
  quantity?: number;
  /** per_page items: pages of the original. */
  pages?: number;
  /** per_page items: number of certified copies; default 1. */
  copies?: number;
  /** Exemption reason code listed in the schedule. */
  exemption?: string;
}

export interface FeeLine {
  label: string;
  amount: number;
}

export interface FeeResult {
  amount: number;
  lines: FeeLine[];
  basis: string;
  /** Label of the exemption applied. */
  exempt?: string;
  /** The applied exemption is not yet confirmed in the legal text. */
  unconfirmed?: true;
}

export type FeeErrorCode =
  | 'FIELD_NOT_IN_SCHEDULE'
  | 'UNKNOWN_ITEM'
  | 'ITEM_REQUIRED'
  | 'UNKNOWN_EXEMPTION'
  | 'INVALID_QUANTITY'
  | 'FEE_UNCONFIRMED';

export class FeeError extends Error {
  override readonly name = 'FeeError';
  constructor(
    readonly code: FeeErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const COMMON_FIELDS = ['item', 'online', 'exemption'];
const FIELDS_BY_KIND: Record<FeeItem['kind'], string[]> = {
  fixed: COMMON_FIELDS,
  per_unit: [...COMMON_FIELDS, 'quantity'],
  per_page: [...COMMON_FIELDS, 'pages', 'copies'],
};
const ALL_FIELDS = new Set(Object.values(FIELDS_BY_KIND).flat());
const MAX_COUNT = 100_000;

function assertFields(input: FeeInput, allowed: string[], where: string): void {
  const extra = Object.keys(input).filter((k) => !allowed.includes(k));
  if (extra.length > 0) {
    throw new FeeError(
      'FIELD_NOT_IN_SCHEDULE',
      `Trường ${extra.map((k) => `"${k}"`).join(', ')} không có trong biểu phí ${where}; chỉ thu theo biểu phí đã công bố`,
    );
  }
}

function countOf(value: number | undefined, field: string): number {
  const n = value ?? 1;
  if (!Number.isInteger(n) || n < 1 || n > MAX_COUNT) {
    throw new FeeError('INVALID_QUANTITY', `"${field}" phải là số nguyên từ 1 đến ${MAX_COUNT}: ${value}`);
  }
  return n;
}

function pickItem(schedule: FeeSchedule, id: string | undefined): FeeItem | null {
  if (id !== undefined) {
    const item = schedule.items.find((i) => i.id === id);
    if (!item) throw new FeeError('UNKNOWN_ITEM', `Khoản thu "${id}" không có trong biểu phí của thủ tục`);
    return item;
  }
  if (schedule.free) return null;
  if (schedule.items.length === 1) return schedule.items[0];
  if (schedule.items.length === 0) return null;
  throw new FeeError('ITEM_REQUIRED', 'Thủ tục có nhiều khoản thu: phải chọn khoản thu');
}

function pickExemption(schedule: FeeSchedule, code: string | undefined): FeeExemption | null {
  if (code === undefined) return null;
  const exemption = schedule.exemptions.find((e) => e.code === code);
  if (!exemption) throw new FeeError('UNKNOWN_EXEMPTION', `Lý do miễn "${code}" không có trong biểu phí`);
  return exemption;
}

/** Price of one certified copy: each page at its tier's price, capped per copy. */
function perCopy(item: Extract<FeeItem, { kind: 'per_page' }>, pages: number): number {
  const raw = item.tiers.reduce((sum, tier, i) => {
    const next = item.tiers[i + 1]?.fromPage ?? Infinity;
    const inTier = Math.max(0, Math.min(pages, next - 1) - tier.fromPage + 1);
    return sum + inTier * tier.price;
  }, 0);
  return item.maxPerCopy === undefined ? raw : Math.min(raw, item.maxPerCopy);
}

function unitPrice(item: Extract<FeeItem, { onlineAmount?: number }>, online: boolean | undefined): number {
  return online && item.onlineAmount !== undefined ? item.onlineAmount : item.amount;
}

function line(item: FeeItem, input: FeeInput): FeeLine {
  switch (item.kind) {
    case 'fixed':
      return { label: item.label, amount: unitPrice(item, input.online) };
    case 'per_unit': {
      const price = unitPrice(item, input.online);
      const quantity = countOf(input.quantity, 'quantity');
      return {
        label: `${item.label}: ${quantity} ${item.unit} × ${formatVnd(price)}`,
        amount: quantity * price,
      };
    }
    case 'per_page': {
      if (input.pages === undefined)
        throw new FeeError('INVALID_QUANTITY', 'Phải nhập số trang của bản chính ("pages")');
      const pages = countOf(input.pages, 'pages');
      const copies = countOf(input.copies, 'copies');
      const each = perCopy(item, pages);
      const cap = item.maxPerCopy !== undefined && each === item.maxPerCopy ? ', mức tối đa' : '';
      const label = `${item.label}: ${copies} bản × ${pages} trang (${formatVnd(each)}/bản${cap})`;
      return { label, amount: copies * each };
    }
  }
}

/**
 * Computes the amount due. Throws FeeError for any field outside the schedule (there is no free-form amount),
 * an unknown item or exemption, bad counts, or a schedule whose amount is not yet confirmed.
 */
export function computeFee(schedule: FeeSchedule, input: FeeInput = {}): FeeResult {
  assertFields(input, [...ALL_FIELDS], 'này');
  const item = pickItem(schedule, input.item);
  if (item) assertFields(input, FIELDS_BY_KIND[item.kind], `cho khoản "${item.label}"`);
  else assertFields(input, COMMON_FIELDS, 'của thủ tục');
  const exemption = pickExemption(schedule, input.exemption);
  if (exemption) {
    if (item) line(item, input); // still validates the counts
    return {
      amount: 0,
      lines: [],
      basis: `${schedule.basis}; miễn: ${exemption.basis}`,
      exempt: exemption.label,
      ...(exemption.unconfirmed ? { unconfirmed: true as const } : {}),
    };
  }
  if (!item) {
    if (schedule.free) return { amount: 0, lines: [], basis: schedule.basis };
    throw new FeeError(
      'FEE_UNCONFIRMED',
      `Chưa có mức thu được xác nhận: ${schedule.note ?? schedule.basis}`,
    );
  }
  const computed = line(item, input);
  return { amount: computed.amount, lines: [computed], basis: schedule.basis };
}
