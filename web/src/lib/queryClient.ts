import { QueryClient } from '@tanstack/react-query';

/**
 * The app's query cache. No automatic retries: a failed load shows its error with a "Try again" button (the hall
 * display retries on its own schedule), and the live floor catches up through its own resync. No refetch on focus:
 * live pages are kept fresh by SignalR pushes written into this cache.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: false, refetchOnWindowFocus: false },
      mutations: { retry: false },
    },
  });
}
