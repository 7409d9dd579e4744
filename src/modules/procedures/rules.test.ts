import { describe, expect, it } from 'vitest';
import type { FeeSchedule } from './catalogue';
import { amountInWords, computeFee, FeeError, formatVnd, searchKey, type FeeInput } from './rules';

const COPY_CERTIFICATION: FeeSchedule = {
  free: false,
  basis: 'Thông tư 226/2016/TT-BTC, điều 4',
  items: [
    {
      id: 'chung-thuc-ban-sao',
      kind: 'per_page',
      label: 'Chứng thực bản sao từ bản chính',
      tiers: [
        { fromPage: 1, price: 2000 },
        { fromPage: 3, price: 1000 },
      ],
      maxPerCopy: 200000,
    },
  ],
  exemptions: [],
};

const TEMPORARY_RESIDENCE: FeeSchedule = {
  free: false,
  basis: 'Thông tư 75/2022/TT-BTC',
  items: [
    { id: 'ca-nhan-ho-gia-dinh', kind: 'fixed', label: 'Lệ phí đăng ký', amount: 15000, onlineAmount: 7000 },
    {
      id: 'theo-danh-sach',
      kind: 'per_unit',
      label: 'Đăng ký theo danh sách',
      unit: 'người',
      amount: 10000,
      onlineAmount: 5000,
    },
  ],
  exemptions: [
    {
      code: 'ho-ngheo',
      label: 'Người thuộc hộ nghèo',
      basis: 'Thông tư 75/2022/TT-BTC, điều 4',
      unconfirmed: true,
    },
  ],
};

const MARRIAGE: FeeSchedule = {
  free: true,
  basis: 'Luật Hộ tịch 2014, điều 11',
  items: [{ id: 'ban-sao-trich-luc', kind: 'per_unit', label: 'Bản sao', unit: 'bản', amount: 8000 }],
  exemptions: [],
};

const PROVINCIAL: FeeSchedule = {
  free: false,
  basis: 'Thông tư 250/2016/TT-BTC, điều 3',
  items: [],
  exemptions: [{ code: 'nguoi-khuyet-tat', label: 'Người khuyết tật', basis: 'Luật Hộ tịch 2014, điều 11' }],
  unconfirmed: true,
  note: 'Do HĐND thành phố quy định; chưa xác định mức.',
};

const copyFee = (pages: number, copies?: number) =>
  computeFee(COPY_CERTIFICATION, copies === undefined ? { pages } : { pages, copies }).amount;

const feeError = (fn: () => unknown): FeeError => {
  try {
    fn();
  } catch (e) {
    if (e instanceof FeeError) return e;
    throw e;
  }
  throw new Error('expected a FeeError');
};

describe('computeFee — copy certification (Thông tư 226/2016/TT-BTC)', () => {
  it.each([
    [1, 2000],
    [2, 4000],
    [3, 5000],
    [10, 12000],
    [198, 200000],
    [200, 200000],
  ])('%i page(s) → %i đ', (pages, amount) => expect(copyFee(pages)).toBe(amount));

  it('charges per copy, each capped separately', () => {
    expect(copyFee(3, 2)).toBe(10000);
    expect(copyFee(500, 3)).toBe(600000);
  });

  it('explains the line and names the basis', () => {
    const r = computeFee(COPY_CERTIFICATION, { pages: 3, copies: 2 });
    expect(r).toEqual({
      amount: 10000,
      lines: [{ label: 'Chứng thực bản sao từ bản chính: 2 bản × 3 trang (5.000 đ/bản)', amount: 10000 }],
      basis: 'Thông tư 226/2016/TT-BTC, điều 4',
    });
    expect(computeFee(COPY_CERTIFICATION, { pages: 250 }).lines[0].label).toContain('mức tối đa');
  });

  it('requires a page count and rejects bad counts', () => {
    expect(feeError(() => computeFee(COPY_CERTIFICATION, {})).code).toBe('INVALID_QUANTITY');
    for (const input of [{ pages: 0 }, { pages: 2.5 }, { pages: 3, copies: 0 }, { pages: -1 }])
      expect(feeError(() => computeFee(COPY_CERTIFICATION, input)).code).toBe('INVALID_QUANTITY');
  });
});

describe('computeFee — schedule items, online amounts, exemptions', () => {
  it('fixed and per-unit items, direct and online', () => {
    expect(computeFee(TEMPORARY_RESIDENCE, { item: 'ca-nhan-ho-gia-dinh' }).amount).toBe(15000);
    expect(computeFee(TEMPORARY_RESIDENCE, { item: 'ca-nhan-ho-gia-dinh', online: true }).amount).toBe(7000);
    const list = computeFee(TEMPORARY_RESIDENCE, { item: 'theo-danh-sach', quantity: 4, online: true });
    expect(list.amount).toBe(20000);
    expect(list.lines).toEqual([{ label: 'Đăng ký theo danh sách: 4 người × 5.000 đ', amount: 20000 }]);
  });

  it('several items: the item must be chosen', () => {
    expect(feeError(() => computeFee(TEMPORARY_RESIDENCE, {})).code).toBe('ITEM_REQUIRED');
    expect(feeError(() => computeFee(TEMPORARY_RESIDENCE, { item: 'khac' })).code).toBe('UNKNOWN_ITEM');
  });

  it('a free procedure costs nothing, extras are still charged', () => {
    expect(computeFee(MARRIAGE)).toEqual({ amount: 0, lines: [], basis: 'Luật Hộ tịch 2014, điều 11' });
    expect(computeFee(MARRIAGE, { item: 'ban-sao-trich-luc', quantity: 2 }).amount).toBe(16000);
  });

  it('exemptions only by a reason code listed in the schedule', () => {
    const r = computeFee(TEMPORARY_RESIDENCE, { item: 'theo-danh-sach', quantity: 3, exemption: 'ho-ngheo' });
    expect(r).toMatchObject({ amount: 0, lines: [], exempt: 'Người thuộc hộ nghèo', unconfirmed: true });
    expect(r.basis).toContain('Thông tư 75/2022/TT-BTC, điều 4');
    const e = feeError(() =>
      computeFee(TEMPORARY_RESIDENCE, { item: 'theo-danh-sach', exemption: 'than-quen' }),
    );
    expect(e.code).toBe('UNKNOWN_EXEMPTION');
  });

  it('an unconfirmed amount cannot be charged, but a listed exemption applies', () => {
    const e = feeError(() => computeFee(PROVINCIAL, {}));
    expect(e.code).toBe('FEE_UNCONFIRMED');
    expect(e.message).toContain('HĐND');
    expect(computeFee(PROVINCIAL, { exemption: 'nguoi-khuyet-tat' })).toMatchObject({
      amount: 0,
      exempt: 'Người khuyết tật',
    });
  });

  it('no free-form amount: any field outside the schedule throws', () => {
    const withAmount = { pages: 3, amount: 1000 } as unknown as FeeInput;
    const e = feeError(() => computeFee(COPY_CERTIFICATION, withAmount));
    expect(e).toBeInstanceOf(FeeError);
    expect(e.code).toBe('FIELD_NOT_IN_SCHEDULE');
    expect(e.message).toContain('"amount"');
    const pagesOnFixed = { item: 'ca-nhan-ho-gia-dinh', pages: 2 };
    expect(feeError(() => computeFee(TEMPORARY_RESIDENCE, pagesOnFixed)).code).toBe('FIELD_NOT_IN_SCHEDULE');
    expect(feeError(() => computeFee(MARRIAGE, { quantity: 2 })).code).toBe('FIELD_NOT_IN_SCHEDULE');
  });
});

describe('formatVnd', () => {
  it.each([
    [0, '0 đ'],
    [500, '500 đ'],
    [10000, '10.000 đ'],
    [200000, '200.000 đ'],
    [1250000, '1.250.000 đ'],
    [999999999999, '999.999.999.999 đ'],
    [-5000, '-5.000 đ'],
  ])('%i → %s', (n, s) => expect(formatVnd(n)).toBe(s));
  it('rejects non-integers', () => expect(() => formatVnd(1.5)).toThrow(RangeError));
});

describe('amountInWords', () => {
  it.each([
    [0, 'Không đồng'],
    [5, 'Năm đồng'],
    [10, 'Mười đồng'],
    [11, 'Mười một đồng'],
    [15, 'Mười lăm đồng'],
    [20, 'Hai mươi đồng'],
    [21, 'Hai mươi mốt đồng'],
    [24, 'Hai mươi bốn đồng'],
    [25, 'Hai mươi lăm đồng'],
    [101, 'Một trăm linh một đồng'],
    [110, 'Một trăm mười đồng'],
    [111, 'Một trăm mười một đồng'],
    [10000, 'Mười nghìn đồng'],
    [15000, 'Mười lăm nghìn đồng'],
    [21000, 'Hai mươi mốt nghìn đồng'],
    [105000, 'Một trăm linh năm nghìn đồng'],
    [200000, 'Hai trăm nghìn đồng'],
    [1250000, 'Một triệu hai trăm năm mươi nghìn đồng'],
    [1005000, 'Một triệu không trăm linh năm nghìn đồng'],
    [1000005, 'Một triệu không trăm linh năm đồng'],
    [2000000000, 'Hai tỷ đồng'],
    [1000000001, 'Một tỷ không trăm linh một đồng'],
    [
      999999999999,
      'Chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng',
    ],
  ])('%i → %s', (n, s) => expect(amountInWords(n)).toBe(s));

  it("reads an empty tens place 'lẻ' on request", () => {
    expect(amountInWords(105000, { zeroTens: 'lẻ' })).toBe('Một trăm lẻ năm nghìn đồng');
  });

  it('rejects amounts outside 0..999.999.999.999', () => {
    for (const n of [-1, 1.5, 1e12, Number.NaN]) expect(() => amountInWords(n)).toThrow(RangeError);
  });
});

describe('searchKey', () => {
  it('lower-cases and strips diacritics, đ → d', () => {
    expect(searchKey('  Chứng thực   bản sao ')).toBe('chung thuc ban sao');
    expect(searchKey('ĐĂNG KÝ KHAI SINH')).toBe('dang ky khai sinh');
    expect(searchKey('Phường Thành Đông')).toBe('phuong thanh dong');
  });
  it('treats composed and decomposed input alike', () => {
    expect(searchKey('Hộ tịch'.normalize('NFD'))).toBe(searchKey('Hộ tịch'.normalize('NFC')));
  });
});
