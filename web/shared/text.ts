/** Lower-case text without Vietnamese diacritics, so "thanh dong" finds "Thành Đông". */
export function foldForSearch(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().trim();
}
