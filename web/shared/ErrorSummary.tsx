import { Anchor, Box, List, Title } from '@mantine/core';
import { useEffect, useRef, type MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from './api';
import { summaryItems } from './forms';

function focusField(event: MouseEvent<HTMLAnchorElement>, fieldId: string): void {
  const field = document.getElementById(fieldId);
  if (!field) return;
  event.preventDefault();
  field.focus();
  field.scrollIntoView({ block: 'center' });
}

interface ErrorSummaryProps {
  error: ApiError | null;
  /** Maps the API's field names to the ids of this form's inputs; the first is the fallback target. */
  fieldIds: Record<string, string>;
}

/** GOV.UK-style error summary: takes focus when a new error arrives and links to each field in error. */
export function ErrorSummary({ error, fieldIds }: ErrorSummaryProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (error) ref.current?.focus();
  }, [error]);

  const items = summaryItems(error, fieldIds);
  if (items.length === 0) return null;
  return (
    <Box ref={ref} tabIndex={-1} role="alert" className="error-summary" mb="lg">
      <Title order={2} size="h4" mb="xs">
        {t('common.errorSummaryTitle')}
      </Title>
      <List>
        {items.map((item) => (
          <List.Item key={`${item.fieldId}:${item.message}`}>
            <Anchor
              href={`#${item.fieldId}`}
              c="red.9"
              fw={700}
              onClick={(event) => focusField(event, item.fieldId)}
            >
              {item.message}
            </Anchor>
          </List.Item>
        ))}
      </List>
    </Box>
  );
}
