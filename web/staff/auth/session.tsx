import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, asApiError, clearCsrfToken, type ApiError } from '../../shared/api';

export type Permission =
  | 'calendar.read'
  | 'calendar.adjust'
  | 'ward.structure.read'
  | 'staff.directory.read'
  | 'audit.read'
  | 'city.read'
  | 'dossiers.intake'
  | 'dossiers.read'
  | 'dossiers.act'
  | 'dossiers.apologise'
  | 'registers.export'
  | 'indicators.read'
  | 'dossiers.sameDay.edit'
  | 'homeVisits.read'
  | 'homeVisits.schedule'
  | 'homeVisits.request'
  | 'queue.call'
  | 'ratings.kiosk'
  | 'complaints.read'
  | 'complaints.record'
  | 'complaints.handle'
  | 'complaints.decide'
  | 'complaints.personal.read'
  | 'denunciations.read'
  | 'denunciations.record'
  | 'denunciations.assign'
  | 'feedback.read'
  | 'feedback.route'
  | 'feedback.answer'
  | 'feedback.publish'
  | 'reception.read'
  | 'reception.schedule.edit'
  | 'reception.log'
  | 'reception.export'
  | 'listening.manage'
  | 'reception.identity.read'
  | 'messages.read'
  | 'messages.retry';

/** `GET /api/v1/auth/me` */
export interface Me {
  id: string;
  username: string;
  fullName: string;
  role: string;
  ward: { code: string; name: string } | null;
  unit: { id: string; name: string } | null;
  permissions: string[];
  mustEnrolTotp: boolean;
  csrfToken: string;
}

export type SessionState =
  | { status: 'loading' }
  /** `endedByUser`: signed out with "Đăng xuất", so sign-in starts afresh at the overview. */
  | { status: 'signedOut'; endedByUser: boolean }
  | { status: 'failed'; error: ApiError }
  | { status: 'signedIn'; me: Me };

interface SessionContextValue {
  state: SessionState;
  /** Reloads the signed-in user; a 401 means signed out. */
  refresh: () => Promise<void>;
  /** Ends the session on the server; throws if the server could not be reached. */
  signOut: () => Promise<void>;
  /** Records that the server no longer accepts the session (an API call answered 401). */
  expire: () => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);
const MeContext = createContext<Me | null>(null);

export function can(me: Me, permission: Permission): boolean {
  return me.permissions.includes(permission);
}

async function loadSession(): Promise<SessionState> {
  try {
    return { status: 'signedIn', me: await api.get<Me>('/api/v1/auth/me') };
  } catch (caught) {
    const error = asApiError(caught);
    return error.status === 401 ? { status: 'signedOut', endedByUser: false } : { status: 'failed', error };
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const refresh = useCallback(async () => setState(await loadSession()), []);

  const endSession = useCallback((endedByUser: boolean) => {
    clearCsrfToken();
    setState({ status: 'signedOut', endedByUser });
  }, []);

  const expire = useCallback(() => endSession(false), [endSession]);

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/v1/auth/logout');
    } catch (caught) {
      if (asApiError(caught).status !== 401) throw caught;
    }
    endSession(true);
  }, [endSession]);

  useEffect(() => {
    let active = true;
    void loadSession().then((loaded) => active && setState(loaded));
    return () => {
      active = false;
    };
  }, []);

  const value = useMemo(() => ({ state, refresh, signOut, expire }), [state, refresh, signOut, expire]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession must be used inside <SessionProvider>');
  return session;
}

export function MeProvider({ me, children }: { me: Me; children: ReactNode }) {
  return <MeContext.Provider value={me}>{children}</MeContext.Provider>;
}

/** The signed-in user; only inside routes guarded by <RequireSession>. */
export function useMe(): Me {
  const me = useContext(MeContext);
  if (!me) throw new Error('useMe must be used inside <RequireSession>');
  return me;
}
