import { dossierRoutes } from './modules/dossiers/routes';
import { procedureRoutes } from './modules/procedures/routes';
import { auditRoutes } from './platform/audit/routes';
import { authRoutes } from './platform/auth/routes';
import { calendarRoutes } from './platform/calendar/routes';
import type { RoutePlugins } from './platform/http/app';
import { healthRoutes } from './platform/http/health';
import { wardRoutes } from './platform/wards/routes';

/** Every route plugin of the platform and its modules: the API under `/api/v1`, server-rendered pages at `/`. */
export const ROUTES: RoutePlugins = {
  api: [healthRoutes, authRoutes, calendarRoutes, wardRoutes, auditRoutes, procedureRoutes, dossierRoutes],
  pages: [],
};
