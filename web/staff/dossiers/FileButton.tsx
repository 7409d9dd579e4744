import { Anchor, Button, Group, Text } from '@mantine/core';
import { useState, type MouseEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { api, asApiError, type ApiError } from '../../shared/api';
import { isNotReady, NotReady } from './NotReady';

type State =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'blocked'; url: string }
  | { kind: 'failed'; error: ApiError };

interface FileButtonProps {
  /** API path answering the file. */
  path: string;
  label: string;
  /** `open`: in a new tab (PDF, to print); `download`: saved under `fileName`. */
  mode?: 'open' | 'download';
  fileName?: string;
  variant?: 'filled' | 'outline' | 'light';
  /** Id of the text describing what the file is about (for screen readers). */
  describedBy?: string;
  buttonRef?: Ref<HTMLAnchorElement>;
}

const REVOKE_AFTER_MS = 5 * 60_000;

function preparingWindow(message: string): Window | null {
  const opened = window.open('', '_blank');
  if (!opened) return null;
  opened.opener = null;
  try {
    opened.document.title = message;
    opened.document.body.textContent = message;
  } catch {
    // The new tab may not be scriptable; it will show the file anyway.
  }
  return opened;
}

/**
 * Opens a PDF in a new tab or downloads a file. The tab is opened at once (so no pop-up blocker stops it),
 * then given the file; a route that does not exist yet closes it and says so politely.
 */
export function FileButton(props: FileButtonProps) {
  const { path, label, mode = 'open', fileName, variant, describedBy, buttonRef } = props;
  const { t } = useTranslation();
  const [state, setState] = useState<State>({ kind: 'idle' });

  const run = async (event: MouseEvent<HTMLAnchorElement>) => {
    // Ctrl/Shift/middle click: let the browser open the address itself.
    if (event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    if (state.kind === 'loading') return;
    const target = mode === 'open' ? preparingWindow(t('staff.documents.preparing')) : null;
    setState({ kind: 'loading' });
    try {
      const blob = await api.getBlob(path);
      const url = URL.createObjectURL(blob);
      window.setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
      if (mode === 'download') {
        const link = document.createElement('a');
        link.href = url;
        link.download = fileName ?? 'tai-lieu';
        link.click();
        setState({ kind: 'idle' });
      } else if (target) {
        target.location.href = url;
        setState({ kind: 'idle' });
      } else {
        setState({ kind: 'blocked', url });
      }
    } catch (caught) {
      target?.close();
      setState({ kind: 'failed', error: asApiError(caught) });
    }
  };

  return (
    <div>
      <Button
        component="a"
        href={path}
        target={mode === 'open' ? '_blank' : undefined}
        rel="noopener"
        download={mode === 'download' ? fileName : undefined}
        variant={variant ?? 'outline'}
        loading={state.kind === 'loading'}
        onClick={(event: MouseEvent<HTMLAnchorElement>) => void run(event)}
        aria-describedby={describedBy}
        ref={buttonRef}
      >
        {label}
      </Button>
      {state.kind === 'failed' &&
        (isNotReady(state.error) ? (
          <NotReady what={label} />
        ) : (
          <Text role="alert" c="red.9" mt="xs">
            {state.error.message}
          </Text>
        ))}
      {state.kind === 'blocked' && (
        <Group role="status" mt="xs" gap="xs">
          <Text>{t('staff.documents.blocked')}</Text>
          <Anchor href={state.url} target="_blank" underline="always">
            {t('staff.documents.openHere', { label })}
          </Anchor>
        </Group>
      )}
    </div>
  );
}
