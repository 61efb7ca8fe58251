// The shapes the web app works with. What the HTTP API describes comes from the generated contract
// (src/api/schema.d.ts, made from the server's OpenAPI document by scripts/gen-api.sh) under the names the app uses;
// below them, what only the SignalR hub or the app itself has (see shared/API.md for the hub).

import type { components, paths } from '../api/schema';

type Schemas = components['schemas'];
/** `T`, checked to be a valid body of the type the contract names (a stricter form of it). */
type SendableAs<T extends Contract, Contract> = T;

// HTTP contract (generated)

export type Me = Schemas['MeResponse'];
export type FairStatus = Schemas['FairStatus'];
export type FairSummary = Schemas['FairSummary'];
export type FairDetails = Schemas['FairResponse'];
export type AllocationMode = Schemas['AllocationMode'];
export type BoothType = Schemas['BoothType'];
export type BoothStatus = Schemas['BoothStatus'];
export type Booth = Schemas['BoothView'];
export type Zone = Floor['zones'][number];
export type Floor = Schemas['FloorView'];
/** What `GET /floor?sinceVersion=N` answers when the backlog reaches back: the events since N (read as hub events). */
export type FloorDelta = Omit<Schemas['FloorChangesResponse'], 'events'> & { events: FairEvent[] };
/** What `GET /floor?sinceVersion=N` answers: a delta, or the full snapshot. */
export type FloorSinceResponse = FloorDelta | Floor;
export type Notification = Schemas['NotificationView'];

export type ProducerKind = Schemas['ProducerKind'];
export type ProductGroup = Schemas['ProductGroup'];
export type CertificateLevel = Schemas['CertificateLevel'];
export type ProducerProfileInput = Schemas['ProducerRequest'];
export type Producer = Schemas['ProducerResponse'];
/** What the producer sends to create or change a product. */
export type ProductInput = Schemas['ProductRequest'];
export type Product = Schemas['ProductResponse'];
/** The public product card: a product with its producer. */
export type ProductCard = Schemas['ProductResponse'];

export type ApplicationStatus = Schemas['ApplicationStatus'];
export type CertificateState = Schemas['CertificateState'];
export type Reason = Schemas['ReasonResponse'];
/** A reason as the page may hold it: an eligibility answer's, or a 422 problem's (whose message may be missing). */
export type ReasonLike = Pick<Reason, 'code'> & Partial<Omit<Reason, 'code'>>;
export type Eligibility = Schemas['EligibilityResponse'];
export type ApplicationRequest = Schemas['ApplyRequest'];
export type Application = Schemas['ApplicationResponse'];
export type BulkResult = Schemas['BulkResult'];
/** The review queue's filters as `GET /api/fairs/{fairId}/applications` takes them. */
export type ApplicationsQuery = NonNullable<paths['/api/fairs/{fairId}/applications']['get']['parameters']['query']>;

/** One booth as `PUT /floor-plan` takes it, every field given (as the editor sends it). */
export type BoothSpec = { [K in keyof Schemas['BoothRequest']]-?: NonNullable<Schemas['BoothRequest'][K]> };
/** The body of `PUT /api/fairs/{fairId}/floor-plan` (JSON) as the editor sends it: every zone and booth in full. */
export type FloorPlanRequest = SendableAs<{ zones: Zone[]; booths: BoothSpec[] }, Schemas['FloorPlanRequest']>;
/** The body of `POST /api/fairs/{fairId}/floor-plan/grid`. */
export type GridRequest = Schemas['GridRequest'];

export type AllocationReason = Schemas['AllocationReason'];
/** What `POST /api/fairs/{fairId}/allocation` answers. */
export type AllocationResult = Schemas['AllocationResponse'];
/** An approved exhibitor of a fair with its booths (`GET /api/fairs/{fairId}/exhibitors`). */
export type Exhibitor = Schemas['ExhibitorResponse'];
/** A fair a producer exhibits at, with its booths (`GET /api/producers/{producerId}/fairs`). */
export type ProducerFair = Schemas['ProducerFairResponse'];
export type ShopLink = Schemas['ShopLink'];

// Only the web app (or only the hub) has these

export type Locale = 'vi' | 'en';

/** A fair event as the hub pushes it (`FairEvent`, or decoded from `FairEvents`) and the floor backlog answers it. */
export interface FairEvent {
  fairId: string;
  version: number;
  type: string; // BoothChanged | BoardChanged | DealSigned | FairChanged | ...
  /** When the change happened (ISO 8601). */
  at?: string;
  data?: unknown;
}

/** What the hub method `JoinFair(fairId, sinceVersion)` returns. */
export interface JoinResult {
  fairId: string;
  version: number;
  events: FairEvent[] | null;
  snapshot: Floor | null;
}

export interface PrivateEvent {
  type: string; // Notification | ApplicationChanged | MeetingChanged | DealChanged
  data: unknown;
}

/**
 * RFC 9457 problem details as the server writes them: the validation problem the contract describes, with the
 * extensions every refusal carries.
 */
export type Problem = Partial<Omit<Schemas['ValidationProblem'], 'errors' | 'code'>> & {
  errors?: Record<string, string[]>;
  /** The refusal's stable code (`booth.taken`, `floorPlan.boothInUse`, …). */
  code?: string;
  /** On 422 from an application: why it is not eligible. */
  reasons?: ReasonLike[];
};

export type ShopPlatform = 'Postmart' | 'Voso' | 'Shopee' | 'Sendo' | 'Website' | 'Tiki';
export type ReviewAction = 'approve' | 'reject' | 'waitlist';
export type FairTransition = 'publish' | 'close-registration' | 'start' | 'close';
export type LiveState = 'live' | 'reconnecting' | 'offline';
