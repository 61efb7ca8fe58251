// What the pages load, as TanStack Query options: one key per resource, so a mutation or a live push names exactly
// what it changes (`queryClient.setQueryData(keys.floor(id), …)`, `invalidateQueries({ queryKey: keys.fair(id) })`).

import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { api } from './api';
import { applyFloorResponse } from './floorState';
import type { ApplicationsQuery, Floor } from './types';

export const keys = {
  me: ['me'] as const,
  fairs: ['fairs'] as const,
  /** The fair's details; everything about one fair is under this key, so invalidating it reloads them all. */
  fair: (fairId: string) => ['fairs', fairId] as const,
  floor: (fairId: string) => ['fairs', fairId, 'floor'] as const,
  myBooths: (fairId: string) => ['fairs', fairId, 'booths', 'mine'] as const,
  applications: (fairId: string) => ['fairs', fairId, 'applications'] as const,
  myProducer: ['producers', 'me'] as const,
  product: (productId: string) => ['products', productId] as const,
};

export const fairsQuery = () => queryOptions({ queryKey: keys.fairs, queryFn: ({ signal }) => api.fairs(signal) });

export const fairQuery = (fairId: string) =>
  queryOptions({ queryKey: keys.fair(fairId), queryFn: ({ signal }) => api.fair(fairId, signal) });

export const myBoothsQuery = (fairId: string) =>
  queryOptions({ queryKey: keys.myBooths(fairId), queryFn: ({ signal }) => api.myBooths(fairId, signal) });

export const applicationsQuery = (fairId: string, params: ApplicationsQuery) =>
  queryOptions({
    queryKey: [...keys.applications(fairId), params] as const,
    queryFn: ({ signal }) => api.fairApplications(fairId, params, signal),
  });

export const myProducerQuery = () =>
  queryOptions({ queryKey: keys.myProducer, queryFn: ({ signal }) => api.myProducer(signal) });

export const productQuery = (productId: string, fairId: string | null = null) =>
  queryOptions({
    queryKey: fairId ? ([...keys.product(productId), fairId] as const) : keys.product(productId),
    queryFn: ({ signal }) => api.product(productId, signal, fairId),
  });

/**
 * The whole floor from HTTP. A live event may have moved the cached floor past the snapshot while it was on its way:
 * the newer one is kept.
 */
export const floorQuery = (queryClient: QueryClient, fairId: string) =>
  queryOptions({
    queryKey: keys.floor(fairId),
    queryFn: async ({ signal }): Promise<Floor> => {
      const full = await api.floor(fairId, signal);
      const held = queryClient.getQueryData<Floor>(keys.floor(fairId)) ?? null;
      return applyFloorResponse(held, full).floor ?? full;
    },
  });

/** The signed-in producer's applications to every fair (apply offers depend on them). */
export const myApplicationsQuery = () =>
  queryOptions({ queryKey: ['applications', 'mine'] as const, queryFn: ({ signal }) => api.myApplications(signal) });
