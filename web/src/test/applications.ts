import type { Application, Producer, Product } from '../lib/types';

export const PRODUCER_ID = 'prod-3t';

export function product(productId: string, patch: Partial<Product> = {}): Product {
  return {
    productId,
    producerId: PRODUCER_ID,
    name: 'Cam Cao Phong',
    group: 'Food',
    subGroup: null,
    groupRule: 'QD148-2023',
    stars: 4,
    certificateNo: '123/QĐ-UBND',
    certificateLevel: 'Province',
    certifiedOn: '2024-05-10',
    certificateExpiresOn: '2027-05-10',
    expiringSoon: false,
    expired: false,
    certifications: ['VietGAP'],
    capacityPerMonth: { quantity: 2, unit: 'tan', baseQuantity: 2000, baseUnit: 'kg' },
    priceRange: { min: 35000, max: 50000, unit: 'kg' },
    shopLinks: [{ platform: 'Postmart', url: 'https://postmart.vn/cam-cao-phong' }],
    ...patch,
  };
}

export function producer(products: Product[], patch: Partial<Producer> = {}): Producer {
  return {
    producerId: PRODUCER_ID,
    name: 'HTX Nông nghiệp 3T Cao Phong',
    kind: 'Cooperative',
    province: 'Hòa Bình',
    district: 'Cao Phong',
    commune: 'Bắc Phong',
    phone: '0912345678',
    complete: true,
    products,
    shopLinks: [],
    ...patch,
  };
}

export function application(applicationId: string, patch: Partial<Application> = {}): Application {
  return {
    applicationId,
    fairId: 'hoa-binh-2025',
    producerId: PRODUCER_ID,
    producerName: 'HTX 3T Cao Phong',
    district: 'Cao Phong',
    status: 'Submitted',
    productIds: ['p1'],
    products: [{ productId: 'p1', name: 'Cam Cao Phong', group: 'Food', stars: 4, certificateExpiresOn: '2027-05-10' }],
    boothPreferences: { types: ['Corner'], zones: ['A'] },
    needs: { power: true, coldStorage: false, water: false },
    note: null,
    eligibility: { eligible: true, reasons: [] },
    submittedAt: '2025-02-10T03:00:00Z',
    certificateState: 'Valid',
    ...patch,
  };
}
