import { Table, Text } from '@mantine/core';
import { useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface TableRegionProps {
  caption: string;
  /** With no rows, a sentence replaces the table. */
  rowCount: number;
  /** Below this width (px) the table scrolls sideways instead of squeezing its columns. */
  minWidth: number;
  children: ReactNode;
}

/** A captioned table inside a labelled, keyboard-scrollable region. */
export function TableRegion({ caption, rowCount, minWidth, children }: TableRegionProps) {
  const { t } = useTranslation();
  const captionId = useId();
  if (rowCount === 0) {
    return (
      <Text>
        {caption}: {t('common.noRows')}
      </Text>
    );
  }
  return (
    <div className="table-region" role="region" aria-labelledby={captionId} tabIndex={0}>
      <Table miw={minWidth} withTableBorder striped captionSide="top" verticalSpacing="sm">
        <Table.Caption id={captionId} className="table-caption">
          {caption}
        </Table.Caption>
        {children}
      </Table>
    </div>
  );
}
