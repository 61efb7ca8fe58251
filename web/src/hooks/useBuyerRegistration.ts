// A buyer's participation in one fair: whether they are registered (and their badge), and registering. Used by the
// fair page's buyer button and by the badge page.

import { useCallback, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, errorMessage } from '../lib/api';
import { buyerKeys, buyersApi, registrationQuery } from '../lib/buyersApi';

/** Registration statuses in which the server takes a buyer (it answers `buyer.fairNotOpen` otherwise). */
export const BUYER_OPEN_STATUSES: readonly string[] = ['Published', 'RegistrationClosed', 'Live'];

export function useBuyerRegistration(fairId: string, enabled = true) {
  const queryClient = useQueryClient();
  const registration = useQuery({ ...registrationQuery(fairId), enabled });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The server refused because there is no profile yet: the page offers the way to make one. */
  const [needsProfile, setNeedsProfile] = useState(false);

  const register = useCallback(async () => {
    setBusy(true);
    setError(null);
    setNeedsProfile(false);
    try {
      const badge = await buyersApi.register(fairId);
      queryClient.setQueryData(buyerKeys.registration(fairId), badge);
      return badge;
    } catch (e) {
      setNeedsProfile(e instanceof ApiError && e.problem.code === 'buyer.noProfile');
      setError(errorMessage(e));
      return null;
    } finally {
      setBusy(false);
    }
  }, [fairId, queryClient]);

  return {
    loading: enabled && registration.isPending,
    registration: registration.data ?? null,
    loadError: registration.error,
    busy,
    error,
    needsProfile,
    register,
  };
}
