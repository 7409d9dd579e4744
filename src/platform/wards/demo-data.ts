import type { Role } from '../auth/roles';
import type { OfficeHoursSetting } from './schema';

/** Demo data for development and tests only: never seeded in production mode. */

export const DEMO_PASSWORD = 'ThanhDong@2026';

export const UNIT_KINDS = {
  office: 'Văn phòng HĐND&UBND',
  culture: 'Phòng Văn hoá – Xã hội',
  economy: 'Phòng Kinh tế – Hạ tầng – Đô thị',
  oneStop: 'Trung tâm Phục vụ Hành chính công',
  publicServices: 'Trung tâm Dịch vụ sự nghiệp công',
} as const;

export type UnitKind = keyof typeof UNIT_KINDS;

export const DEMO_OFFICE_HOURS: OfficeHoursSetting = {
  opensAt: '07:30',
  closesAt: '17:00',
  saturdayMorningReceiving: true,
  saturdayClosesAt: '11:30',
  sameDayCutoff: '15:00',
};

export interface DemoStaff {
  username: string;
  fullName: string;
  title: string;
  role: Role;
  unit?: UnitKind;
  /** Index (1-based) of the residential group a group head leads. */
  group?: number;
  phone?: string;
}

export interface DemoWard {
  code: string;
  address: string;
  phone: string;
  email: string;
  slogans: string[];
  households: number[];
  staff: DemoStaff[];
}

export const DEMO_WARDS: DemoWard[] = [
  {
    code: '10507',
    address: 'Trụ sở UBND phường Thành Đông, thành phố Hải Phòng',
    phone: '0220 3852 345',
    email: 'ubnd.thanhdong@haiphong.gov.vn',
    // Seed III.6: the slogans the plan posts at the ward office.
    slogans: [
      'Xây dựng chính quyền phường Thành Đông thân thiện, vì nhân dân phục vụ.',
      'Xây dựng phường Thành Đông xanh, thông minh, thân thiện, an toàn.',
      'Phường Thành Đông quyết tâm xây dựng chính quyền thân thiện, hiện đại, gần dân.',
      'Phường Thành Đông phấn đấu xây dựng chính quyền thân thiện, hiện đại và gần dân, bảo đảm phục vụ nhân dân nhanh chóng và minh bạch.',
    ],
    households: [312, 276, 298, 254, 341, 287, 263, 305, 229, 318],
    staff: [
      {
        username: 'motcua',
        fullName: 'Trần Thị Hằng',
        title: 'Công chức Trung tâm Phục vụ HCC',
        role: 'counter_officer',
        unit: 'oneStop',
        phone: '0912345678',
      },
      {
        username: 'chuyenvien',
        fullName: 'Lê Văn Dũng',
        title: 'Công chức Phòng Văn hoá – Xã hội',
        role: 'department_officer',
        unit: 'culture',
        phone: '0913456789',
      },
      {
        username: 'truongphong',
        fullName: 'Phạm Thị Thu',
        title: 'Trưởng phòng Văn hoá – Xã hội',
        role: 'department_head',
        unit: 'culture',
        phone: '0914567890',
      },
      {
        username: 'chutich',
        fullName: 'Nguyễn Văn Hưng',
        title: 'Chủ tịch UBND phường',
        role: 'ward_leader',
        unit: 'office',
        phone: '0915678901',
      },
      {
        username: 'totruong',
        fullName: 'Đỗ Văn Bình',
        title: 'Tổ trưởng Tổ dân phố số 1',
        role: 'group_head',
        group: 1,
        phone: '0916789012',
      },
      {
        username: 'giamsat',
        fullName: 'Hoàng Thị Lan',
        title: 'Trưởng Ban Thanh tra nhân dân',
        role: 'supervisor',
        phone: '0917890123',
      },
      {
        username: 'quantri',
        fullName: 'Bùi Quang Huy',
        title: 'Quản trị hệ thống của phường',
        role: 'ward_admin',
        unit: 'office',
        phone: '0918901234',
      },
    ],
  },
  {
    code: '10525',
    address: 'Trụ sở UBND phường Hải Dương, thành phố Hải Phòng',
    phone: '0220 3853 456',
    email: 'ubnd.haiduong@haiphong.gov.vn',
    slogans: ['Xây dựng chính quyền phường Hải Dương thân thiện, vì nhân dân phục vụ.'],
    households: [280, 245, 301, 266, 233, 290, 275, 258, 312, 240],
    staff: [
      {
        username: 'hd.motcua',
        fullName: 'Ngô Thị Mai',
        title: 'Công chức Trung tâm Phục vụ HCC',
        role: 'counter_officer',
        unit: 'oneStop',
        phone: '0921234567',
      },
      {
        username: 'hd.quantri',
        fullName: 'Trịnh Văn Nam',
        title: 'Quản trị hệ thống của phường',
        role: 'ward_admin',
        unit: 'office',
        phone: '0922345678',
      },
    ],
  },
];

/** Accounts above a ward. */
export const DEMO_CITY_STAFF: (DemoStaff & { provinceCode: string | null })[] = [
  {
    username: 'thanhpho',
    fullName: 'Vũ Minh Đức',
    title: 'Chuyên viên Sở Nội vụ',
    role: 'city_reviewer',
    provinceCode: '31',
  },
  {
    username: 'hethong',
    fullName: 'Đặng Thu Trang',
    title: 'Quản trị hệ thống',
    role: 'system_admin',
    provinceCode: null,
  },
];
