import { useState } from 'react';
import { ApiError, asApiError, type FieldErrors } from './api';

export interface ErrorSummaryItem {
  fieldId: string;
  message: string;
}

/** A client-side validation failure, shaped like a server one so both show the same way. */
export function validationError(message: string, fields: FieldErrors): ApiError {
  return new ApiError(0, 'validation', message, fields);
}

/**
 * Error summary entries for a form: one per field error that belongs to a field of the form,
 * or the general message linked to the form's first field.
 */
export function summaryItems(error: ApiError | null, fieldIds: Record<string, string>): ErrorSummaryItem[] {
  if (!error) return [];
  const items = Object.entries(error.fields)
    .filter(([field]) => field in fieldIds)
    .map(([field, message]) => ({ fieldId: fieldIds[field], message }));
  if (items.length > 0) return items;
  return [{ fieldId: Object.values(fieldIds)[0] ?? '', message: error.message }];
}

/** Runs a form action, tracking whether it is in flight and the error it failed with. */
export function useSubmission() {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function run(action: () => Promise<void>): Promise<void> {
    setSubmitting(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(asApiError(caught));
    } finally {
      setSubmitting(false);
    }
  }

  const fieldError = (field: string): string | undefined => error?.fields[field];
  return { submitting, error, setError, run, fieldError };
}
