// The calls of the deals' pages (issue 18) through the app's typed client (lib/api.ts: Accept-Language from the UI
// language, problems as ApiError). Create, propose and sign carry an Idempotency-Key made once per attempt (a click)
// and sent again, unchanged, when the attempt is retried after a lost answer — so the server applies it once.

import { ApiError, call, client, idempotent, newIdempotencyKey } from './api';
import type { components } from '../api/schema';

type Schemas = components['schemas'];
export type DealKind = Schemas['DealKind'];
export type DealStatus = Schemas['DealStatus'];
export type DeliveryStatus = Schemas['DeliveryStatus'];
export type MeetingSide = Schemas['MeetingSide'];
export type Deal = Schemas['Deal'];
export type DealLine = Schemas['DealLine'];
export type DealTerms = Schemas['DealTerms'];
export type DealTotals = Schemas['DealTotals'];
export type DealVersion = Schemas['DealVersion'];
export type DealSignature = Schemas['DealSignature'];
export type DealFollowUp = Schemas['DealFollowUp'];
export type DealParties = Schemas['DealParties'];
export type DealMarket = Schemas['DealMarket'];

/** The terms as `PUT …/deals/{dealId}` takes them (the catalogue names each line's product). */
export interface TermsBody {
  kind: DealKind;
  lines: { productId: string; quantity: number; unit: string; unitPriceVnd: number; months: number | null }[];
  deliveryTerms: string | null;
  market: { export: boolean; name: string } | null;
  validFrom: string | null;
  validTo: string | null;
}

/** The body of `POST /api/fairs/{fairId}/deals`. */
export type NewDealBody = TermsBody & { producerId: string; buyerId: string; meetingId: string | null };

export interface FollowUpBody {
  atMonths: number;
  status: DeliveryStatus;
  quantityDelivered?: number | null;
  unit?: string | null;
  note?: string | null;
}

/** How many times an attempt is sent in all when its answer is lost, and the pause before each retry. */
export const RETRY_DELAYS_MS: readonly number[] = [400, 1200];

/** An answer that may never have reached us, or a server that could not answer: worth the same request again. */
export function retriable(error: unknown): boolean {
  if (error instanceof TypeError) return true; // fetch failed: the request may or may not have been applied
  return error instanceof ApiError && (error.status === 502 || error.status === 503 || error.status === 504);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One attempt of a keyed write: the same key on every try, so a retry after a lost answer gets the first result.
 * Refusals (4xx) are answers and are not retried.
 */
export async function withKey<T>(send: (key: string) => Promise<T>, key: string = newIdempotencyKey(), delays: readonly number[] = RETRY_DELAYS_MS): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send(key);
    } catch (error) {
      if (attempt >= delays.length || !retriable(error)) throw error;
      await sleep(delays[attempt]);
    }
  }
}

const fair = (fairId: string) => ({ path: { fairId } });
const deal = (fairId: string, dealId: string) => ({ path: { fairId, dealId } });

export const dealsApi = {
  /** The fair's deals of the signed-in buyer or exhibitor; the organiser's: the signed and active ones. */
  list: (fairId: string, signal?: AbortSignal) => call(client.GET('/api/fairs/{fairId}/deals', { params: fair(fairId), signal })),
  get: (fairId: string, dealId: string, signal?: AbortSignal) =>
    call(client.GET('/api/fairs/{fairId}/deals/{dealId}', { params: deal(fairId, dealId), signal })),
  versions: (fairId: string, dealId: string, signal?: AbortSignal) =>
    call(client.GET('/api/fairs/{fairId}/deals/{dealId}/versions', { params: deal(fairId, dealId), signal })),
  create: (fairId: string, body: NewDealBody, key?: string) =>
    withKey((k) => call(client.POST('/api/fairs/{fairId}/deals', { params: fair(fairId), body, headers: idempotent(k) })), key),
  change: (fairId: string, dealId: string, terms: TermsBody) =>
    call(client.PUT('/api/fairs/{fairId}/deals/{dealId}', { params: deal(fairId, dealId), body: terms })),
  propose: (fairId: string, dealId: string, key?: string) =>
    withKey((k) => call(client.POST('/api/fairs/{fairId}/deals/{dealId}/propose', { params: deal(fairId, dealId), headers: idempotent(k) })), key),
  sign: (fairId: string, dealId: string, version: number, key?: string) =>
    withKey(
      (k) => call(client.POST('/api/fairs/{fairId}/deals/{dealId}/sign', { params: deal(fairId, dealId), body: { version }, headers: idempotent(k) })),
      key,
    ),
  cancel: (fairId: string, dealId: string, reason: string) =>
    call(client.POST('/api/fairs/{fairId}/deals/{dealId}/cancel', { params: deal(fairId, dealId), body: { reason } })),
  followUp: (fairId: string, dealId: string, body: FollowUpBody) =>
    call(client.POST('/api/fairs/{fairId}/deals/{dealId}/follow-ups', { params: deal(fairId, dealId), body })),
  showPrices: (fairId: string, dealId: string, show: boolean) =>
    call(client.POST('/api/fairs/{fairId}/deals/{dealId}/show-prices', { params: deal(fairId, dealId), body: { show } })),
};

/** The printable document and the public verification page (built beside these pages). */
export const dealLinks = {
  print: (fairId: string, dealId: string) => `/fairs/${encodeURIComponent(fairId)}/deals/${encodeURIComponent(dealId)}/print`,
  verify: (dealId: string) => `/deals/${encodeURIComponent(dealId)}/verify`,
  page: (fairId: string, dealId: string) => `/fairs/${encodeURIComponent(fairId)}/deals/${encodeURIComponent(dealId)}`,
  list: (fairId: string) => `/fairs/${encodeURIComponent(fairId)}/deals`,
  new: (fairId: string, from?: { meetingId?: string; producerId?: string; buyerId?: string }) => {
    const q = new URLSearchParams();
    if (from?.meetingId) q.set('meetingId', from.meetingId);
    if (from?.producerId) q.set('producerId', from.producerId);
    if (from?.buyerId) q.set('buyerId', from.buyerId);
    const s = q.toString();
    return `/fairs/${encodeURIComponent(fairId)}/deals/new${s ? `?${s}` : ''}`;
  },
};
