// The buyers' routes through the shared typed client (lib/api.ts): the profile, a fair's registration and badge, the
// gate's check-in, the organiser's buyers overview and matching hours. Kept apart from lib/api.ts so the buyer pages
// grow without touching the shared file.

import { queryOptions } from '@tanstack/react-query';
import { ApiError, call, client, idempotent } from './api';
import type { BuyerRequest, BuyerResponse, FairBuyer, MatchingHours, MatchingHoursRequest } from './buyers';

const fair = (fairId: string) => ({ path: { fairId } });

async function orNull<T>(status: number, load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof ApiError && error.status === status) return null;
    throw error;
  }
}

export const buyersApi = {
  /** The signed-in buyer's profile, or null before one is saved (404). */
  me: (signal?: AbortSignal): Promise<BuyerResponse | null> => orNull(404, call(client.GET('/api/buyers/me', { signal }))),
  save: (body: BuyerRequest) => call(client.PUT('/api/buyers/me', { body, headers: idempotent() })),
  /** Registers for the fair; registering again answers the same badge. */
  register: (fairId: string) => call(client.POST('/api/fairs/{fairId}/buyers/me', { params: fair(fairId), headers: idempotent() })),
  /** The buyer's registration for the fair, or null when not registered (404). */
  registration: (fairId: string, signal?: AbortSignal): Promise<FairBuyer | null> =>
    orNull(404, call(client.GET('/api/fairs/{fairId}/buyers/me', { params: fair(fairId), signal }))),
  badgeUrl: (fairId: string) => `/api/fairs/${encodeURIComponent(fairId)}/buyers/me/badge.svg`,
  checkIn: (fairId: string, badgeCode: string) =>
    call(client.POST('/api/fairs/{fairId}/check-in', { params: fair(fairId), body: { badgeCode }, headers: idempotent() })),
  fairBuyers: (fairId: string, signal?: AbortSignal) =>
    call(client.GET('/api/fairs/{fairId}/buyers', { params: fair(fairId), signal })),
  /** The fair's matching hours, or null before the organiser sets them (404). */
  matchingHours: (fairId: string, signal?: AbortSignal): Promise<MatchingHours | null> =>
    orNull(404, call(client.GET('/api/fairs/{fairId}/matching-hours', { params: fair(fairId), signal }))),
  saveMatchingHours: (fairId: string, body: MatchingHoursRequest) =>
    call(client.PUT('/api/fairs/{fairId}/matching-hours', { params: fair(fairId), body, headers: idempotent() })),
};

export const buyerKeys = {
  me: ['buyers', 'me'] as const,
  /** Under the fair's key, so reloading the fair reloads these too. */
  registration: (fairId: string) => ['fairs', fairId, 'buyers', 'me'] as const,
  fairBuyers: (fairId: string) => ['fairs', fairId, 'buyers'] as const,
  matchingHours: (fairId: string) => ['fairs', fairId, 'matching-hours'] as const,
};

export const myBuyerQuery = () => queryOptions({ queryKey: buyerKeys.me, queryFn: ({ signal }) => buyersApi.me(signal) });

export const registrationQuery = (fairId: string) =>
  queryOptions({ queryKey: buyerKeys.registration(fairId), queryFn: ({ signal }) => buyersApi.registration(fairId, signal) });

export const fairBuyersQuery = (fairId: string) =>
  queryOptions({ queryKey: buyerKeys.fairBuyers(fairId), queryFn: ({ signal }) => buyersApi.fairBuyers(fairId, signal) });

export const matchingHoursQuery = (fairId: string) =>
  queryOptions({ queryKey: buyerKeys.matchingHours(fairId), queryFn: ({ signal }) => buyersApi.matchingHours(fairId, signal) });
