/**
 * The people the local VNeID stand-in knows: invented, with well-formed căn cước numbers registered in Hải Phòng
 * (031; the fourth digit gives gender and century). A dossier taken at the counter with one of these numbers
 * appears under "Hồ sơ của tôi" once that person signs in.
 */
export interface DemoCitizen {
  /** VNeID's opaque subject identifier. */
  subject: string;
  fullName: string;
  idNumber: string;
  phone: string;
}

export const DEMO_CITIZENS: readonly DemoCitizen[] = [
  {
    subject: 'vneid-demo-7f3a1c',
    fullName: 'Nguyễn Thị Hằng',
    idNumber: '031195001234',
    phone: '0912345678',
  },
  { subject: 'vneid-demo-2b9e4d', fullName: 'Trần Văn Đức', idNumber: '031088004567', phone: '0983456789' },
  {
    subject: 'vneid-demo-c51f08',
    fullName: 'Phạm Thị Ánh Tuyết',
    idNumber: '031172009876',
    phone: '0356789012',
  },
];
