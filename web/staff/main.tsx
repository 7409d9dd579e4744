import '@mantine/core/styles.css';
import './staff.css';
import './i18n';
import { MantineProvider } from '@mantine/core';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router';
import { theme } from '../shared/theme';
import { SessionProvider } from './auth/session';
import { StaffApp } from './StaffApp';

const container = document.getElementById('root');
if (!container) throw new Error('Missing #root element');

createRoot(container).render(
  <StrictMode>
    <MantineProvider theme={theme}>
      <BrowserRouter basename="/staff">
        <SessionProvider>
          <StaffApp />
        </SessionProvider>
      </BrowserRouter>
    </MantineProvider>
  </StrictMode>,
);
