/** `GET /api/v1/portal` */
export interface Portal {
  ward: {
    code: string;
    name: string;
    provinceName: string;
    address: string;
    phone: string;
    email: string;
  };
  slogans: string[];
  officeHours: {
    opensAt: string;
    closesAt: string;
    saturdayMorningReceiving: boolean;
    saturdayClosesAt: string;
  };
  languages: string[];
}

export const PORTAL_PATH = '/api/v1/portal';

/** "Phường Thành Đông" → "phường Thành Đông", as it reads mid-sentence ("Ủy ban nhân dân phường …"). */
export function midSentenceName(name: string): string {
  return name.charAt(0).toLocaleLowerCase('vi') + name.slice(1);
}
