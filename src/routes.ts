import { dossierActionRoutes } from './modules/dossiers/action-routes';
import { dossierDocumentRoutes } from './modules/dossiers/document-routes';
import { indicatorRoutes } from './modules/dossiers/indicator-routes';
import { dossierPages } from './modules/dossiers/pages/index';
import { dossierRoutes } from './modules/dossiers/routes';
import { procedurePages } from './modules/procedures/pages/index';
import { procedureRoutes } from './modules/procedures/routes';
import { auditRoutes } from './platform/audit/routes';
import { authRoutes } from './platform/auth/routes';
import { calendarRoutes } from './platform/calendar/routes';
import type { RoutePlugins } from './platform/http/app';
import { healthRoutes } from './platform/http/health';
import { wardRoutes } from './platform/wards/routes';

/** Every route plugin of the platform and its modules: the API under `/api/v1`, server-rendered pages at `/`. */
export const ROUTES: RoutePlugins = {
  api: [
    healthRoutes,
    authRoutes,
    calendarRoutes,
    wardRoutes,
    auditRoutes,
    procedureRoutes,
    dossierRoutes,
    dossierActionRoutes,
    dossierDocumentRoutes,
    indicatorRoutes,
  ],
  pages: [procedurePages, dossierPages],
};
