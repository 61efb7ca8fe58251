import { useCallback, useEffect, useState, type DependencyList, type Dispatch, type SetStateAction } from 'react';

export interface Loaded<T> {
  /** `undefined` until the first answer; the last answer after that, kept while a reload is on its way. */
  data: T | undefined;
  /** For pages that change what they loaded (a save answers the new state). */
  setData: Dispatch<SetStateAction<T | undefined>>;
  /** The last load's failure, cleared when the next load starts. */
  error: unknown;
  /** Loads again (the pages' "Try again" button). */
  retry: () => void;
}

/**
 * Loads what a page shows, again whenever `deps` change or `retry` is called. A request still in flight then is
 * aborted, so an old answer never overwrites a newer one, and its failure is not shown.
 */
export function useLoad<T>(load: (signal: AbortSignal) => Promise<T>, deps: DependencyList): Loaded<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const abort = new AbortController();
    setError(null);
    load(abort.signal)
      .then((answer) => {
        if (!abort.signal.aborted) setData(answer);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setError(e);
      });
    return () => abort.abort();
    // `load` is a new function on every render; what it loads is named by `deps`.
  }, [...deps, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { data, setData, error, retry };
}
