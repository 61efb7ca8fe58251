import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, screen, waitFor } from '@testing-library/react';
import { renderPage } from '../test/render';
import { HallPage } from './HallPage';
import { FakeHub } from '../test/fakeHub';
import { mockFetch } from '../test/http';
import { FAIR_ID } from '../test/fixtures';
import type { DealAnnouncement, FairBoard } from '../lib/board';

const fair = { fairId: FAIR_ID, name: 'Hội chợ OCOP Hòa Bình 2026', timeZone: 'Asia/Ho_Chi_Minh', status: 'Live', allocationMode: 'FirstCome', acceptedGroups: ['Food'] };

const board = (version: number, vnd: number, contracts: number, tonnes = 0): FairBoard => ({
  fairId: FAIR_ID,
  version,
  booths: { free: 1, held: 0, confirmed: 4 },
  meetings: { requested: 0, accepted: 0, held: 2, noShow: 0 },
  deals: { byKind: { Memorandum: 1, ConsumptionContract: contracts }, vnd, tonnes, otherUnits: {}, byGroup: {}, byDistrict: {}, byBuyerKind: {}, byMarket: {} },
});

const signed: DealAnnouncement = {
  dealId: 'd-9',
  kind: 'ConsumptionContract',
  producerName: 'HTX Cam Cao Phong',
  district: 'Cao Phong',
  buyerOrganisation: 'Siêu thị Xanh',
  vnd: 1_200_000_000,
  tonnes: 12.5,
  signedAt: '2026-12-05T01:00:00Z',
};

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('HallPage', () => {
  it('shows the running totals in Vietnamese first and announces a signing as it happens, without a reload', async () => {
    const calls = mockFetch(({ url }) => {
      if (url === `/api/fairs/${FAIR_ID}`) return { body: fair };
      if (url === `/api/fairs/${FAIR_ID}/board`) return { body: board(5, 300_000_000, 1, 2) };
      return undefined;
    });
    const hub = new FakeHub();
    renderPage(<HallPage fairId={FAIR_ID} hubFactory={async () => hub} />);

    expect(await screen.findByText(fair.name, { exact: false })).toBeTruthy();
    expect((await screen.findByTestId('hall-signed')).textContent).toBe('2');
    expect(screen.getByTestId('hall-value').textContent).toContain('300');
    expect(screen.getByTestId('hall-value').textContent).toContain('triệu đồng');
    expect(screen.getByTestId('hall-value').textContent).toContain('million VND');
    expect(screen.getByText('Các lễ ký kết sẽ hiện ở đây.')).toBeTruthy();
    await waitFor(() => expect(hub.calls('JoinFairBatched')).toHaveLength(1));

    act(() =>
      hub.emit('FairEvents', {
        fairId: FAIR_ID,
        fromVersion: 5,
        toVersion: 7,
        events: [
          { version: 6, type: 'DealSigned', at: signed.signedAt, data: signed },
          { version: 7, type: 'BoardChanged', at: signed.signedAt, data: board(7, 1_500_000_000, 2, 14.5) },
        ],
      }),
    );
    const signing = screen.getByTestId('hall-signing');
    expect(signing.textContent).toContain('Vừa ký kết · Hợp đồng tiêu thụ');
    expect(signing.textContent).toContain('HTX Cam Cao Phong — Siêu thị Xanh');
    expect(signing.textContent).toContain('1,2 tỷ đồng');
    expect(screen.getByTestId('hall-signed').textContent).toBe('3');
    expect(screen.getByTestId('hall-value').textContent).toContain('1,5');
    expect(screen.getByTestId('hall-tonnes').textContent).toContain('14,5');
    expect(calls.filter((c) => c.url === `/api/fairs/${FAIR_ID}/board`).length).toBeLessThanOrEqual(2);
    expect(calls.some((c) => c.url === '/api/me')).toBe(false);
  });
});
