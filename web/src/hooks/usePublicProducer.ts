// Everything the producer's public page shows: the profile with its products and shop links, and the booths it has
// at upcoming fairs. Both are public (contacts only for signed-in users, as the server decides).

import { useQuery } from '@tanstack/react-query';
import { ApiError, api } from '../lib/api';

export function usePublicProducer(producerId: string) {
  const producer = useQuery({
    queryKey: ['producers', 'public', producerId] as const,
    queryFn: ({ signal }) => api.publicProducer(producerId, signal),
  });
  const fairs = useQuery({
    queryKey: ['producers', 'public', producerId, 'fairs'] as const,
    queryFn: ({ signal }) => api.producerFairs(producerId, signal),
    enabled: producer.isSuccess,
  });
  return {
    producer: producer.data ?? null,
    error: producer.error,
    notFound: producer.error instanceof ApiError && producer.error.status === 404,
    retry: () => void producer.refetch(),
    fairs: fairs.data ?? null,
    fairsError: fairs.error,
  };
}
