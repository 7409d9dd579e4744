import { describe, expect, it } from 'vitest';
import { SMS_MAX_LENGTH } from './rules';
import { dossierMessage, type DossierNotice, type DossierNoticeContext } from './templates';

const context: DossierNoticeContext = {
  wardName: 'Phường Thành Đông',
  dossierCode: '10507-260310-0001',
  procedureName: 'Đăng ký khai sinh',
  trackingUrl: 'https://thanhdong.gov.vn/tra-cuu/10507-260310-0001',
};

const NOTICES: DossierNotice[] = [
  { kind: 'received', dueDate: '2026-03-13' },
  {
    kind: 'supplement_requested',
    documents: ['Giấy chứng sinh (bản chính)'],
    reason: 'Giấy chứng sinh nộp là bản chụp.',
  },
  { kind: 'result_ready', delivery: 'counter' },
  { kind: 'result_ready', delivery: 'post' },
  { kind: 'result_ready', delivery: 'online' },
  { kind: 'returned', returnedOn: '2026-03-13' },
  { kind: 'late_apology', newDate: '2026-03-17', reason: 'Cần xác minh thêm thông tin nơi sinh.' },
  { kind: 'refused', reasons: ['Thủ tục không thuộc thẩm quyền của UBND phường.'] },
  { kind: 'submitted' },
  { kind: 'payment_requested', amount: '4.000 đ' },
  { kind: 'stopped', reason: 'Cơ quan có thẩm quyền yêu cầu dừng giải quyết.' },
  { kind: 'withdrawn' },
  { kind: 'returned', returnedOn: '2026-03-13', online: true },
  { kind: 'supplement_sent' },
  { kind: 'return_changed', delivery: 'post' },
];

describe('dossier message templates', () => {
  it('each SMS fits one segment in printable ASCII, with the tracking link when it fits', () => {
    for (const notice of NOTICES) {
      const { body } = dossierMessage('sms', context, notice);
      expect(body.length, body).toBeLessThanOrEqual(SMS_MAX_LENGTH);
      expect(body, body).toMatch(/^[\x20-\x7e]+$/);
      expect(body).toMatch(/^UBND phuong Thanh Dong: /);
      expect(body).toContain('10507-260310-0001');
    }
    expect(dossierMessage('sms', context, NOTICES[0] as DossierNotice).body).toBe(
      'UBND phuong Thanh Dong: Da tiep nhan ho so 10507-260310-0001, hen tra ket qua ngay 13/03/2026. ' +
        'Tra cuu: https://thanhdong.gov.vn/tra-cuu/10507-260310-0001',
    );
    // Too long with the link: sent without it rather than in two segments.
    const counter = dossierMessage('sms', context, { kind: 'result_ready', delivery: 'counter' }).body;
    expect(counter).toBe(
      'UBND phuong Thanh Dong: Ho so 10507-260310-0001 da co ket qua. ' +
        'Moi ong/ba den nhan tai Trung tam Phuc vu hanh chinh cong, mang theo giay tiep nhan.',
    );
  });

  it('confirms a changed return method whole, in one segment, whichever the new way', () => {
    const changed = (delivery: 'counter' | 'post' | 'online') =>
      dossierMessage('sms', context, { kind: 'return_changed', delivery }).body;
    expect(changed('post')).toBe(
      'UBND phuong Thanh Dong: Da doi cach nhan ket qua ho so 10507-260310-0001: ' +
        'gui qua buu chinh den dia chi da dang ky.',
    );
    expect(changed('counter')).toMatch(/: nhan tai Trung tam Phuc vu HCC\.$/);
    expect(changed('online')).toMatch(/: tai ban dien tu tai muc Ho so cua toi\.$/);
  });

  it('says how the result comes back: at the centre, by post, or to download', () => {
    const ready = (delivery: 'counter' | 'post' | 'online') =>
      dossierMessage('sms', context, { kind: 'result_ready', delivery }).body;
    expect(ready('post')).toBe(
      'UBND phuong Thanh Dong: Ho so 10507-260310-0001 da co ket qua. ' +
        'Ket qua se duoc gui qua buu chinh den dia chi ong/ba da dang ky.',
    );
    expect(ready('online')).toContain(
      'Moi ong/ba dang nhap muc Ho so cua toi de tai ban dien tu cua ket qua.',
    );
    expect(ready('post')).not.toContain('Trung tam');
    expect(ready('online')).not.toContain('Trung tam');
  });

  it('points an online return to the page where the signed-in applicant downloads the result', () => {
    const account = { ...context, accountUrl: 'https://thanhdong.gov.vn/ho-so-cua-toi/10507-260310-0001' };
    const ready = dossierMessage('email', account, { kind: 'result_ready', delivery: 'online' }).body;
    expect(ready).toContain('Mời ông/bà đăng nhập mục Hồ sơ của tôi để tải bản điện tử của kết quả.');
    expect(ready).toContain(`Tải kết quả: ${account.accountUrl}`);
    expect(
      dossierMessage('email', account, { kind: 'result_ready', delivery: 'counter' }).body,
    ).not.toContain('Tải kết quả');
    const returned = dossierMessage('sms', account, {
      kind: 'returned',
      returnedOn: '2026-03-13',
      online: true,
    });
    expect(returned.body).toContain(
      'da tra ket qua truc tuyen ngay 13/03/2026. Moi ong/ba dang nhap muc Ho so',
    );
    expect(returned.body.length).toBeLessThanOrEqual(SMS_MAX_LENGTH);
  });

  it('an unusually long ward name still gives one segment', () => {
    const long = { ...context, wardName: 'Phường Nguyễn Đại Năng Thành Đông Hải Phòng Mở Rộng' };
    for (const notice of NOTICES) {
      const { body } = dossierMessage('sms', long, notice);
      expect(body.length, body).toBeLessThanOrEqual(SMS_MAX_LENGTH);
    }
  });

  it('Zalo and e-mail keep full diacritics and add the procedure, the details and the link', () => {
    const supplement = NOTICES[1] as DossierNotice;
    const zalo = dossierMessage('zalo', context, supplement);
    expect(zalo).toEqual({
      templateKey: 'dossier.supplement_requested',
      subject: 'Hồ sơ 10507-260310-0001 cần bổ sung giấy tờ',
      body: [
        'UBND phường Thành Đông:',
        'Hồ sơ 10507-260310-0001 cần bổ sung giấy tờ; thời hạn giải quyết tạm dừng đến khi ông/bà nộp đủ.',
        'Thủ tục: Đăng ký khai sinh.',
        'Giấy tờ cần bổ sung:\n- Giấy chứng sinh (bản chính)',
        'Lý do: Giấy chứng sinh nộp là bản chụp.',
        'Tra cứu hồ sơ: https://thanhdong.gov.vn/tra-cuu/10507-260310-0001',
      ].join('\n'),
    });
    const apology = dossierMessage('email', context, NOTICES[6] as DossierNotice);
    expect(apology.subject).toBe('Xin lỗi và hẹn lại ngày trả kết quả hồ sơ 10507-260310-0001');
    expect(apology.body).toMatch(/^Kính gửi ông\/bà,\n\n/);
    expect(apology.body).toContain('Ngày hẹn mới: 17/03/2026.');
    expect(apology.body).toContain('Lý do chậm: Cần xác minh thêm thông tin nơi sinh.');
    expect(apology.body).toContain('Trân trọng,\nUBND phường Thành Đông');
  });

  it('names every template by its notice, the same on every channel', () => {
    for (const notice of NOTICES) {
      const keys = (['sms', 'zalo', 'email'] as const).map(
        (c) => dossierMessage(c, context, notice).templateKey,
      );
      expect(new Set(keys)).toEqual(new Set([`dossier.${notice.kind}`]));
    }
  });

  it('leaves the link out when the public address is not known', () => {
    const { trackingUrl: _url, ...offline } = context;
    const refused = NOTICES[7] as DossierNotice;
    expect(dossierMessage('sms', offline, refused).body).not.toContain('Tra cuu');
    expect(dossierMessage('email', offline, refused).body).not.toContain('Tra cứu');
    expect(dossierMessage('email', offline, refused).body).toContain(
      'Lý do:\n- Thủ tục không thuộc thẩm quyền của UBND phường.',
    );
  });
});
