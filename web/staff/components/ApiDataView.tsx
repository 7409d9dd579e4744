import { useEffect, type ReactNode } from 'react';
import { LoadError, Loading } from '../../shared/DataStatus';
import type { ApiData } from '../../shared/useApiData';
import { useSession } from '../auth/session';

/** Ends the local session; the route guard then sends the user to sign-in. */
function SessionExpired() {
  const { expire } = useSession();
  useEffect(() => expire(), [expire]);
  return <Loading />;
}

/** Renders loaded data, a loading state or the error; an expired session (401) leads to sign-in. */
export function ApiDataView<T>({ data, children }: { data: ApiData<T>; children: (value: T) => ReactNode }) {
  if (data.error?.status === 401) return <SessionExpired />;
  if (data.error) return <LoadError error={data.error} onRetry={data.reload} />;
  if (data.data === undefined) return <Loading />;
  return <>{children(data.data)}</>;
}
