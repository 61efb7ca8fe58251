import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor, within } from '@testing-library/react';
import { renderPage } from '../test/render';
import { ResultsPage } from './ResultsPage';
import { FakeHub } from '../test/fakeHub';
import { mockFetch } from '../test/http';
import { FAIR_ID } from '../test/fixtures';
import type { FairBoard } from '../lib/board';

const fair = { fairId: FAIR_ID, name: 'Hội chợ OCOP Hòa Bình 2026', timeZone: 'Asia/Ho_Chi_Minh', status: 'Live', allocationMode: 'FirstCome', acceptedGroups: ['Food'], organiserId: 'org' };

const board = (version: number, vnd: number, kimBoi: number): FairBoard => ({
  fairId: FAIR_ID,
  version,
  booths: { free: 2, held: 1, confirmed: 7 },
  meetings: { requested: 0, accepted: 3, held: 12, noShow: 1 },
  deals: {
    byKind: { Memorandum: 1, ConsumptionContract: kimBoi },
    vnd,
    tonnes: 3,
    otherUnits: { box: 200 },
    byGroup: { Food: { deals: 1 + kimBoi, vnd, tonnes: 3 } },
    byDistrict: { 'Kim Bôi': { deals: kimBoi, vnd: vnd - 1_000_000, tonnes: 3 }, '': { deals: 1, vnd: 1_000_000, tonnes: 0 } },
    byBuyerKind: { Supermarket: { deals: 1 + kimBoi, vnd, tonnes: 3 } },
    byMarket: { 'export:JP': { deals: 1 + kimBoi, vnd, tonnes: 3 } },
  },
});

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ResultsPage', () => {
  it('shows totals and every breakdown, and moves them with BoardChanged without a reload', async () => {
    mockFetch(({ url }) => {
      if (url === '/api/me') return { status: 401, body: {} };
      if (url === `/api/fairs/${FAIR_ID}`) return { body: fair };
      if (url === `/api/fairs/${FAIR_ID}/board`) return { body: board(4, 121_000_000, 1) };
      return undefined;
    });
    const hub = new FakeHub();
    renderPage(<ResultsPage fairId={FAIR_ID} hubFactory={async () => hub} />);
    expect((await screen.findByTestId('results-signed')).textContent).toBe('2');
    expect(screen.getByTestId('results-value').textContent).toContain('121 triệu đồng');
    expect(screen.getByTestId('results-meetings').textContent).toBe('12');
    expect(screen.getByTestId('results-booths').textContent).toBe('8/10');
    const districts = screen.getByTestId('table-district');
    expect(within(districts).getByText('Kim Bôi')).toBeTruthy();
    expect(within(districts).getByText('Không rõ')).toBeTruthy();
    expect(within(screen.getByTestId('table-buyerKind')).getByText('Siêu thị')).toBeTruthy();
    expect(within(screen.getByTestId('table-market')).getByText('Xuất khẩu: JP')).toBeTruthy();
    expect(within(screen.getByTestId('table-group')).getByText('Thực phẩm')).toBeTruthy();

    await waitFor(() => expect(hub.calls('JoinFairBatched')).toHaveLength(1));
    act(() =>
      hub.emit('FairEvents', {
        fairId: FAIR_ID,
        fromVersion: 4,
        toVersion: 6,
        events: [
          { version: 5, type: 'DealSigned', data: { dealId: 'd-2', kind: 'ConsumptionContract', producerName: 'HTX Kim Bôi', buyerOrganisation: 'Siêu thị Xanh', vnd: 2_000_000_000, tonnes: 5, signedAt: '2026-12-05T01:00:00Z' } },
          { version: 6, type: 'BoardChanged', data: board(6, 2_121_000_000, 2) },
        ],
      }),
    );
    expect(screen.getByTestId('results-signed').textContent).toBe('3');
    expect(screen.getByTestId('results-value').textContent).toContain('2,12 tỷ đồng');
    expect(screen.getByTestId('results-recent').textContent).toContain('HTX Kim Bôi — Siêu thị Xanh');
  });
});
