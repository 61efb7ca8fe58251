// Applications to exhibit: the list reducer that keeps a producer's or an
// organiser's view in step with actions and live `ApplicationChanged` events,
// the review lifecycle the server enforces, the review queue's filters and
// row selection, and eligibility reasons grouped for display. All pure.

import type {
  BoothType,
  Application,
  ApplicationRequest,
  ApplicationStatus,
  ApplicationsQuery,
  BulkResult,
  CertificateState,
  PrivateEvent,
  ReasonLike,
  ReviewAction,
} from './types';

export const APPLICATION_STATUSES: readonly ApplicationStatus[] = [
  'Submitted',
  'Approved',
  'Waitlisted',
  'Rejected',
  'Withdrawn',
];
export const CERTIFICATE_STATES: readonly CertificateState[] = ['Valid', 'ExpiringSoon', 'Expired'];
export const NEEDS = ['power', 'coldStorage', 'water'] as const;
export type Need = (typeof NEEDS)[number];

const ACTION_TARGET: Record<ReviewAction | 'withdraw', ApplicationStatus> = {
  approve: 'Approved',
  reject: 'Rejected',
  waitlist: 'Waitlisted',
  withdraw: 'Withdrawn',
};

/** The lifecycle the server enforces (ApplicationRules.CanMove); other moves answer 409. */
export function canMove(from: ApplicationStatus, to: ApplicationStatus): boolean {
  switch (from) {
    case 'Submitted':
      return to === 'Approved' || to === 'Rejected' || to === 'Waitlisted' || to === 'Withdrawn';
    case 'Waitlisted':
      return to === 'Approved' || to === 'Rejected' || to === 'Withdrawn';
    case 'Approved':
      return to === 'Withdrawn';
    default:
      return false;
  }
}

export function canAct(status: ApplicationStatus, action: ReviewAction | 'withdraw'): boolean {
  return canMove(status, ACTION_TARGET[action]);
}

export function isApplication(value: unknown): value is Application {
  if (!value || typeof value !== 'object') return false;
  const a = value as Partial<Application>;
  return typeof a.applicationId === 'string' && typeof a.fairId === 'string' && typeof a.status === 'string';
}

/** Newest first, then by id so the order is stable. */
function sortApplications(list: Application[]): Application[] {
  return [...list].sort((a, b) => {
    const byTime = Date.parse(b.submittedAt) - Date.parse(a.submittedAt);
    if (byTime && !Number.isNaN(byTime)) return byTime;
    return a.applicationId < b.applicationId ? -1 : a.applicationId > b.applicationId ? 1 : 0;
  });
}

export type ApplicationsState = Application[] | null;

export type ApplicationsAction =
  | { type: 'loaded'; applications: Application[] }
  /** An answer to an action, or a live ApplicationChanged event. */
  | { type: 'changed'; application: Application; addIfMissing?: boolean }
  | { type: 'bulk'; results: BulkResult[] };

export function applicationsReducer(state: ApplicationsState, action: ApplicationsAction): ApplicationsState {
  switch (action.type) {
    case 'loaded':
      return sortApplications(action.applications);
    case 'changed': {
      const incoming = action.application;
      const list = state ?? [];
      const index = list.findIndex((a) => a.applicationId === incoming.applicationId);
      if (index < 0) {
        // A live event about an application the list has not got yet (just
        // submitted elsewhere) joins it; a filtered review queue passes false.
        return action.addIfMissing === false ? state : sortApplications([...list, incoming]);
      }
      const next = [...list];
      next[index] = incoming;
      return next;
    }
    case 'bulk': {
      if (!state) return state;
      const byId = new Map(action.results.filter((r) => r.ok && r.status).map((r) => [r.applicationId, r.status!]));
      if (byId.size === 0) return state;
      return state.map((a) => (byId.has(a.applicationId) ? { ...a, status: byId.get(a.applicationId)! } : a));
    }
  }
}

/** The application a PrivateEvent carries, when it is an ApplicationChanged one. */
export function applicationFromEvent(event: PrivateEvent): Application | null {
  return event.type === 'ApplicationChanged' && isApplication(event.data) ? event.data : null;
}

// The organiser's review queue.

export interface ReviewFilters {
  status: string;
  district: string;
  group: string;
  minStars: string;
  certificate: string;
}

export const EMPTY_FILTERS: ReviewFilters = { status: '', district: '', group: '', minStars: '', certificate: '' };
const FILTER_KEYS = Object.keys(EMPTY_FILTERS) as (keyof ReviewFilters)[];

/** Filters → "?status=Submitted&district=Cao%20Phong" ("" when none). */
export function filtersToQuery(filters: ReviewFilters): string {
  const params = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    const value = filters[key].trim();
    if (value) params.set(key, value);
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** Filters as `GET /api/fairs/{fairId}/applications` takes them (only those set). */
export function filtersToParams(filters: ReviewFilters): ApplicationsQuery {
  const params: Record<string, string | number> = {};
  for (const key of FILTER_KEYS) {
    const value = filters[key].trim();
    if (value) params[key] = key === 'minStars' ? Number(value) : value;
  }
  return params as ApplicationsQuery;
}

export function filtersFromQuery(search: string): ReviewFilters {
  const params = new URLSearchParams(search);
  const out = { ...EMPTY_FILTERS };
  for (const key of FILTER_KEYS) out[key] = params.get(key) ?? '';
  return out;
}

/** Distinct districts, sorted the Vietnamese way, for the district filter's suggestions. */
export function districtsOf(list: readonly Application[]): string[] {
  const set = new Set(list.map((a) => a.district).filter(Boolean));
  return [...set].sort((a, b) => a.localeCompare(b, 'vi'));
}

// Row selection for bulk actions: a set of application ids.

export type Selection = ReadonlySet<string>;

export function toggleSelection(selection: Selection, id: string): Selection {
  const next = new Set(selection);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** Select every visible row, or clear them all when every one is already selected. */
export function toggleAll(selection: Selection, visibleIds: readonly string[]): Selection {
  const all = visibleIds.length > 0 && visibleIds.every((id) => selection.has(id));
  return all ? new Set() : new Set(visibleIds);
}

/** Forget rows that are no longer shown (a filter changed). */
export function pruneSelection(selection: Selection, visibleIds: readonly string[]): Selection {
  const visible = new Set(visibleIds);
  const next = new Set([...selection].filter((id) => visible.has(id)));
  return next.size === selection.size ? selection : next;
}

/** After a bulk action keep only the rows that failed, so they can be retried. */
export function selectionAfterBulk(selection: Selection, results: readonly BulkResult[]): Selection {
  const done = new Set(results.filter((r) => r.ok).map((r) => r.applicationId));
  return new Set([...selection].filter((id) => !done.has(id)));
}

// Eligibility reasons, one entry per code so each has a stable test hook.

export interface ReasonGroup {
  code: string;
  messages: string[];
  productIds: string[];
}

export function groupReasons(reasons: readonly ReasonLike[] | null | undefined): ReasonGroup[] {
  const groups: ReasonGroup[] = [];
  const byCode = new Map<string, ReasonGroup>();
  for (const reason of reasons ?? []) {
    let group = byCode.get(reason.code);
    if (!group) {
      group = { code: reason.code, messages: [], productIds: [] };
      byCode.set(reason.code, group);
      groups.push(group);
    }
    const message = reason.message?.trim();
    if (message && !group.messages.includes(message)) group.messages.push(message);
    if (reason.productId && !group.productIds.includes(reason.productId)) group.productIds.push(reason.productId);
  }
  return groups;
}

/** The product ids any reason names, to flag them in the picker. */
export function productsWithReasons(reasons: readonly ReasonLike[] | null | undefined): Set<string> {
  return new Set((reasons ?? []).map((r) => r.productId).filter((id): id is string => !!id));
}

// The apply form.

export interface ApplyForm {
  productIds: string[];
  types: BoothType[];
  zones: string[];
  needs: Record<Need, boolean>;
  note: string;
}

export function emptyApplyForm(): ApplyForm {
  return { productIds: [], types: [], zones: [], needs: { power: false, coldStorage: false, water: false }, note: '' };
}

export function applyFormToRequest(form: ApplyForm, includeNote = true): ApplicationRequest {
  const request: ApplicationRequest = {
    productIds: [...form.productIds],
    boothPreferences: { types: [...form.types], zones: [...form.zones] },
    needs: { ...form.needs },
  };
  const note = form.note.trim();
  if (includeNote && note) request.note = note;
  return request;
}

/** What the eligibility check depends on; the note does not change it. */
export function checkKey(form: ApplyForm): string {
  return JSON.stringify([
    [...form.productIds].sort(),
    [...form.types].sort(),
    [...form.zones].sort(),
    NEEDS.map((n) => form.needs[n]),
  ]);
}

export function toggleIn<T extends string>(list: readonly T[], value: T): T[] {
  return list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
}

/** Statuses in which a producer already takes part in a fair's registration, so is not offered to apply again. */
export const ACTIVE_STATUSES: readonly ApplicationStatus[] = ['Submitted', 'Approved', 'Waitlisted'];

/** The producer's application to the fair that is still in play (submitted, approved or waitlisted), if any. */
export function activeApplication(
  applications: readonly Pick<Application, 'fairId' | 'status' | 'applicationId'>[] | null | undefined,
  fairId: string,
): Pick<Application, 'fairId' | 'status' | 'applicationId'> | null {
  return applications?.find((a) => a.fairId === fairId && ACTIVE_STATUSES.includes(a.status)) ?? null;
}

/**
 * Whether to offer "apply": only to a producer, while registration is open, once their applications are known and
 * none of them to this fair is still in play (an approved exhibitor never sees it; a rejected or withdrawn one may
 * apply again, as the server allows).
 */
export function mayOfferApply(
  isProducer: boolean,
  fairStatus: string | null | undefined,
  applications: readonly Pick<Application, 'fairId' | 'status' | 'applicationId'>[] | null | undefined,
  fairId: string,
): boolean {
  return isProducer && fairStatus === 'Published' && applications != null && activeApplication(applications, fairId) === null;
}
