/**
 * Official changes to the civil-service calendar for 2025–2026 (vn-rules §7.2), used to seed calendar_adjustments.
 * Statutory days that need no notice (01/01, Giỗ Tổ, 30/4, 1/5, 02/9, the two Tết days from the lunar calendar and
 * nghỉ bù 27/04/2026) are computed by rules.ts and are not repeated here.
 */
import type { Adjustment } from './rules';

const TB_6150 = 'Thông báo 6150/TB-BLĐTBXH (theo Công văn 8726/VPCP-KGVX ngày 26/11/2024)';
const CV_12729 = 'Công văn 12729/VPCP-KGVX ngày 25/12/2025 của Văn phòng Chính phủ';
const TB_9441 = 'Thông báo 9441/TB-BNV ngày 16/10/2025 của Bộ Nội vụ';

export const OFFICIAL_ADJUSTMENTS_2025_2026: Adjustment[] = [
  // 2025 — Tết Ất Tỵ: nghỉ từ thứ Bảy 25/01 đến Chủ nhật 02/02 (27/01 – 31/01 là ngày làm việc được nghỉ).
  {
    date: '2025-01-27',
    kind: 'day_off',
    reason: 'Nghỉ Tết Âm lịch Ất Tỵ (28 tháng Chạp)',
    legalBasis: TB_6150,
  },
  { date: '2025-01-30', kind: 'day_off', reason: 'Nghỉ Tết Âm lịch Ất Tỵ (mùng 2 Tết)', legalBasis: TB_6150 },
  { date: '2025-01-31', kind: 'day_off', reason: 'Nghỉ Tết Âm lịch Ất Tỵ (mùng 3 Tết)', legalBasis: TB_6150 },
  // 2025 — dịp 30/4–1/5: hoán đổi thứ Sáu 02/05 với thứ Bảy 26/04.
  {
    date: '2025-04-26',
    kind: 'working_day',
    reason: 'Làm bù thứ Bảy cho ngày nghỉ hoán đổi 02/05/2025',
    legalBasis: TB_6150,
  },
  {
    date: '2025-05-02',
    kind: 'day_off',
    reason: 'Nghỉ hoán đổi dịp 30/4–1/5 (làm bù thứ Bảy 26/04/2025)',
    legalBasis: TB_6150,
  },
  // 2025 — Quốc khánh: nghỉ từ thứ Bảy 30/08 đến thứ Ba 02/09.
  {
    date: '2025-09-01',
    kind: 'day_off',
    reason: 'Nghỉ Quốc khánh (ngày thứ hai, 01/9)',
    legalBasis: TB_6150,
  },

  // 2026 — Tết Dương lịch: hoán đổi thứ Sáu 02/01 với thứ Bảy 10/01.
  {
    date: '2026-01-02',
    kind: 'day_off',
    reason: 'Nghỉ hoán đổi dịp Tết Dương lịch (làm bù thứ Bảy 10/01/2026)',
    legalBasis: CV_12729,
  },
  {
    date: '2026-01-10',
    kind: 'working_day',
    reason: 'Làm bù thứ Bảy cho ngày nghỉ hoán đổi 02/01/2026',
    legalBasis: CV_12729,
  },
  // 2026 — Tết Bính Ngọ: nghỉ từ thứ Bảy 14/02 đến Chủ nhật 22/02 (16/02 – 20/02 là ngày làm việc được nghỉ).
  {
    date: '2026-02-18',
    kind: 'day_off',
    reason: 'Nghỉ Tết Âm lịch Bính Ngọ (mùng 2 Tết)',
    legalBasis: TB_9441,
  },
  {
    date: '2026-02-19',
    kind: 'day_off',
    reason: 'Nghỉ Tết Âm lịch Bính Ngọ (mùng 3 Tết)',
    legalBasis: TB_9441,
  },
  {
    date: '2026-02-20',
    kind: 'day_off',
    reason: 'Nghỉ Tết Âm lịch Bính Ngọ (mùng 4 Tết)',
    legalBasis: TB_9441,
  },
  // 2026 — Quốc khánh: nghỉ từ thứ Bảy 29/08 đến thứ Tư 02/09; hoán đổi thứ Hai 31/08 với thứ Bảy 22/08.
  {
    date: '2026-08-22',
    kind: 'working_day',
    reason: 'Làm bù thứ Bảy cho ngày nghỉ hoán đổi 31/08/2026',
    legalBasis: TB_9441,
  },
  {
    date: '2026-08-31',
    kind: 'day_off',
    reason: 'Nghỉ hoán đổi dịp Quốc khánh (làm bù thứ Bảy 22/08/2026)',
    legalBasis: TB_9441,
  },
  {
    date: '2026-09-01',
    kind: 'day_off',
    reason: 'Nghỉ Quốc khánh (ngày thứ hai, 01/9)',
    legalBasis: TB_9441,
  },
];
