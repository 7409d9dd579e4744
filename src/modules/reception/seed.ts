import type { Db } from '../../platform/db/connect';
import { upsertSchedule } from './store';

/**
 * Thành Đông's reception schedule for demonstrations only (thứ Năm mornings at the ward's headquarters); the
 * ward's leader publishes the real one, which the plan requires on the portal.
 */
export async function seedDemoReceptionSchedule(db: Db): Promise<void> {
  await upsertSchedule(db, {
    wardCode: '10507',
    weekdays: [4],
    startsAt: '07:30',
    endsAt: '11:30',
    place: 'Phòng tiếp công dân, trụ sở Ủy ban nhân dân phường Thành Đông',
    rulesText:
      'Công dân đến mang theo căn cước và giấy tờ liên quan; giữ trật tự, tôn trọng người tiếp; nhiều người ' +
      'cùng một nội dung thì cử người đại diện để trình bày (Luật Tiếp công dân 2013, điều 7 và điều 30).',
    updatedBy: null,
    updatedByName: 'Dữ liệu mẫu',
    updatedAt: new Date('2026-01-05T08:00:00+07:00'),
  });
}
