import type { ReactNode } from 'react';

/**
 * Data that stays Vietnamese whatever the interface language (names of procedures, papers, wards, units and
 * people; addresses; notes): marked `lang="vi"` so that screen readers pronounce it in Vietnamese in the English
 * interface. An element that holds only such data takes the attribute itself (`<Table.Td lang="vi">`).
 */
export function Vi({ children }: { children: ReactNode }) {
  return <span lang="vi">{children}</span>;
}
