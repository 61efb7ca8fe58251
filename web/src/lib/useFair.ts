import { useEffect, useState } from 'react';
import { api } from './api';
import type { FairDetails } from './types';

/**
 * The fair's details, loaded again whenever `tick` changes (the pages bump it on a FairChanged event or a retry).
 * A request still in flight when the fair or tick changes is aborted, so an old answer never overwrites a new one.
 */
export function useFair(fairId: string, tick: number): { fair: FairDetails | null; error: unknown } {
  const [fair, setFair] = useState<FairDetails | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    const abort = new AbortController();
    api
      .fair(fairId, abort.signal)
      .then((f) => {
        setFair(f);
        setError(null);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(e);
      });
    return () => abort.abort();
  }, [fairId, tick]);
  return { fair, error };
}
