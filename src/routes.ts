import { dossierRoutes } from './modules/dossiers/routes';
import { procedureRoutes } from './modules/procedures/routes';
import { auditRoutes } from './platform/audit/routes';
import { authRoutes } from './platform/auth/routes';
import { calendarRoutes } from './platform/calendar/routes';
import type { ApiRoutes } from './platform/http/app';
import { healthRoutes } from './platform/http/health';
import { wardRoutes } from './platform/wards/routes';

/** Every API route plugin of the platform and its modules, mounted under `/api/v1`. */
export const API_ROUTES: ApiRoutes = [
  healthRoutes,
  authRoutes,
  calendarRoutes,
  wardRoutes,
  auditRoutes,
  procedureRoutes,
  dossierRoutes,
];
