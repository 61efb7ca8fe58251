// Deals as the server answers them, for the deals' tests.

import type { Deal, DealLine, DealTerms } from '../lib/dealsApi';

export const line = (over: Partial<DealLine> = {}): DealLine => ({
  productId: 'p-rice',
  productName: 'Gạo nếp cái hoa vàng',
  group: 'Food',
  quantity: 2,
  unit: 'tan',
  unitPriceVnd: 30_000_000,
  months: null,
  ...over,
});

export const terms = (over: Partial<DealTerms> = {}): DealTerms => ({
  kind: 'ConsumptionContract',
  lines: [line()],
  deliveryTerms: 'Giao tại kho Hà Nội',
  market: { export: false, name: 'Hà Nội' },
  validFrom: '2027-01-01',
  validTo: '2027-12-31',
  ...over,
});

export const deal = (over: Partial<Deal> = {}): Deal =>
  ({
    dealId: 'd-1',
    fairId: 'f-1',
    parties: {
      producerId: 'prod-1',
      producerName: 'HTX Nếp Hoa Vàng',
      province: 'Hòa Bình',
      district: 'Kim Bôi',
      buyerId: 'buyer-1',
      buyerOrganisation: 'Chuỗi Gạo Sạch',
      buyerKind: 'CleanFoodStore',
    },
    meetingId: 'm-1',
    version: 1,
    terms: terms(),
    totals: { vnd: 60_000_000, tonnes: 2, otherUnits: {} },
    status: 'Draft',
    signatures: [],
    createdBy: 'Buyer',
    createdAt: '2026-12-15T02:00:00Z',
    updatedAt: '2026-12-15T02:00:00Z',
    signedAt: null,
    cancelReason: null,
    followUps: [],
    buyerShowsPrices: false,
    producerShowsPrices: false,
    revision: 1,
    ...over,
  }) as Deal;

