// Meetings, matches and plans as the server answers them, for tests.

import type { Meeting } from '../lib/meetingsApi';

export function meeting(patch: Partial<Meeting> = {}): Meeting {
  return {
    meetingId: 'm-1',
    fairId: 'f',
    buyerId: 'b-1',
    producerId: 'p-1',
    startsAt: '2026-12-15T01:00:00Z', // 08:00 in Hà Nội
    endsAt: '2026-12-15T01:20:00Z',
    place: { boothCode: 'A01', capacity: 2 },
    status: 'Requested',
    awaitingSide: 'Producer',
    expiresAt: '2026-12-14T03:00:00Z',
    buyerCheckedIn: false,
    producerCheckedIn: false,
    locked: false,
    version: 1,
    ...patch,
  };
}
