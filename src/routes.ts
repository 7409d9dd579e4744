import { complaintRoutes } from './modules/complaints/complaint-routes';
import { denunciationRoutes } from './modules/complaints/denunciation-routes';
import { complaintFigureRoutes } from './modules/complaints/figure-routes';
import { dossierActionRoutes } from './modules/dossiers/action-routes';
import { dossierDocumentRoutes } from './modules/dossiers/document-routes';
import { dossierFileRoutes } from './modules/dossiers/file-routes';
import { indicatorRoutes } from './modules/dossiers/indicator-routes';
import { dossierPages } from './modules/dossiers/pages/index';
import { returnMethodRoutes } from './modules/dossiers/return-method';
import { dossierRoutes } from './modules/dossiers/routes';
import { sameDayRoutes } from './modules/dossiers/same-day-routes';
import { open311Routes } from './modules/feedback/open311';
import { feedbackPages } from './modules/feedback/pages/index';
import { feedbackRuleRoutes } from './modules/feedback/rule-routes';
import { feedbackRoutes } from './modules/feedback/routes';
import { feedbackStaffRoutes } from './modules/feedback/staff-routes';
import { homeVisitCitizenRoutes } from './modules/home-visits/citizen-routes';
import { homeVisitRoutes } from './modules/home-visits/routes';
import { paymentPages } from './modules/payments/pages/index';
import { paymentRoutes } from './modules/payments/routes';
import { myDossiersRoutes } from './modules/online/my-dossiers-routes';
import { onlineRoutes } from './modules/online/routes';
import { onlineSupplementRoutes } from './modules/online/supplement-routes';
import { procedurePages } from './modules/procedures/pages/index';
import { procedureRoutes } from './modules/procedures/routes';
import { queueIndicatorRoutes } from './modules/queue/indicator-routes';
import { queuePages } from './modules/queue/pages/index';
import { queueRoutes } from './modules/queue/routes';
import { satisfactionRoutes } from './modules/ratings/indicator-routes';
import { ratingPages } from './modules/ratings/pages/index';
import { ratingRoutes } from './modules/ratings/routes';
import { receptionPages } from './modules/reception/pages/schedule-page';
import { receptionLogRoutes } from './modules/reception/reception-routes';
import { receptionScheduleRoutes } from './modules/reception/schedule-routes';
import { listeningSessionRoutes } from './modules/reception/session-routes';
import { auditRoutes } from './platform/audit/routes';
import { authRoutes } from './platform/auth/routes';
import { calendarRoutes } from './platform/calendar/routes';
import { localVneidPages } from './platform/citizens/local-vneid-pages';
import { citizenRoutes } from './platform/citizens/routes';
import { vneidRoutes } from './platform/citizens/vneid-routes';
import { messageRoutes } from './platform/channels/routes';
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
    returnMethodRoutes,
    dossierDocumentRoutes,
    dossierFileRoutes,
    indicatorRoutes,
    sameDayRoutes,
    homeVisitRoutes,
    homeVisitCitizenRoutes,
    messageRoutes,
    paymentRoutes,
    ratingRoutes,
    satisfactionRoutes,
    citizenRoutes,
    vneidRoutes,
    myDossiersRoutes,
    onlineRoutes,
    onlineSupplementRoutes,
    queueRoutes,
    queueIndicatorRoutes,
    feedbackRoutes,
    feedbackStaffRoutes,
    feedbackRuleRoutes,
    complaintRoutes,
    denunciationRoutes,
    complaintFigureRoutes,
    receptionScheduleRoutes,
    receptionLogRoutes,
    listeningSessionRoutes,
  ],
  pages: [
    procedurePages,
    dossierPages,
    paymentPages,
    ratingPages,
    localVneidPages,
    queuePages,
    feedbackPages,
    receptionPages,
    open311Routes,
  ],
};
