import { useCallback, useEffect, useState } from 'react';
import type { ClientProfile } from '../../shared/api/contract.ts';
import { call } from '../backend.ts';

export interface ProfileState {
  profile: ClientProfile | null;
  error: unknown;
  loading: boolean;
  /** Loads the profile again after a change; keeps showing the old one meanwhile. */
  reload(): void;
}

export function useClientProfile(clientId: string): ProfileState {
  const [profile, setProfile] = useState<ClientProfile | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(true);
  const [version, setVersion] = useState(0);

  useEffect(() => {
    let current = true;
    setLoading(true);
    call('clients.profile', { id: clientId }).then(
      (result) => {
        if (!current) return;
        setProfile(result);
        setError(null);
        setLoading(false);
      },
      (failure: unknown) => {
        if (!current) return;
        setError(failure);
        setLoading(false);
      },
    );
    return () => {
      current = false;
    };
  }, [clientId, version]);

  const reload = useCallback(() => setVersion((v) => v + 1), []);
  return { profile, error, loading, reload };
}
