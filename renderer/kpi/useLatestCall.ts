import { useEffect, useRef, useState } from 'react';

export interface LatestCall<T> {
  /** The answer to the latest request, or to an earlier one while the latest is on its way. */
  data: T | null;
  error: unknown;
  /** A request for the current key is on its way. */
  loading: boolean;
}

/**
 * Calls the backend whenever `key` (what is asked) changes, and keeps only the answer to the latest request: a slow
 * answer to an earlier period or scope never replaces a newer one. The last answer stays on screen meanwhile.
 */
export function useLatestCall<T>(load: () => Promise<T>, key: string | null): LatestCall<T> {
  const [state, setState] = useState<LatestCall<T>>({ data: null, error: null, loading: key !== null });
  const latest = useRef<string | null>(null);
  const loadRef = useRef(load);
  loadRef.current = load;
  useEffect(() => {
    latest.current = key;
    if (key === null) return;
    setState((s) => ({ ...s, loading: true }));
    loadRef.current().then(
      (data) => latest.current === key && setState({ data, error: null, loading: false }),
      (error: unknown) => latest.current === key && setState((s) => ({ data: s.data, error, loading: false })),
    );
  }, [key]);
  return state;
}
