// The calls of the buyers' matches, the exhibitors' interested buyers, meetings and the organiser's schedule-all
// (issue 17), through the same typed client as lib/api.ts (Accept-Language from the UI language, problems as ApiError).
// Kept apart from lib/api.ts so this area grows without touching the shared file.

import { call, client, idempotent, ApiError } from './api';
import type { components } from '../api/schema';

type Schemas = components['schemas'];
export type MatchItem = Schemas['MatchItemResponse'];
export type MatchReason = Schemas['MatchReasonResponse'];
export type MatchMark = Schemas['MatchMark'];
/** Whose list a `MatchesChanged` event names. */
export type MatchesSide = 'buyer' | 'producer';
export type BuyerKind = Schemas['BuyerKind'];
export type BuyerProfile = Schemas['BuyerResponse'];
export type BuyerNeed = Schemas['NeedResponse'];
export type FairBuyer = Schemas['FairBuyerResponse'];
export type Meeting = Schemas['Meeting'];
export type MeetingStatus = Schemas['MeetingStatus'];
export type MeetingSide = Schemas['MeetingSide'];
export type MeetingPlace = Schemas['MeetingPlace'];
export type Slots = Schemas['SlotsResponse'];
export type MatchingHours = Schemas['MatchingHours'];
export type SchedulePlan = Schemas['ScheduleResponse'];
export type ScheduledItem = Schemas['ScheduledItem'];
export type UnplacedItem = Schemas['UnplacedItem'];

/** What a party does to a meeting. */
export type MeetingAction =
  | { kind: 'accept' }
  | { kind: 'decline'; reason: string }
  | { kind: 'propose'; startsAt: string }
  | { kind: 'cancel'; reason?: string }
  | { kind: 'check-in' };

const fair = (fairId: string) => ({ path: { fairId } });

/** Null instead of a 404 (no profile yet, not registered). */
async function orMissing<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

export const meetingsApi = {
  /** The signed-in buyer's profile, or null before one is saved. */
  buyerProfile: (signal?: AbortSignal) => orMissing(call(client.GET('/api/buyers/me', { signal }))),
  /** The buyer's registration for the fair, or null when not registered. */
  registration: (fairId: string, signal?: AbortSignal) =>
    orMissing(call(client.GET('/api/fairs/{fairId}/buyers/me', { params: fair(fairId), signal }))),
  register: (fairId: string) =>
    call(client.POST('/api/fairs/{fairId}/buyers/me', { params: fair(fairId), headers: idempotent() })),
  matches: (fairId: string, signal?: AbortSignal) =>
    call(client.GET('/api/fairs/{fairId}/matches', { params: { ...fair(fairId), query: { limit: 20 } }, signal })),
  interestedBuyers: (fairId: string, signal?: AbortSignal) =>
    call(client.GET('/api/fairs/{fairId}/interested-buyers', { params: fair(fairId), signal })),
  mark: (fairId: string, producerId: string, mark: 'save' | 'dismiss' | 'clear') => {
    const options = { params: { path: { fairId, producerId } }, headers: idempotent() };
    switch (mark) {
      case 'save':
        return call(client.POST('/api/fairs/{fairId}/matches/{producerId}/save', options));
      case 'dismiss':
        return call(client.POST('/api/fairs/{fairId}/matches/{producerId}/dismiss', options));
      case 'clear':
        return call(client.POST('/api/fairs/{fairId}/matches/{producerId}/clear', options));
    }
  },
  slots: (fairId: string, producerId: string, signal?: AbortSignal) =>
    call(client.GET('/api/fairs/{fairId}/meetings/slots', { params: { ...fair(fairId), query: { producerId } }, signal })),
  meetings: (fairId: string, signal?: AbortSignal) =>
    call(client.GET('/api/fairs/{fairId}/meetings', { params: fair(fairId), signal })),
  request: (fairId: string, producerId: string, startsAt: string, note?: string) =>
    call(
      client.POST('/api/fairs/{fairId}/meetings', {
        params: fair(fairId),
        body: note ? { producerId, startsAt, note } : { producerId, startsAt },
        headers: idempotent(),
      }),
    ),
  act: (fairId: string, meetingId: string, action: MeetingAction) => {
    const params = { path: { fairId, meetingId } };
    const headers = idempotent();
    switch (action.kind) {
      case 'accept':
        return call(client.POST('/api/fairs/{fairId}/meetings/{meetingId}/accept', { params, headers }));
      case 'decline':
        return call(client.POST('/api/fairs/{fairId}/meetings/{meetingId}/decline', { params, headers, body: { reason: action.reason } }));
      case 'propose':
        return call(client.POST('/api/fairs/{fairId}/meetings/{meetingId}/propose', { params, headers, body: { startsAt: action.startsAt } }));
      case 'cancel':
        return call(
          client.POST('/api/fairs/{fairId}/meetings/{meetingId}/cancel', { params, headers, body: action.reason ? { reason: action.reason } : {} }),
        );
      case 'check-in':
        return call(client.POST('/api/fairs/{fairId}/meetings/{meetingId}/check-in', { params, headers }));
    }
  },
  /** A dry run answers the plan; publishing sends the key kept for that plan, so a retry or double click is safe. */
  schedule: (fairId: string, dryRun: boolean, perBuyer: number, idempotencyKey?: string) =>
    call(
      client.POST('/api/fairs/{fairId}/meetings/schedule', {
        params: fair(fairId),
        body: { dryRun, perBuyer },
        headers: idempotencyKey ? idempotent(idempotencyKey) : {},
      }),
    ),
  /** A producer's public profile (its name, for a meeting with an exhibitor that has no booth yet). */
  producer: (producerId: string, signal?: AbortSignal) =>
    call(client.GET('/api/producers/{producerId}', { params: { path: { producerId } }, signal })),
  /** The fair's registered buyers (organiser): their organisations name the buyers in the overview. */
  fairBuyers: (fairId: string, signal?: AbortSignal) =>
    call(client.GET('/api/fairs/{fairId}/buyers', { params: fair(fairId), signal })),
};
