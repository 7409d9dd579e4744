import { Navigate, Outlet, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import { LoadError, Loading } from '../../shared/DataStatus';
import { PlainLayout } from '../shell/PlainLayout';
import { MeProvider, useSession } from './session';

export const SIGN_IN_PATH = '/dang-nhap';
export const TOTP_ENROLMENT_PATH = '/xac-thuc-hai-buoc';

/** Guards the signed-in routes; a user who must enrol in two-step verification is sent there first. */
export function RequireSession() {
  const { t } = useTranslation();
  const { state, refresh } = useSession();
  const location = useLocation();

  if (state.status === 'loading' || state.status === 'failed') {
    return (
      <PlainLayout title={t('staff.session.checking')}>
        {state.status === 'loading' ? (
          <Loading />
        ) : (
          <LoadError error={state.error} onRetry={() => void refresh()} />
        )}
      </PlainLayout>
    );
  }
  if (state.status === 'signedOut') {
    const returnTo = state.endedByUser ? undefined : { from: location.pathname };
    return <Navigate to={SIGN_IN_PATH} replace state={returnTo} />;
  }
  if (state.me.mustEnrolTotp && location.pathname !== TOTP_ENROLMENT_PATH) {
    return <Navigate to={TOTP_ENROLMENT_PATH} replace />;
  }
  return (
    <MeProvider me={state.me}>
      <Outlet />
    </MeProvider>
  );
}
