import type { Db } from '../../platform/db/connect';
import type { GroupKey } from './rules';
import { insertCounters } from './store';

const COUNTERS: { name: string; groups: GroupKey[] }[] = [
  { name: 'Tư pháp – Hộ tịch', groups: ['tu-phap-ho-tich'] },
  { name: 'Đất đai – Xây dựng', groups: ['dat-dai-xay-dung'] },
  { name: 'Lao động – Thương binh – Xã hội', groups: ['lao-dong-xa-hoi'] },
  { name: 'Chứng thực', groups: ['chung-thuc'] },
];

/** Thành Đông's four counters for demonstrations only; the ward administrator sets up the real ones. */
export async function seedDemoCounters(db: Db): Promise<void> {
  const wardCode = '10507';
  await insertCounters(
    db,
    COUNTERS.map((counter, i) => ({
      id: `${wardCode}-${i + 1}`,
      wardCode,
      number: i + 1,
      ...counter,
      demo: true,
    })),
  );
}
