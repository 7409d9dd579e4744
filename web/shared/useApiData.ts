import { useCallback, useEffect, useState } from 'react';
import { api, asApiError, type ApiError } from './api';

interface Outcome<T> {
  key: string;
  path: string | null;
  data?: T;
  error?: ApiError;
}

export interface ApiData<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * Loads `GET path`; keeps the previous data of the same path visible while reloading.
 * A `null` path loads nothing (data undefined, not loading), for data that depends on a choice not yet made.
 */
export function useApiData<T>(path: string | null): ApiData<T> {
  const [reloads, setReloads] = useState(0);
  const [outcome, setOutcome] = useState<Outcome<T> | null>(null);
  const key = `${path}#${reloads}`;

  useEffect(() => {
    if (path === null) return;
    let active = true;
    api.get<T>(path).then(
      (data) => active && setOutcome({ key, path, data }),
      (error: unknown) => active && setOutcome({ key, path, error: asApiError(error) }),
    );
    return () => {
      active = false;
    };
  }, [key, path]);

  const reload = useCallback(() => setReloads((count) => count + 1), []);
  const current = outcome?.key === key ? outcome : undefined;
  return {
    data: outcome?.path === path ? outcome.data : undefined,
    error: current?.error,
    loading: path !== null && !current,
    reload,
  };
}
