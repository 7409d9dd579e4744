import { Checkbox, Fieldset, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Vi } from '../../shared/Vi';
import type { ProcedureDocument } from './dossierApi';

interface DocumentChecklistProps {
  legend: string;
  hint?: string;
  documents: readonly ProcedureDocument[];
  checked: readonly string[];
  onChange: (ids: string[]) => void;
  /** Id of each checkbox, from the document's id. */
  inputId: (documentId: string) => string;
  error?: string;
}

function Tags({ document }: { document: ProcedureDocument }) {
  const { t } = useTranslation();
  if (document.presentOnly)
    return <span className="doc-tag doc-tag-present">{t('staff.documentsList.presentOnly')}</span>;
  if (document.condition) return <span className="doc-tag">{t('staff.documentsList.conditional')}</span>;
  return <span className="doc-tag doc-tag-required">{t('staff.documentsList.required')}</span>;
}

/** The procedure's papers as checkboxes: required ones, those only shown at the counter, conditional ones. */
export function DocumentChecklist(props: DocumentChecklistProps) {
  const { legend, hint, documents, checked, onChange, inputId, error } = props;
  const { t } = useTranslation();
  const errorId = `${inputId('loi')}-message`;

  const toggle = (id: string, on: boolean) =>
    onChange(on ? [...checked, id] : checked.filter((value) => value !== id));

  const counts = (document: ProcedureDocument) =>
    [
      document.originals > 0 && t('staff.documentsList.originals', { count: document.originals }),
      document.copies > 0 && t('staff.documentsList.copies', { count: document.copies }),
    ]
      .filter(Boolean)
      .join(', ');

  return (
    <Fieldset
      legend={legend}
      variant="unstyled"
      className="document-checklist"
      aria-describedby={error ? errorId : undefined}
    >
      {hint && <Text mb="xs">{hint}</Text>}
      {error && (
        <Text id={errorId} c="red.9" fw={700} mb="xs">
          {error}
        </Text>
      )}
      <Stack gap="xs">
        {documents.map((document) => (
          <Checkbox
            key={document.id}
            id={inputId(document.id)}
            checked={checked.includes(document.id)}
            onChange={(event) => toggle(document.id, event.currentTarget.checked)}
            label={
              <>
                <Vi>{document.name}</Vi> <Tags document={document} />
              </>
            }
            description={[
              counts(document),
              document.condition && t('staff.documentsList.condition', { condition: document.condition }),
            ]
              .filter(Boolean)
              .join(' · ')}
            error={error ? true : undefined}
            onKeyDown={(event) => {
              // Enter confirms the form, as in the text fields (a checkbox would otherwise ignore it).
              if (event.key !== 'Enter') return;
              event.preventDefault();
              event.currentTarget.form?.requestSubmit();
            }}
          />
        ))}
      </Stack>
    </Fieldset>
  );
}
