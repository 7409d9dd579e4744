import { Text, TextInput } from '@mantine/core';
import { useId, useState, type KeyboardEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProcedureSummary } from '../../dossiers/dossierApi';
import { FIELD_IDS, searchProcedures, timeLimitText } from './intakeForm';

const MAX_SHOWN = 8;

interface ProcedurePickerProps {
  procedures: readonly ProcedureSummary[];
  selected: ProcedureSummary | null;
  onSelect: (procedure: ProcedureSummary | null) => void;
  error?: string;
  inputRef: Ref<HTMLInputElement>;
}

/**
 * Search-as-you-type procedure box (ARIA combobox with a list below it): typing "khai sinh" filters without
 * diacritics, arrow keys move through the matches, Enter chooses (the first match if none is highlighted),
 * Escape closes the list.
 */
export function ProcedurePicker({ procedures, selected, onSelect, error, inputRef }: ProcedurePickerProps) {
  const { t } = useTranslation();
  const listId = useId();
  const [query, setQuery] = useState(selected?.name ?? '');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const matches = searchProcedures(procedures, query);
  const shown = matches.slice(0, MAX_SHOWN);
  const expanded = open && shown.length > 0;
  const optionId = (index: number) => `${listId}-${index}`;

  const choose = (procedure: ProcedureSummary) => {
    setQuery(procedure.name);
    setOpen(false);
    setActive(-1);
    onSelect(procedure);
  };

  const change = (value: string) => {
    setQuery(value);
    setOpen(value.trim().length > 0);
    setActive(-1);
    if (selected) onSelect(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (!expanded) {
        setOpen(true);
        setActive(event.key === 'ArrowDown' ? 0 : Math.min(matches.length, MAX_SHOWN) - 1);
        return;
      }
      const step = event.key === 'ArrowDown' ? 1 : -1;
      setActive((current) => (current + step + shown.length) % shown.length);
    } else if (event.key === 'Enter') {
      if (!expanded) return; // Enter with a procedure chosen submits the form.
      event.preventDefault();
      choose(shown[Math.max(active, 0)]);
    } else if (event.key === 'Escape' && expanded) {
      event.preventDefault();
      setOpen(false);
      setActive(-1);
    }
  };

  return (
    <div className="procedure-picker">
      <TextInput
        ref={inputRef}
        id={FIELD_IDS.procedureCode}
        type="text"
        label={t('staff.intake.procedure')}
        description={t('staff.intake.procedureHint')}
        value={query}
        onChange={(event) => change(event.currentTarget.value)}
        onKeyDown={onKeyDown}
        onBlur={() => setOpen(false)}
        error={error}
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={expanded ? listId : undefined}
        aria-activedescendant={expanded && active >= 0 ? optionId(active) : undefined}
      />
      <Text role="status" size="sm" mt={4} className="visually-hidden">
        {expanded ? t('staff.intake.matches', { count: matches.length }) : ''}
      </Text>
      {expanded && (
        <ul
          id={listId}
          role="listbox"
          aria-label={t('staff.intake.procedureList')}
          className="procedure-list"
        >
          {shown.map((procedure, index) => (
            <li
              key={procedure.code}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              className="procedure-option"
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => choose(procedure)}
            >
              <span className="procedure-option-name" lang="vi">
                {procedure.name}
              </span>
              <span className="procedure-option-meta">
                {procedure.code} · {procedure.field} · {timeLimitText(t, procedure.timeLimit)}
              </span>
            </li>
          ))}
          {matches.length > shown.length && (
            <li role="option" aria-disabled="true" aria-selected={false} className="procedure-option-more">
              {t('staff.intake.moreMatches', { count: matches.length - shown.length })}
            </li>
          )}
        </ul>
      )}
      {open && query.trim() && matches.length === 0 && <Text mt="xs">{t('staff.intake.noMatch')}</Text>}
    </div>
  );
}
