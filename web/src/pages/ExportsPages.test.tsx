import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, within } from '@testing-library/react';
import DealDocumentPage from './DealDocumentPage';
import DealVerifyPage from './DealVerifyPage';
import ResultsReportPage from './ResultsReportPage';
import { renderPage } from '../test/render';
import { mockFetch } from '../test/http';
import { FAIR_ID, fairDetails } from '../test/fixtures';
import type { Deal, DealReport, DealVerification } from '../lib/dealDocument';

const organiser = { userId: 'u-org', email: 'organiser@demo.ocop', roles: ['Organiser'], displayName: 'Sở Công Thương', locale: 'vi' };
const at = '2027-03-02T20:30:00Z';

function deal(patch: Partial<Deal> = {}): Deal {
  return {
    dealId: 'd-1',
    fairId: FAIR_ID,
    parties: { producerId: 'p-1', producerName: 'HTX Cam Cao Phong', province: 'Hòa Bình', district: 'Cao Phong', buyerId: 'b-1', buyerOrganisation: 'Siêu thị Xanh', buyerKind: 'Supermarket' },
    version: 2,
    terms: {
      kind: 'ConsumptionContract',
      lines: [
        { productId: 'pr-1', productName: 'Cam Cao Phong', group: 'Food', quantity: 2.5, unit: 'tan', unitPriceVnd: 18_000_000, months: 6 },
        { productId: 'pr-2', productName: 'Nước cam', group: 'Beverages', quantity: 1200, unit: 'bottle', unitPriceVnd: 35_000, months: null },
      ],
      deliveryTerms: 'Giao tại kho bên mua',
      market: { export: false, name: 'Hà Nội' },
      validFrom: '2027-03-10',
      validTo: '2028-03-09',
    },
    totals: { vnd: 312_000_000, tonnes: 15, otherUnits: { bottle: 1200 } },
    status: 'Active',
    signatures: [
      { side: 'Producer', userId: 'u-p', version: 2, at },
      { side: 'Buyer', userId: 'u-b', version: 1, at },
    ],
    createdBy: 'Buyer',
    createdAt: at,
    updatedAt: at,
    signedAt: at,
    followUps: [],
    buyerShowsPrices: false,
    producerShowsPrices: false,
    revision: 5,
    ...patch,
  };
}

function verification(patch: Partial<DealVerification> = {}): DealVerification {
  return {
    dealId: 'd-1',
    fairId: FAIR_ID,
    fairName: 'Hội chợ OCOP Hòa Bình 2025',
    kind: 'Memorandum',
    status: 'Active',
    version: 1,
    producerName: 'HTX Cam Cao Phong',
    producerDistrict: 'Cao Phong',
    producerProvince: 'Hòa Bình',
    buyerOrganisation: 'Siêu thị Xanh',
    signedAt: at,
    pricesShown: false,
    vnd: null,
    tonnes: 2,
    otherUnits: {},
    lines: [{ productName: 'Cam Cao Phong', group: 'Food', quantity: 2, unit: 'tan', months: null, unitPriceVnd: null }],
    ...patch,
  };
}

const empty = { deals: 0, vnd: 0, tonnes: 0, otherUnits: {} };
function report(): DealReport {
  const top = { dealId: 'd-1', kind: 'ConsumptionContract' as const, status: 'Active' as const, producerName: 'HTX Cam Cao Phong', district: 'Cao Phong', buyerOrganisation: 'Siêu thị Xanh', buyerKind: 'Supermarket' as const, vnd: 312_000_000, tonnes: 15, otherUnits: { bottle: 1200 }, signedAt: at };
  const one = { deals: 1, vnd: 312_000_000, tonnes: 15, otherUnits: { bottle: 1200 } };
  return {
    fairId: FAIR_ID,
    totals: { key: 'total', ...one },
    byKind: [{ key: 'Memorandum', ...empty }, { key: 'CooperationAgreement', ...empty }, { key: 'ConsumptionContract', ...one }],
    byDistrict: [{ key: 'Cao Phong', ...one }],
    byGroup: [{ key: 'Food', deals: 1, vnd: 270_000_000, tonnes: 15, otherUnits: {} }, { key: 'Beverages', deals: 1, vnd: 42_000_000, tonnes: 0, otherUnits: { bottle: 1200 } }, { key: 'Herbal', ...empty }],
    byBuyerKind: [{ key: 'Supermarket', ...one }, { key: 'Exporter', ...empty }],
    byMarket: [{ key: 'vn:Hà Nội', ...one }],
    top: [top],
    fulfilment: {
      checkpoints: [
        { atMonths: 3, side: 'Producer', delivering: 1, fulfilled: 0, lapsed: 0, notReported: 0, tonnesDelivered: 6, tonnesSigned: 15 },
        { atMonths: 3, side: 'Buyer', delivering: 0, fulfilled: 0, lapsed: 0, notReported: 1, tonnesDelivered: 0, tonnesSigned: 15 },
      ],
      deals: [{ deal: top, reports: [{ atMonths: 3, side: 'Producer', status: 'Delivering', quantityDelivered: 6, unit: 'tan', quantitySigned: 15, at }] }],
    },
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

describe('DealVerifyPage', () => {
  it('shows the kind, parties, date and status, and no prices unless both parties allow', async () => {
    window.history.replaceState(null, '', '/deals/d-1/verify');
    mockFetch(({ url }) => (url === '/api/deals/d-1/verify' ? { body: verification() } : undefined));
    renderPage(<DealVerifyPage dealId="d-1" />);

    expect((await screen.findByTestId('verify-kind')).textContent).toBe('Biên bản ghi nhớ');
    expect(screen.getByTestId('verify-seller').textContent).toContain('HTX Cam Cao Phong');
    expect(screen.getByTestId('verify-buyer').textContent).toBe('Siêu thị Xanh');
    expect(screen.getByTestId('verify-signed-at').textContent).toBe('03/03/2027');
    expect(screen.getByTestId('verify-status').textContent).toBe('Văn bản này có trong sổ giao dịch của hội chợ.');
    expect(screen.queryByTestId('verify-value')).toBeNull();
    expect(screen.getByTestId('verify-prices-hidden')).toBeTruthy();
    expect(screen.getByTestId('verify-lines').textContent).not.toContain('₫');
  });

  it('shows prices when both parties allowed them', async () => {
    window.history.replaceState(null, '', '/deals/d-1/verify');
    mockFetch(({ url }) =>
      url === '/api/deals/d-1/verify'
        ? { body: verification({ pricesShown: true, vnd: 36_000_000, lines: [{ productName: 'Cam Cao Phong', group: 'Food', quantity: 2, unit: 'tan', months: null, unitPriceVnd: 18_000_000 }] }) }
        : undefined,
    );
    renderPage(<DealVerifyPage dealId="d-1" />);
    expect((await screen.findByTestId('verify-value')).textContent).toBe('36.000.000 ₫');
    expect(screen.getByTestId('verify-lines').textContent).toContain('18.000.000 ₫');
  });

  it('says so when no signed deal has the code', async () => {
    window.history.replaceState(null, '', '/deals/d-x/verify');
    mockFetch(() => ({ status: 404, body: { status: 404, code: 'deal.notFound' } }));
    renderPage(<DealVerifyPage dealId="d-x" />);
    expect((await screen.findByTestId('verify-missing')).textContent).toMatch(/Không tìm thấy văn bản đã ký/);
  });
});

describe('DealDocumentPage', () => {
  it('lays the deal out the Vietnamese way and switches the document to English', async () => {
    window.history.replaceState(null, '', `/fairs/${FAIR_ID}/deals/d-1/print`);
    mockFetch(({ url }) => {
      if (url === '/api/me') return { body: organiser };
      if (url === `/api/fairs/${FAIR_ID}`) return { body: fairDetails() };
      if (url === `/api/fairs/${FAIR_ID}/deals/d-1`) return { body: deal() };
      return undefined;
    });
    renderPage(<DealDocumentPage fairId={FAIR_ID} dealId="d-1" />);

    const doc = await screen.findByTestId('deal-doc');
    expect(doc.textContent).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(doc.textContent).toContain('Độc lập - Tự do - Hạnh phúc');
    expect(doc.textContent).toContain('Hòa Bình, ngày 03 tháng 03 năm 2027');
    expect(screen.getByTestId('deal-doc-title').textContent).toBe('HỢP ĐỒNG TIÊU THỤ SẢN PHẨM');
    expect(screen.getByTestId('deal-doc-total').textContent).toBe('312.000.000 ₫');
    const rows = within(screen.getByTestId('deal-doc-lines')).getAllByRole('row');
    expect(rows[1].textContent).toContain('Mỗi tháng, trong 6 tháng');
    expect(rows[1].textContent).toContain('270.000.000 ₫');
    expect(doc.textContent).toContain('Tổng khối lượng: 15 tấn');
    expect(doc.textContent).toContain('Các đơn vị khác: 1.200 chai');
    expect(doc.textContent).toContain('từ ngày 10/03/2027 đến ngày 09/03/2028');
    // The buyer signed only the first version: this one is not signed by the buyer.
    expect(screen.getByTestId('deal-doc-sign-Buyer').textContent).toContain('Chưa ký phiên bản này');
    expect(screen.getByTestId('deal-doc-sign-Producer').textContent).toContain('Đã ký trên hệ thống lúc 03:30 03/03/2027');
    expect(screen.getByTestId('deal-doc-qr').getAttribute('src')).toBe('/api/deals/d-1/qr.svg');
    expect(doc.textContent).toContain('/deals/d-1/verify');

    fireEvent.click(screen.getByTestId('deal-doc-lang-en'));
    expect(screen.getByTestId('deal-doc-title').textContent).toBe('PRODUCT CONSUMPTION CONTRACT');
    expect(screen.getByTestId('deal-doc').textContent).toContain('SOCIALIST REPUBLIC OF VIETNAM');
    expect(screen.getByTestId('deal-doc-total').textContent).toBe('VND 312,000,000');
    expect(screen.getByTestId('deal-doc').getAttribute('lang')).toBe('en');
  });
});

describe('ResultsReportPage', () => {
  it('shows the totals by bucket, the fulfilment beside what was signed, and the files to download', async () => {
    window.history.replaceState(null, '', `/fairs/${FAIR_ID}/report`);
    mockFetch(({ url }) => {
      if (url === '/api/me') return { body: organiser };
      if (url === `/api/fairs/${FAIR_ID}`) return { body: fairDetails() };
      if (url === `/api/fairs/${FAIR_ID}/report`) return { body: report() };
      return undefined;
    });
    renderPage(<ResultsReportPage fairId={FAIR_ID} />);

    const summary = await screen.findByTestId('report-summary');
    expect(summary.textContent).toContain('0 biên bản ghi nhớ, 0 thỏa thuận hợp tác, 1 hợp đồng tiêu thụ; 15 tấn; tổng giá trị 312.000.000 ₫.');
    expect(summary.textContent).toContain('1.200 chai');
    const kinds = within(screen.getByTestId('report-by-kind')).getAllByRole('row');
    expect(kinds.map((r) => r.querySelector('th')?.textContent)).toEqual(['Nhóm', 'Biên bản ghi nhớ', 'Thỏa thuận hợp tác', 'Hợp đồng tiêu thụ', 'Tổng cộng']);
    const groups = screen.getByTestId('report-by-group').textContent!;
    expect(groups).toContain('Thực phẩm');
    expect(groups).not.toContain('Thảo dược'); // empty groups are left out
    expect(screen.getByTestId('report-by-market').textContent).toContain('Hà Nội');
    expect(screen.getByTestId('report-top').textContent).toContain('HTX Cam Cao Phong');
    expect(screen.getByTestId('report-print-d-1').getAttribute('href')).toBe(`/fairs/${FAIR_ID}/deals/d-1/print`);
    expect(screen.getByTestId('report-fulfilment-deals').textContent).toContain('Đang giao6 / 15 tấn (40%)');
    expect(screen.getByTestId('report-csv').getAttribute('href')).toBe(`/api/fairs/${FAIR_ID}/exports/deals.csv`);
    expect(screen.getByTestId('report-xlsx').getAttribute('href')).toBe(`/api/fairs/${FAIR_ID}/exports/report.xlsx`);
    expect(screen.getByTestId('report-deals-xlsx').getAttribute('href')).toBe(`/api/fairs/${FAIR_ID}/exports/deals.xlsx`);
  });
});
