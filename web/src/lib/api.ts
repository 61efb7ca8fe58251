// Thin fetch wrapper for the OcopFairs API: same-origin cookies, the UI
// language in Accept-Language, RFC 9457 problem details turned into ApiError.

import i18n from '../i18n';
import type {
  AllocationResult,
  Application,
  ApplicationRequest,
  Booth,
  BulkResult,
  Eligibility,
  FairDetails,
  FairSummary,
  FairTransition,
  Floor,
  FloorPlanRequest,
  FloorSinceResponse,
  GridRequest,
  Me,
  Notification,
  Problem,
  Producer,
  ProducerProfileInput,
  Product,
  ProductCard,
  ProductInput,
  ReviewAction,
} from './types';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problemMessage(problem) || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

/** "title — detail", or whichever of them is present. */
export function problemMessage(problem: Problem): string {
  const { title, detail } = problem;
  if (title && detail && detail !== title) return `${title} — ${detail}`;
  return title || detail || '';
}

/** A message fit to show a person, for any error a call can throw. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message || i18n.t('errors.generic');
  if (error instanceof TypeError) return i18n.t('errors.network'); // fetch failed
  return i18n.t('errors.generic');
}

/** A fresh UUID (or 32 hex digits where randomUUID is missing) for an Idempotency-Key. */
export function newIdempotencyKey(): string {
  const c = globalThis.crypto as Crypto | undefined;
  if (c && typeof c.randomUUID === 'function') return c.randomUUID();
  const bytes = new Uint8Array(16);
  if (c) c.getRandomValues(bytes);
  else for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function readProblem(response: Response): Promise<Problem> {
  const text = await response.text().catch(() => '');
  if (text) {
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed && typeof parsed === 'object') return parsed as Problem;
    } catch {
      /* not JSON */
    }
  }
  return { status: response.status, title: response.statusText || undefined };
}

export interface RequestOptions {
  method?: string;
  body?: unknown;
  signal?: AbortSignal;
  /** Send an Idempotency-Key so a retried POST changes nothing twice. */
  idempotent?: boolean;
  /** Send this Idempotency-Key (one the caller keeps for its retries) instead of a fresh one. */
  idempotencyKey?: string;
  /** A body sent as is, with `contentType` (e.g. CSV), instead of JSON. */
  rawBody?: string;
  contentType?: string;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': i18n.language === 'en' ? 'en' : 'vi',
  };
  let body: string | undefined;
  if (options.rawBody !== undefined) {
    headers['Content-Type'] = options.contentType ?? 'text/plain';
    body = options.rawBody;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  else if (options.idempotent) headers['Idempotency-Key'] = newIdempotencyKey();
  const response = await fetch(path, {
    method: options.method ?? (body === undefined ? 'GET' : 'POST'),
    headers,
    body,
    credentials: 'same-origin',
    signal: options.signal,
  });
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

const enc = encodeURIComponent;

export const api = {
  login: (email: string, password: string) =>
    request<void>('/api/auth/login?useCookies=true', { method: 'POST', body: { email, password } }),
  logout: () => request<void>('/api/auth/logout', { method: 'POST', body: {} }),
  /** The signed-in user, or null when not signed in (401). */
  me: async (signal?: AbortSignal): Promise<Me | null> => {
    try {
      return await request<Me>('/api/me', { signal });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  fairs: (signal?: AbortSignal) => request<FairSummary[]>('/api/fairs', { signal }),
  fair: (fairId: string, signal?: AbortSignal) =>
    request<FairDetails>(`/api/fairs/${enc(fairId)}`, { signal }),
  floor: (fairId: string, signal?: AbortSignal) =>
    request<Floor>(`/api/fairs/${enc(fairId)}/floor`, { signal }),
  /** Fair lifecycle: publish, close registration, start, close (the fair's organiser). */
  moveFair: (fairId: string, transition: FairTransition) =>
    request<FairDetails>(`/api/fairs/${enc(fairId)}/${transition}`, { method: 'POST', idempotent: true }),
  saveFloorPlan: (fairId: string, plan: FloorPlanRequest) =>
    request<Floor>(`/api/fairs/${enc(fairId)}/floor-plan`, { method: 'PUT', body: plan, idempotent: true }),
  importFloorPlanCsv: (fairId: string, csv: string) =>
    request<Floor>(`/api/fairs/${enc(fairId)}/floor-plan`, {
      method: 'PUT',
      rawBody: csv,
      contentType: 'text/csv; charset=utf-8',
      idempotent: true,
    }),
  floorPlanCsvUrl: (fairId: string) => `/api/fairs/${enc(fairId)}/floor-plan.csv`,
  generateGrid: (fairId: string, grid: GridRequest) =>
    request<Floor>(`/api/fairs/${enc(fairId)}/floor-plan/grid`, { method: 'POST', body: grid, idempotent: true }),
  /** A dry run answers what would happen; applying needs the key kept for that result, so a retry is safe. */
  allocate: (fairId: string, dryRun: boolean, idempotencyKey?: string) =>
    request<AllocationResult>(`/api/fairs/${enc(fairId)}/allocation`, {
      method: 'POST',
      body: { dryRun },
      idempotencyKey,
    }),
  floorSince: (fairId: string, sinceVersion: number, signal?: AbortSignal) =>
    request<FloorSinceResponse>(`/api/fairs/${enc(fairId)}/floor?sinceVersion=${sinceVersion}`, {
      signal,
    }),
  blockBooth: (fairId: string, code: string) =>
    request<Booth>(`/api/fairs/${enc(fairId)}/booths/${enc(code)}/block`, {
      method: 'POST',
      idempotent: true,
    }),
  unblockBooth: (fairId: string, code: string) =>
    request<Booth>(`/api/fairs/${enc(fairId)}/booths/${enc(code)}/unblock`, {
      method: 'POST',
      idempotent: true,
    }),
  assignBooth: (fairId: string, code: string, producerId: string) =>
    request<Booth>(`/api/fairs/${enc(fairId)}/booths/${enc(code)}/assign`, {
      method: 'POST',
      body: { producerId },
      idempotent: true,
    }),
  unassignBooth: (fairId: string, code: string) =>
    request<Booth>(`/api/fairs/${enc(fairId)}/booths/${enc(code)}/unassign`, {
      method: 'POST',
      idempotent: true,
    }),
  // Booth holds (producers, FirstCome fairs); a fresh Idempotency-Key per call.
  holdBooth: (fairId: string, code: string) =>
    request<Booth>(`/api/fairs/${enc(fairId)}/booths/${enc(code)}/hold`, { method: 'POST', idempotent: true }),
  confirmBooth: (fairId: string, code: string) =>
    request<Booth>(`/api/fairs/${enc(fairId)}/booths/${enc(code)}/confirm`, { method: 'POST', idempotent: true }),
  releaseBooth: (fairId: string, code: string) =>
    request<Booth>(`/api/fairs/${enc(fairId)}/booths/${enc(code)}/release`, { method: 'POST', idempotent: true }),
  /** Codes of the booths the signed-in producer holds or confirmed. */
  myBooths: (fairId: string, signal?: AbortSignal) =>
    request<string[]>(`/api/fairs/${enc(fairId)}/booths/mine`, { signal }),
  notifications: (signal?: AbortSignal) =>
    request<Notification[]>('/api/me/notifications', { signal }),
  markRead: (id: string) =>
    request<void>(`/api/me/notifications/${enc(id)}/read`, { method: 'POST', idempotent: true }),

  // Producer portal
  /** The signed-in producer's profile, or null before one is saved (404). */
  myProducer: async (signal?: AbortSignal): Promise<Producer | null> => {
    try {
      return await request<Producer>('/api/producers/me', { signal });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
  saveProducer: (profile: ProducerProfileInput) =>
    request<Producer>('/api/producers/me', { method: 'PUT', body: profile, idempotent: true }),
  addProduct: (product: ProductInput) =>
    request<Product>('/api/producers/me/products', { method: 'POST', body: product, idempotent: true }),
  updateProduct: (productId: string, product: ProductInput) =>
    request<Product>(`/api/producers/me/products/${enc(productId)}`, {
      method: 'PUT',
      body: product,
      idempotent: true,
    }),
  deleteProduct: (productId: string) =>
    request<void>(`/api/producers/me/products/${enc(productId)}`, { method: 'DELETE', idempotent: true }),
  product: (productId: string, signal?: AbortSignal) =>
    request<ProductCard>(`/api/products/${enc(productId)}`, { signal }),
  productQrUrl: (productId: string) => `/api/products/${enc(productId)}/qr.svg`,

  // Applications
  checkApplication: (fairId: string, body: ApplicationRequest, signal?: AbortSignal) =>
    request<Eligibility>(`/api/fairs/${enc(fairId)}/applications/check`, { method: 'POST', body, signal }),
  apply: (fairId: string, body: ApplicationRequest) =>
    request<Application>(`/api/fairs/${enc(fairId)}/applications`, { method: 'POST', body, idempotent: true }),
  fairApplications: (fairId: string, query: string, signal?: AbortSignal) =>
    request<Application[]>(`/api/fairs/${enc(fairId)}/applications${query}`, { signal }),
  myApplications: (signal?: AbortSignal) => request<Application[]>('/api/me/applications', { signal }),
  review: (fairId: string, applicationId: string, action: ReviewAction, reason?: string) =>
    request<Application>(`/api/fairs/${enc(fairId)}/applications/${enc(applicationId)}/${action}`, {
      method: 'POST',
      body: action === 'reject' ? { reason } : undefined,
      idempotent: true,
    }),
  withdraw: (fairId: string, applicationId: string) =>
    request<Application>(`/api/fairs/${enc(fairId)}/applications/${enc(applicationId)}/withdraw`, {
      method: 'POST',
      idempotent: true,
    }),
  bulkReview: (fairId: string, action: ReviewAction, applicationIds: string[], reason?: string) =>
    request<{ results: BulkResult[] }>(`/api/fairs/${enc(fairId)}/applications/bulk`, {
      method: 'POST',
      body: { action, applicationIds, ...(reason ? { reason } : {}) },
      idempotent: true,
    }),
};
