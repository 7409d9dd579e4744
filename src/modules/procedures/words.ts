/** Vietnamese money text: amounts in figures and in words, and diacritic-insensitive search keys. */

const DIGITS = ['không', 'một', 'hai', 'ba', 'bốn', 'năm', 'sáu', 'bảy', 'tám', 'chín'];
const SCALES = ['tỷ', 'triệu', 'nghìn', ''];
const MAX_AMOUNT = 999_999_999_999;

function assertAmount(amount: number, min: number): void {
  if (!Number.isSafeInteger(amount) || amount < min || amount > MAX_AMOUNT) {
    throw new RangeError(`Số tiền phải là số nguyên từ ${min} đến ${MAX_AMOUNT}: ${amount}`);
  }
}

/** '10.000 đ' (dot as thousands separator, as on Vietnamese receipts). */
export function formatVnd(amount: number): string {
  assertAmount(Math.abs(amount), 0);
  const digits = String(Math.abs(amount)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${amount < 0 ? '-' : ''}${digits} đ`;
}

export interface AmountInWordsOptions {
  /** Word for an empty tens place before a unit digit: 'linh' (northern usage, default) or 'lẻ'. */
  zeroTens?: 'linh' | 'lẻ';
}

/**
 * Reads one group of three digits. `full` is set for every group after the first non-zero one, where the
 * hundreds are always read ("một triệu không trăm linh năm nghìn").
 */
function readGroup(n: number, full: boolean, zeroTens: string): string[] {
  const [h, t, u] = [Math.floor(n / 100), Math.floor(n / 10) % 10, n % 10];
  const words: string[] = full || h > 0 ? [DIGITS[h], 'trăm'] : [];
  if (t === 0) {
    if (u > 0) words.push(...(words.length > 0 ? [zeroTens] : []), DIGITS[u]);
  } else {
    words.push(...(t === 1 ? ['mười'] : [DIGITS[t], 'mươi']));
    // After "mươi", 1 is read "mốt"; after "mười"/"mươi", 5 is read "lăm".
    if (u === 1 && t > 1) words.push('mốt');
    else if (u === 5) words.push('lăm');
    else if (u > 0) words.push(DIGITS[u]);
  }
  return words;
}

/** 10000 → 'Mười nghìn đồng'; 105000 → 'Một trăm linh năm nghìn đồng'. Range 0..999.999.999.999. */
export function amountInWords(amount: number, options: AmountInWordsOptions = {}): string {
  assertAmount(amount, 0);
  const zeroTens = options.zeroTens ?? 'linh';
  const groups = [1e9, 1e6, 1e3, 1].map((d) => Math.floor(amount / d) % 1000);
  const words: string[] = [];
  groups.forEach((g, i) => {
    if (g === 0) return;
    words.push(...readGroup(g, words.length > 0, zeroTens));
    if (SCALES[i]) words.push(SCALES[i]);
  });
  const sentence = `${words.length > 0 ? words.join(' ') : 'không'} đồng`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** Lower-case, no diacritics (đ → d), single spaces: 'Chứng thực bản sao' → 'chung thuc ban sao'. */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/đ/g, 'd')
    .replace(/\s+/g, ' ')
    .trim();
}
