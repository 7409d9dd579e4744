/**
 * Dates and times as Vietnamese administrative documents write them (Nghị định 30/2020/NĐ-CP, Phụ lục I):
 * "Thành Đông, ngày 05 tháng 02 năm 2026" — days below 10 and the months 1 and 2 take a leading zero, other
 * months do not ("ngày 13 tháng 3 năm 2026"). Every time is Vietnam local time (UTC+7), whatever the machine's TZ.
 */
import { formatVn, localMinutes } from '../calendar/holidays';
import { addDays, toLocalDate, type IsoDate } from '../calendar/rules';

export { formatVn };

function parts(date: IsoDate): { day: number; month: number; year: string } {
  addDays(date, 0); // validates the date
  const [year, month, day] = date.split('-');
  return { day: Number(day), month: Number(month), year };
}

/** '2026-02-05' → 'ngày 05 tháng 02 năm 2026'; '2026-03-13' → 'ngày 13 tháng 3 năm 2026'. */
export function longDateVn(date: IsoDate): string {
  const { day, month, year } = parts(date);
  const dd = String(day).padStart(2, '0');
  const mm = month <= 2 ? String(month).padStart(2, '0') : String(month);
  return `ngày ${dd} tháng ${mm} năm ${year}`;
}

/** 'Thành Đông, ngày 13 tháng 02 năm 2026': the place-and-date line under the national motto. */
export function placeDateVn(place: string, date: IsoDate): string {
  return `${place}, ${longDateVn(date)}`;
}

/** Vietnam local 'HH:MM' of an instant. */
export function clockVn(at: Date): string {
  const minutes = localMinutes(at);
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  return `${hh}:${String(minutes % 60).padStart(2, '0')}`;
}

/** '10:00 ngày 13/02/2026' (Vietnam local time). */
export function dateTimeVn(at: Date): string {
  return `${clockVn(at)} ngày ${formatVn(toLocalDate(at))}`;
}

/** '10 giờ 00 phút, ngày 13 tháng 02 năm 2026': the time column of the control sheet. */
export function spokenDateTimeVn(at: Date): string {
  const [hh, mm] = clockVn(at).split(':');
  return `${hh} giờ ${mm} phút, ${longDateVn(toLocalDate(at))}`;
}

/** The place name of a ward for the date line: 'Phường Thành Đông' → 'Thành Đông'. */
export function placeName(unitName: string): string {
  return unitName.replace(/^(phường|xã|đặc khu|thị trấn)\s+/i, '').trim();
}
