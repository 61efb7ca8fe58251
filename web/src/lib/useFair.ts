import { api } from './api';
import type { FairDetails } from './types';
import { useLoad } from './useLoad';

/**
 * The fair's details, loaded again whenever `tick` changes (the pages bump it on a FairChanged event or a retry).
 * A request still in flight when the fair or tick changes is aborted, so an old answer never overwrites a new one.
 */
export function useFair(fairId: string, tick: number): { fair: FairDetails | null; error: unknown } {
  const { data, error } = useLoad((signal) => api.fair(fairId, signal), [fairId, tick]);
  return { fair: data ?? null, error };
}
