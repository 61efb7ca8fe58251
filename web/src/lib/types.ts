// Shapes of the OcopFairs HTTP and SignalR contract (see shared/API.md).

export type Locale = 'vi' | 'en';

export interface Me {
  userId: string;
  email: string;
  roles: string[];
  displayName: string;
  locale: Locale;
  producerId?: string | null;
  buyerId?: string | null;
}

export type FairStatus = 'Draft' | 'Published' | 'RegistrationClosed' | 'Live' | 'Closed';

export interface FairSummary {
  fairId: string;
  name: string;
  venue: string;
  province: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  status: FairStatus;
  boothCount: number;
}

export interface FairDetails {
  fairId: string;
  name: string;
  venue: string;
  province: string;
  timeZone: string;
  startsAt: string;
  endsAt: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  minStars: number;
  acceptedGroups: string[];
  boothsPerProducer: number;
  holdMinutes: number;
  allocationMode: string;
  status: FairStatus;
  version: number;
  /** The organiser account that created the fair. */
  organiserId?: string;
}

export type BoothType = 'Standard' | 'Corner' | 'Premium' | 'Outdoor';
export type BoothStatus = 'Free' | 'Held' | 'Confirmed' | 'Blocked';

export interface Booth {
  code: string;
  zone: string;
  type: BoothType;
  areaM2: number;
  priceVnd: number;
  x: number;
  y: number;
  w: number;
  h: number;
  status: BoothStatus;
  producerId?: string | null;
  producerName?: string | null;
  holdExpiresAt?: string | null;
  /** What the booth offers ("power", "water", …); the floor answers it, events may omit it. */
  amenities?: string[] | null;
}

export interface Zone {
  code: string;
  name: string;
  groups: string[];
}

export interface Floor {
  fairId: string;
  version: number;
  width: number;
  height: number;
  zones: Zone[];
  booths: Booth[];
}

export interface FairEvent {
  fairId: string;
  version: number;
  type: string; // BoothChanged | BoardChanged | ContractChanged | FairChanged | ...
  /** When the change happened (ISO 8601). */
  at?: string;
  data: unknown;
}

export interface FloorDelta {
  fairId: string;
  fromVersion: number;
  toVersion: number;
  events: FairEvent[];
}

/** What `GET /floor?sinceVersion=N` answers: a delta, or the full snapshot. */
export type FloorSinceResponse = FloorDelta | Floor;

/** What the hub method `JoinFair(fairId, sinceVersion)` returns. */
export interface JoinResult {
  fairId: string;
  version: number;
  events: FairEvent[] | null;
  snapshot: Floor | null;
}

export interface PrivateEvent {
  type: string; // Notification | ApplicationChanged | MeetingChanged | ContractChanged
  data: unknown;
}

export interface Notification {
  id: string;
  kind: string;
  title: string;
  body: string;
  createdAt: string;
  readAt?: string | null;
}

/** RFC 9457 problem details. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  code?: string;
  errors?: Record<string, string[]>;
  /** On 422 from an application: why it is not eligible. */
  reasons?: Reason[];
}

// Producers and products

export type ProducerKind = 'Cooperative' | 'Enterprise' | 'Household';
export type ProductGroup = 'Food' | 'Beverages' | 'Herbal' | 'Handicrafts' | 'Ornamental' | 'Tourism';
export type CertificateLevel = 'District' | 'Province' | 'Central';
export type ShopPlatform = 'Postmart' | 'Voso' | 'Shopee' | 'Sendo' | 'Website';

export interface ProducerProfileInput {
  name: string;
  kind: ProducerKind;
  province: string;
  district: string;
  commune: string;
  puc?: string | null;
  phone?: string | null;
  email?: string | null;
  description?: string | null;
}

export interface Quantity {
  quantity: number;
  unit: string;
  baseQuantity?: number | null;
  baseUnit?: string | null;
}

export interface PriceRange {
  min: number;
  max: number;
  unit: string;
}

export interface ShopLink {
  platform: ShopPlatform | string;
  url: string;
}

/** What the producer sends to create or change a product. */
export interface ProductInput {
  name: string;
  group: ProductGroup;
  subGroup?: string | null;
  groupRule?: string;
  stars: number;
  certificateNo: string;
  certificateLevel: CertificateLevel;
  certifiedOn: string; // yyyy-MM-dd
  certificateExpiresOn?: string | null; // yyyy-MM-dd
  certifications: string[];
  capacityPerMonth?: Quantity | null;
  priceRange?: PriceRange | null;
  shopLinks: ShopLink[];
}

export interface Product extends ProductInput {
  productId: string;
  producerId: string;
  groupRule: string;
  certificateExpiresOn: string;
  expiringSoon: boolean;
  expired: boolean;
  producerName?: string | null;
  district?: string | null;
}

export interface ProductCard extends Product {
  producer?: {
    producerId: string;
    name: string;
    district: string;
    province: string;
    kind: ProducerKind;
  } | null;
}

export interface Producer extends ProducerProfileInput {
  producerId: string;
  complete: boolean;
  products: Product[];
}

// Applications

export type ApplicationStatus = 'Submitted' | 'Approved' | 'Waitlisted' | 'Rejected' | 'Withdrawn';
export type CertificateState = 'Valid' | 'ExpiringSoon' | 'Expired';

export interface Reason {
  code: string;
  message?: string | null;
  productId?: string | null;
}

export interface Eligibility {
  eligible: boolean;
  reasons: Reason[];
}

export interface BoothPreferences {
  types: string[];
  zones: string[];
}

export interface BoothNeeds {
  power: boolean;
  coldStorage: boolean;
  water: boolean;
}

export interface ApplicationRequest {
  productIds: string[];
  boothPreferences?: BoothPreferences | null;
  needs?: BoothNeeds | null;
  note?: string | null;
}

export interface AppliedProduct {
  productId: string;
  name: string;
  group: ProductGroup | string;
  stars: number;
  certificateExpiresOn: string;
}

export interface Application {
  applicationId: string;
  fairId: string;
  producerId: string;
  producerName: string;
  district: string;
  status: ApplicationStatus;
  productIds: string[];
  products: AppliedProduct[];
  boothPreferences?: BoothPreferences | null;
  needs?: BoothNeeds | null;
  note?: string | null;
  eligibility: Eligibility;
  rejectionReason?: string | null;
  waitlistPosition?: number | null;
  submittedAt: string;
  decidedAt?: string | null;
  certificateState: CertificateState;
}

export type ReviewAction = 'approve' | 'reject' | 'waitlist';

export interface BulkResult {
  applicationId: string;
  ok: boolean;
  status?: ApplicationStatus | null;
  error?: string | null;
}

export type LiveState = 'live' | 'reconnecting' | 'offline';

// Floor plans (organisers)

/** One booth as `PUT /floor-plan` takes it. */
export interface BoothSpec {
  code: string;
  zone: string;
  type: BoothType;
  areaM2: number;
  priceVnd: number;
  x: number;
  y: number;
  w: number;
  h: number;
  amenities: string[];
}

/** The body of `PUT /api/fairs/{fairId}/floor-plan` (JSON). */
export interface FloorPlanRequest {
  zones: Zone[];
  booths: BoothSpec[];
}

export interface GridZoneRequest {
  code: string;
  name: string;
  groups: string[];
  booths: number;
}

/** The body of `POST /api/fairs/{fairId}/floor-plan/grid`. */
export interface GridRequest {
  zones: GridZoneRequest[];
  perRow?: number;
  boothWidth?: number;
  boothDepth?: number;
  priceVnd?: number;
}

export type FairTransition = 'publish' | 'close-registration' | 'start' | 'close';

// Allocation (Organiser-mode fairs)

export interface AllocationReason {
  code: string;
  message: string;
}

export interface AllocatedBooth {
  boothCode: string;
  producerId: string;
  producerName?: string | null;
  reasons: AllocationReason[];
}

export interface UnplacedExhibitor {
  producerId: string;
  producerName?: string | null;
  reasons: AllocationReason[];
}

/** What `POST /api/fairs/{fairId}/allocation` answers. */
export interface AllocationResult {
  dryRun: boolean;
  assignments: AllocatedBooth[];
  unplaced: UnplacedExhibitor[];
  /** Booths each district is due, keyed by the folded district name ("kim boi"). */
  districtShares: Record<string, number>;
}
