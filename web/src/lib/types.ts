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
  errors?: Record<string, string[]>;
}

export type LiveState = 'live' | 'reconnecting' | 'offline';
