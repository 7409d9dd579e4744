import { describe, expect, it } from 'vitest';
import type { FeeSchedule, Procedure } from '../procedures/catalogue';
import { computeFee } from '../procedures/rules';
import {
  acceptsOnlineFiling,
  ANSWER_INPUTS,
  formSteps,
  missingAnswers,
  onlineFeeInput,
  returnChannelsFor,
  stepOfField,
} from './rules';

// Chứng thực bản sao từ bản chính (2.000815): the original is shown only, the copy is uploaded.
const COPY: Pick<Procedure, 'documents' | 'onlineLevel'> = {
  onlineLevel: 'mot_phan',
  documents: [
    { id: 'ban-chinh', name: 'Bản chính', originals: 1, copies: 0, presentOnly: true, condition: 'Khi có' },
    {
      id: 'ban-sao-can-chung-thuc',
      name: 'Bản sao cần chứng thực',
      originals: 0,
      copies: 1,
      condition: 'Nếu có',
    },
  ],
};
// Đăng ký khai tử (1.000656): two papers always required.
const DEATH: Pick<Procedure, 'documents' | 'onlineLevel'> = {
  onlineLevel: 'mot_phan',
  documents: [
    { id: 'to-khai-dang-ky-khai-tu', name: 'Tờ khai đăng ký khai tử', originals: 1, copies: 0 },
    { id: 'giay-bao-tu', name: 'Giấy báo tử', originals: 1, copies: 0 },
  ],
};
const COPY_FEES: FeeSchedule = {
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
const APPLICANT = { fullName: 'Trần Văn Bình', idNumber: '031095001234', phone: '0977111222' };

describe('online filing rules (Nghị định 45/2020/NĐ-CP)', () => {
  it('takes online filings of fully and partly online procedures only', () => {
    expect(acceptsOnlineFiling({ onlineLevel: 'toan_trinh' })).toBe(true);
    expect(acceptsOnlineFiling({ onlineLevel: 'mot_phan' })).toBe(true);
    expect(acceptsOnlineFiling({ onlineLevel: 'truc_tiep' })).toBe(false);
  });

  it('asks one question a page: applicant, address, one page per paper, result, notification, check', () => {
    expect(formSteps(COPY).map((s) => s.key)).toEqual([
      'nguoi-nop',
      'dia-chi',
      'giay-to-ban-sao-can-chung-thuc',
      'nhan-ket-qua',
      'nhan-thong-bao',
      'kiem-tra',
    ]);
    expect(
      formSteps(DEATH)
        .filter((s) => s.kind === 'document')
        .map((s) => s.documentId),
    ).toEqual(['to-khai-dang-ky-khai-tu', 'giay-bao-tu']);
  });

  it('names what is missing, by the page it belongs to', () => {
    const missing = missingAnswers(DEATH, { address: 'Số 1, Tổ dân phố số 2' }, [
      { documentId: 'giay-bao-tu', pages: 1 },
    ]);
    expect(Object.keys(missing)).toEqual([
      'applicant',
      'documents.to-khai-dang-ky-khai-tu',
      'returnChannel',
      'notify',
    ]);
    expect(Object.keys(missing).map((f) => stepOfField(DEATH, f))).toEqual([
      'nguoi-nop',
      'giay-to-to-khai-dang-ky-khai-tu',
      'nhan-ket-qua',
      'nhan-thong-bao',
    ]);
    // Only conditional papers: at least one of them is uploaded.
    expect(missingAnswers(COPY, {}, []).documents).toMatch(/ít nhất một giấy tờ/);
    const complete = {
      applicant: APPLICANT,
      address: 'Số 1',
      returnChannel: 'post' as const,
      notify: { channels: ['sms' as const] },
    };
    const uploads = [{ documentId: 'ban-sao-can-chung-thuc', pages: 2 }];
    expect(missingAnswers(COPY, complete, uploads)).toEqual({});
    // A partly online procedure returns no result online.
    expect(
      Object.keys(missingAnswers(COPY, { ...complete, returnChannel: 'online' as const }, uploads)),
    ).toEqual(['returnChannel']);
  });

  it('returns the result online only for a fully online procedure (Nghị định 42/2022/NĐ-CP)', () => {
    expect(returnChannelsFor({ onlineLevel: 'toan_trinh' })).toEqual(['counter', 'post', 'online']);
    expect(returnChannelsFor({ onlineLevel: 'mot_phan' })).toEqual(['counter', 'post']);
  });

  it('checks each answer: căn cước number, phone, one channel or more, e-mail when mail is chosen', () => {
    expect(ANSWER_INPUTS.applicant.parse({ ...APPLICANT, phone: '+84 977 111 222' }).phone).toBe(
      '0977111222',
    );
    expect(ANSWER_INPUTS.applicant.safeParse({ ...APPLICANT, idNumber: '999095001234' }).success).toBe(false);
    expect(ANSWER_INPUTS.notify.parse({ channels: ['zalo'], email: 'bo-qua@example.com' })).toEqual({
      channels: ['zalo'],
    });
    // Each channel once, in one order, whatever order they came in.
    expect(
      ANSWER_INPUTS.notify.parse({ channels: ['email', 'sms', 'email'], email: 'ten@example.com' }),
    ).toEqual({ channels: ['sms', 'email'], email: 'ten@example.com' });
    const refused = (notify: unknown) => ANSWER_INPUTS.notify.safeParse(notify).error?.issues[0]?.message;
    expect(refused({ channels: ['sms', 'email'], email: 'khong-hop-le' })).toMatch(/thư điện tử/);
    expect(refused({ channels: [] })).toBe('Xin vui lòng chọn ít nhất một cách nhận thông báo.');
    expect(refused({ channels: ['fax'] })).toBe('Xin vui lòng chọn ít nhất một cách nhận thông báo.');
    expect(ANSWER_INPUTS.returnChannel.safeParse('home').success).toBe(false);
    expect(ANSWER_INPUTS.address.safeParse('Số 1').success).toBe(false);
  });

  it('charges a per-page fee by the pages uploaded (Thông tư 226/2016/TT-BTC): 2 pages 4.000 đ, 3 pages 5.000 đ', () => {
    const fee = (pages: number) =>
      computeFee(COPY_FEES, { ...onlineFeeInput(COPY_FEES, pages), online: true });
    expect(fee(2).amount).toBe(4000);
    expect(fee(3).amount).toBe(5000);
    expect(fee(500).amount).toBe(200000); // the cap per copy
    const free: FeeSchedule = { free: true, basis: 'Miễn', items: [], exemptions: [] };
    expect(onlineFeeInput(free, 4)).toEqual({});
    const twoItems: FeeSchedule = {
      ...COPY_FEES,
      items: [
        { id: 'a', kind: 'fixed', label: 'A', amount: 15000, onlineAmount: 7000 },
        { id: 'b', kind: 'fixed', label: 'B', amount: 10000 },
      ],
    };
    expect(onlineFeeInput(twoItems, 1)).toBeUndefined(); // the officer picks the item later
  });
});
