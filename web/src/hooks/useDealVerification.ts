// The public verification page behind a printed deal's QR: what the server is willing to show anyone.

import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../lib/api';
import { verifyQuery } from '../lib/exportsApi';

export function useDealVerification(dealId: string) {
  const verification = useQuery(verifyQuery(dealId));
  const missing = verification.error instanceof ApiError && verification.error.status === 404;
  return {
    loading: verification.isPending,
    /** No signed deal of this id: the document is not (or no longer) genuine, or not signed yet. */
    missing,
    error: missing ? null : verification.error,
    verification: verification.data ?? null,
  };
}
