import type { Booth, FairDetails, FairEvent, Floor } from '../lib/types';

export const FAIR_ID = 'hoa-binh-2025';

export function booth(code: string, patch: Partial<Booth> = {}): Booth {
  const index = Number(code.replace(/\D/g, '')) || 1;
  return {
    code,
    zone: code.startsWith('B') ? 'B' : 'A',
    type: 'Standard',
    areaM2: 9,
    priceVnd: 1250000,
    x: 2 + (index - 1) * 4,
    y: code.startsWith('B') ? 12 : 3,
    w: 3,
    h: 3,
    status: 'Free',
    amenities: [],
    ...patch,
  };
}

export function floorFixture(version = 5): Floor {
  return {
    fairId: FAIR_ID,
    version,
    width: 30,
    height: 20,
    zones: [
      { code: 'A', name: 'Thực phẩm', groups: ['Food'] },
      { code: 'B', name: 'Đồ uống', groups: ['Beverages'] },
    ],
    booths: [
      booth('A01'),
      booth('A02', { status: 'Held', producerId: 'p1', producerName: 'HTX Cam Cao Phong', holdExpiresAt: '2025-03-14T18:30:00Z' }),
      booth('A03', { status: 'Confirmed', producerId: 'p2', producerName: 'HTX Hà Phong', type: 'Corner' }),
      booth('B01', { status: 'Blocked' }),
      booth('B02', { type: 'Premium', areaM2: 12, priceVnd: 2500000 }),
    ],
  };
}

export function boothChanged(version: number, b: Booth, fairId = FAIR_ID): FairEvent {
  return { fairId, version, type: 'BoothChanged', data: b };
}

/** The fair the page tests open, with fields replaced by `patch`. */
export function fairDetails(patch: Partial<FairDetails> = {}): FairDetails {
  return {
    fairId: FAIR_ID,
    name: 'Hội chợ OCOP Hòa Bình 2025',
    venue: 'Quảng trường Hòa Bình',
    province: 'Hòa Bình',
    timeZone: 'Asia/Ho_Chi_Minh',
    startsAt: '2025-03-14T18:30:00Z',
    endsAt: '2025-03-18T10:00:00Z',
    registrationOpensAt: '2025-02-01T01:00:00Z',
    registrationClosesAt: '2025-03-01T10:00:00Z',
    minStars: 3,
    acceptedGroups: ['Food', 'Beverages'],
    boothsPerProducer: 2,
    holdMinutes: 15,
    allocationMode: 'FirstCome',
    status: 'Published',
    version: 5,
    boothCount: 5,
    organiserId: 'u1',
    ...patch,
  };
}
