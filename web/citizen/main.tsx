// Only the Mantine styles the portal uses, to keep the download small on low-cost phones.
// Order matters: base styles first, then the components others build on (UnstyledButton, Text).
import '@mantine/core/styles/baseline.css';
import '@mantine/core/styles/default-css-variables.css';
import '@mantine/core/styles/global.css';
import '@mantine/core/styles/UnstyledButton.css';
import '@mantine/core/styles/Text.css';
import '@mantine/core/styles/Alert.css';
import '@mantine/core/styles/Anchor.css';
import '@mantine/core/styles/Button.css';
import '@mantine/core/styles/Container.css';
import '@mantine/core/styles/Group.css';
import '@mantine/core/styles/Input.css';
import '@mantine/core/styles/List.css';
import '@mantine/core/styles/Loader.css';
import '@mantine/core/styles/Stack.css';
import '@mantine/core/styles/Title.css';
import './citizen.css';
import '../shared/i18n';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { theme } from '../shared/theme';
import { CitizenApp } from './CitizenApp';
import { applyStoredDisplayPreferences } from './displayPreferences';

applyStoredDisplayPreferences();

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <BrowserRouter>
        <CitizenApp />
      </BrowserRouter>
    </MantineProvider>
  </StrictMode>,
);
