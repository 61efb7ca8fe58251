// The OcopFairs API through openapi-fetch, typed by the generated contract (src/api/schema.d.ts): paths, parameters,
// bodies and answers are checked against what the server describes. What is ours is thin: same-origin cookies, the
// UI language in Accept-Language, an Idempotency-Key where a retry must change nothing twice, and RFC 9457 problem
// details turned into ApiError.

import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '../api/schema';
import i18n from '../i18n';
import type {
  ApplicationRequest,
  ApplicationsQuery,
  FairTransition,
  FloorPlanRequest,
  GridRequest,
  Me,
  Problem,
  Producer,
  ProducerProfileInput,
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

const language: Middleware = {
  onRequest({ request }) {
    request.headers.set('Accept', 'application/json');
    request.headers.set('Accept-Language', i18n.language === 'en' ? 'en' : 'vi');
    return request;
  },
};

/** The typed client. Same-origin: the server serves the app, and the session is its cookie. */
export const client = createClient<paths>({
  // A Request needs an absolute URL; the app's own origin is the server's.
  baseUrl: typeof window === 'undefined' ? '' : window.location.origin,
  credentials: 'same-origin',
  // Looked up on every call rather than captured once, so tests can stand in for fetch.
  fetch: (request) => globalThis.fetch(request),
});
client.use(language);

interface Answer<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

function toProblem(error: unknown, response: Response): Problem {
  if (error && typeof error === 'object') return error as Problem;
  return { status: response.status, title: response.statusText || undefined };
}

/** The answer's data, or an ApiError with the problem the server sent. */
export async function call<T>(answer: Promise<Answer<T>>): Promise<T> {
  const { data, error, response } = await answer;
  if (!response.ok) throw new ApiError(response.status, toProblem(error, response));
  return data as T;
}

/** Headers that make a POST safe to retry: the caller's key (kept for its retries), else a fresh one. */
export function idempotent(key: string = newIdempotencyKey()): { 'Idempotency-Key': string } {
  return { 'Idempotency-Key': key };
}

const fair = (fairId: string) => ({ path: { fairId } });
const booth = (fairId: string, boothCode: string) => ({ path: { fairId, boothCode } });
const application = (fairId: string, applicationId: string) => ({ path: { fairId, applicationId } });

/** Null instead of the ApiError with this status (e.g. 401 for "not signed in"). */
async function orNull<T>(status: number, load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof ApiError && error.status === status) return null;
    throw error;
  }
}

export const api = {
  login: (email: string, password: string) =>
    call(client.POST('/api/auth/login', { params: { query: { useCookies: true } }, body: { email, password } })),
  logout: () => call(client.POST('/api/auth/logout')),
  /** The signed-in user, or null when not signed in (401). */
  me: (signal?: AbortSignal): Promise<Me | null> => orNull(401, call(client.GET('/api/me', { signal }))),
  fairs: (signal?: AbortSignal) => call(client.GET('/api/fairs', { signal })),
  fair: (fairId: string, signal?: AbortSignal) => call(client.GET('/api/fairs/{fairId}', { params: fair(fairId), signal })),
  /** The whole floor (without `sinceVersion` the server always answers the snapshot). */
  floor: async (fairId: string, signal?: AbortSignal) => {
    const answer = await call(client.GET('/api/fairs/{fairId}/floor', { params: fair(fairId), signal }));
    if (!('booths' in answer)) throw new ApiError(500, { title: 'Expected the whole floor' });
    return answer;
  },
  floorSince: (fairId: string, sinceVersion: number, signal?: AbortSignal) =>
    call(client.GET('/api/fairs/{fairId}/floor', { params: { ...fair(fairId), query: { sinceVersion } }, signal })),
  /** Fair lifecycle: publish, close registration, start, close (the fair's organiser). */
  moveFair: (fairId: string, transition: FairTransition) => {
    const options = { params: fair(fairId), headers: idempotent() };
    switch (transition) {
      case 'publish':
        return call(client.POST('/api/fairs/{fairId}/publish', options));
      case 'close-registration':
        return call(client.POST('/api/fairs/{fairId}/close-registration', options));
      case 'start':
        return call(client.POST('/api/fairs/{fairId}/start', options));
      case 'close':
        return call(client.POST('/api/fairs/{fairId}/close', options));
    }
  },
  saveFloorPlan: (fairId: string, plan: FloorPlanRequest) =>
    call(client.PUT('/api/fairs/{fairId}/floor-plan', { params: fair(fairId), body: plan, headers: idempotent() })),
  importFloorPlanCsv: (fairId: string, csv: string) =>
    call(
      client.PUT('/api/fairs/{fairId}/floor-plan', {
        params: fair(fairId),
        body: csv,
        bodySerializer: (text: unknown) => String(text),
        headers: { ...idempotent(), 'Content-Type': 'text/csv; charset=utf-8' },
      }),
    ),
  floorPlanCsvUrl: (fairId: string) => `/api/fairs/${encodeURIComponent(fairId)}/floor-plan.csv`,
  generateGrid: (fairId: string, grid: GridRequest) =>
    call(client.POST('/api/fairs/{fairId}/floor-plan/grid', { params: fair(fairId), body: grid, headers: idempotent() })),
  /** A dry run answers what would happen; applying needs the key kept for that result, so a retry is safe. */
  allocate: (fairId: string, dryRun: boolean, idempotencyKey?: string) =>
    call(
      client.POST('/api/fairs/{fairId}/allocation', {
        params: fair(fairId),
        body: { dryRun },
        headers: idempotencyKey ? idempotent(idempotencyKey) : {},
      }),
    ),
  blockBooth: (fairId: string, code: string) =>
    call(client.POST('/api/fairs/{fairId}/booths/{boothCode}/block', { params: booth(fairId, code), headers: idempotent() })),
  unblockBooth: (fairId: string, code: string) =>
    call(client.POST('/api/fairs/{fairId}/booths/{boothCode}/unblock', { params: booth(fairId, code), headers: idempotent() })),
  /** The organiser places a producer; with a reason, against a booth rule that may be overridden. */
  assignBooth: (fairId: string, code: string, producerId: string, overrideReason?: string) =>
    call(
      client.POST('/api/fairs/{fairId}/booths/{boothCode}/assign', {
        params: booth(fairId, code),
        body: overrideReason ? { producerId, overrideReason } : { producerId },
        headers: idempotent(),
      }),
    ),
  unassignBooth: (fairId: string, code: string) =>
    call(client.POST('/api/fairs/{fairId}/booths/{boothCode}/unassign', { params: booth(fairId, code), headers: idempotent() })),
  // Booth holds (producers, FirstCome fairs); a fresh Idempotency-Key per call.
  holdBooth: (fairId: string, code: string) =>
    call(client.POST('/api/fairs/{fairId}/booths/{boothCode}/hold', { params: booth(fairId, code), headers: idempotent() })),
  confirmBooth: (fairId: string, code: string) =>
    call(client.POST('/api/fairs/{fairId}/booths/{boothCode}/confirm', { params: booth(fairId, code), headers: idempotent() })),
  releaseBooth: (fairId: string, code: string) =>
    call(client.POST('/api/fairs/{fairId}/booths/{boothCode}/release', { params: booth(fairId, code), headers: idempotent() })),
  /** Codes of the booths the signed-in producer holds or confirmed. */
  myBooths: (fairId: string, signal?: AbortSignal) =>
    call(client.GET('/api/fairs/{fairId}/booths/mine', { params: fair(fairId), signal })),
  notifications: (signal?: AbortSignal) => call(client.GET('/api/me/notifications', { signal })),
  markRead: (id: string) =>
    call(client.POST('/api/me/notifications/{id}/read', { params: { path: { id } }, headers: idempotent() })),

  // Producer portal
  /** The signed-in producer's profile, or null before one is saved (404). */
  myProducer: (signal?: AbortSignal): Promise<Producer | null> =>
    orNull(404, call(client.GET('/api/producers/me', { signal }))),
  saveProducer: (profile: ProducerProfileInput) =>
    call(client.PUT('/api/producers/me', { body: profile, headers: idempotent() })),
  addProduct: (product: ProductInput) =>
    call(client.POST('/api/producers/me/products', { body: product, headers: idempotent() })),
  updateProduct: (productId: string, product: ProductInput) =>
    call(
      client.PUT('/api/producers/me/products/{productId}', {
        params: { path: { productId } },
        body: product,
        headers: idempotent(),
      }),
    ),
  deleteProduct: (productId: string) =>
    call(client.DELETE('/api/producers/me/products/{productId}', { params: { path: { productId } }, headers: idempotent() })),
  /** The public card; with a fair, the producer's booths at it. */
  product: (productId: string, signal?: AbortSignal, fair?: string | null) =>
    call(
      client.GET('/api/products/{productId}', {
        params: { path: { productId }, query: fair ? { fair } : {} },
        signal,
      }),
    ),
  /** The photo file itself is the body; the server reads its bytes to know what it is. */
  uploadProductPhoto: (productId: string, file: Blob) =>
    call(
      client.PUT('/api/producers/me/products/{productId}/photo', {
        params: { path: { productId } },
        body: file as unknown as string,
        bodySerializer: (body: unknown) => body as Blob,
        headers: { 'Content-Type': file.type || 'application/octet-stream' },
      }),
    ),
  deleteProductPhoto: (productId: string) =>
    call(client.DELETE('/api/producers/me/products/{productId}/photo', { params: { path: { productId } } })),
  productQrUrl: (productId: string) => `/api/products/${encodeURIComponent(productId)}/qr.svg`,

  // Applications
  checkApplication: (fairId: string, body: ApplicationRequest, signal?: AbortSignal) =>
    call(client.POST('/api/fairs/{fairId}/applications/check', { params: fair(fairId), body, signal })),
  apply: (fairId: string, body: ApplicationRequest) =>
    call(client.POST('/api/fairs/{fairId}/applications', { params: fair(fairId), body, headers: idempotent() })),
  fairApplications: (fairId: string, query: ApplicationsQuery, signal?: AbortSignal) => call(client.GET('/api/fairs/{fairId}/applications', { params: { ...fair(fairId), query }, signal })),
  myApplications: (signal?: AbortSignal) => call(client.GET('/api/me/applications', { signal })),
  review: (fairId: string, applicationId: string, action: ReviewAction, reason?: string) => {
    const options = { params: application(fairId, applicationId), headers: idempotent() };
    switch (action) {
      case 'approve':
        return call(client.POST('/api/fairs/{fairId}/applications/{applicationId}/approve', options));
      case 'waitlist':
        return call(client.POST('/api/fairs/{fairId}/applications/{applicationId}/waitlist', options));
      case 'reject':
        return call(client.POST('/api/fairs/{fairId}/applications/{applicationId}/reject', { ...options, body: { reason } }));
    }
  },
  withdraw: (fairId: string, applicationId: string) =>
    call(
      client.POST('/api/fairs/{fairId}/applications/{applicationId}/withdraw', {
        params: application(fairId, applicationId),
        headers: idempotent(),
      }),
    ),
  bulkReview: (fairId: string, action: ReviewAction, applicationIds: string[], reason?: string) =>
    call(
      client.POST('/api/fairs/{fairId}/applications/bulk', {
        params: fair(fairId),
        body: { action, applicationIds, ...(reason ? { reason } : {}) },
        headers: idempotent(),
      }),
    ),

  // Accounts and fair set-up (sign-up, admin's accounts, the organiser's fair form)
  passwordRules: (signal?: AbortSignal) => call(client.GET('/api/auth/password-rules', { signal })),
  register: (body: RegisterInput) => call(client.POST('/api/auth/register', { body })),
  users: (signal?: AbortSignal) => call(client.GET('/api/admin/users', { signal })),
  createUser: (body: CreateUserInput) => call(client.POST('/api/admin/users', { body })),
  createFair: (body: FairInput) => call(client.POST('/api/fairs', { body, headers: idempotent() })),
  updateFair: (fairId: string, body: FairInput) =>
    call(client.PATCH('/api/fairs/{fairId}', { params: fair(fairId), body, headers: idempotent() })),
  // Who exhibits where (public for fairs past Draft)
  exhibitors: (fairId: string, signal?: AbortSignal) =>
    call(client.GET('/api/fairs/{fairId}/exhibitors', { params: fair(fairId), signal })),
  publicProducer: (producerId: string, signal?: AbortSignal) =>
    call(client.GET('/api/producers/{producerId}', { params: { path: { producerId } }, signal })),
  producerFairs: (producerId: string, signal?: AbortSignal) =>
    call(client.GET('/api/producers/{producerId}/fairs', { params: { path: { producerId } }, signal })),
};

type RegisterInput = import('../api/schema').components['schemas']['RegisterRequest'];
type CreateUserInput = import('../api/schema').components['schemas']['CreateUserRequest'];
type FairInput = import('../api/schema').components['schemas']['CreateFairRequest'];
