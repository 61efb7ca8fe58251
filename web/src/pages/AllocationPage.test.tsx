import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AllocationPage } from './AllocationPage';
import i18n from '../i18n';
import { renderPage } from '../test/render';
import { mockFetch, type Call } from '../test/http';
import { FAIR_ID, fairDetails } from '../test/fixtures';
import type { AllocationMode, AllocationResult } from '../lib/types';

const organiser = { userId: 'u1', email: 'organiser@demo.ocop', roles: ['Organiser'], displayName: 'Ban tổ chức', locale: 'vi' };

function result(dryRun: boolean, lang: 'vi' | 'en' = 'vi'): AllocationResult {
  const vi = lang === 'vi';
  return {
    dryRun,
    assignments: [
      {
        boothCode: 'H10',
        producerId: 'p2',
        producerName: 'HTX Hà Phong',
        reasons: [{ code: 'stars', message: vi ? 'Ưu tiên theo hạng sao: 4★.' : 'Priority by stars: 4★.' }],
      },
      {
        boothCode: 'H02',
        producerId: 'p1',
        producerName: 'HTX Cam Cao Phong',
        reasons: [
          { code: 'stars', message: vi ? 'Ưu tiên theo hạng sao: 5★.' : 'Priority by stars: 5★.' },
          { code: 'districtShare', message: vi ? 'Suất của huyện Cao Phong: gian thứ 1 trên 1.' : 'District share of Cao Phong: booth 1 of 1.' },
        ],
      },
    ],
    unplaced: [
      {
        producerId: 'p3',
        producerName: 'HTX Xanh Kim Bôi',
        reasons: [{ code: 'noCompatibleBooth', message: vi ? 'Không còn gian trống ở khu dành cho nhóm Herbal.' : 'No free booth in a zone that takes Herbal.' }],
      },
    ],
    districtShares: { 'cao phong': 1, 'kim boi': 1 },
  };
}

function setup({ mode = 'Organiser', apply }: { mode?: AllocationMode; apply?: (call: Call, n: number) => { status?: number; body?: unknown } } = {}) {
  let applies = 0;
  const calls = mockFetch((call) => {
    const { url, method } = call;
    if (url === '/api/me') return { body: organiser };
    if (url === `/api/fairs/${FAIR_ID}`) return { body: fairDetails({ allocationMode: mode }) };
    if (url === `/api/fairs/${FAIR_ID}/applications?status=Approved`)
      return { body: [{ district: 'Cao Phong' }, { district: 'Kim Bôi' }] };
    if (url === `/api/fairs/${FAIR_ID}/allocation` && method === 'POST') {
      const body = JSON.parse(call.body!) as { dryRun: boolean };
      const lang = call.headers['Accept-Language'] === 'en' ? 'en' : 'vi';
      if (body.dryRun) return { body: result(true, lang) };
      return apply ? apply(call, ++applies) : { body: result(false, lang) };
    }
    return undefined;
  });
  renderPage(
<AllocationPage fairId={FAIR_ID} />,
);
  return calls;
}

const allocations = (calls: Call[]) => calls.filter((c) => c.url.endsWith('/allocation'));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('AllocationPage', () => {
  it('shows a dry run with reasons, unplaced exhibitors and district shares', async () => {
    const calls = setup();
    fireEvent.click(await screen.findByTestId('allocation-dry-run'));
    const table = await screen.findByTestId('assignments');
    // in booth order, with the producers and the server's reasons
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.getAttribute('data-testid'))).toEqual(['assignment-H02', 'assignment-H10']);
    expect(rows[0].textContent).toContain('HTX Cam Cao Phong');
    expect(screen.getByTestId('reasons-H02').textContent).toContain('Suất của huyện Cao Phong: gian thứ 1 trên 1.');
    expect(screen.getByTestId('unplaced-reasons-p3').textContent).toBe('Không còn gian trống ở khu dành cho nhóm Herbal.');
    expect(screen.getByTestId('share-kim boi').textContent).toBe('Kim Bôi1');
    expect(screen.getByTestId('allocation-summary').textContent).toBe('Chạy thử: 2 gian sẽ được giao, 1 chủ thể chưa có gian.');
    const dry = allocations(calls)[0];
    expect(JSON.parse(dry.body!)).toEqual({ dryRun: true });
    expect(dry.headers['Idempotency-Key']).toBeUndefined();
  });

  it('applies after confirming, with one Idempotency-Key for every retry of that dry run', async () => {
    const calls = setup({ apply: (_call, n) => (n === 1 ? { status: 503, body: { title: 'Máy chủ tạm thời không phục vụ được.', status: 503 } } : { body: result(false) }) });
    fireEvent.click(await screen.findByTestId('allocation-dry-run'));
    fireEvent.click(await screen.findByTestId('allocation-apply'));
    expect(screen.getByTestId('allocation-confirm').textContent).toContain('Giao 2 gian cho các chủ thể như trên?');
    fireEvent.click(screen.getByTestId('allocation-confirm-yes'));
    expect((await screen.findByTestId('allocation-error')).textContent).toBe('Máy chủ tạm thời không phục vụ được.');
    // the question stays open: trying again is safe
    fireEvent.click(screen.getByTestId('allocation-confirm-yes'));
    const done = await screen.findByTestId('allocation-done');
    expect(done.textContent).toContain('Đã phân bổ 2 gian.');
    expect(screen.getByTestId('allocation-map-link').getAttribute('href')).toBe(`/fairs/${FAIR_ID}`);
    expect(screen.getByTestId('allocation-applied')).toBeTruthy();
    const applied = allocations(calls).filter((c) => JSON.parse(c.body!).dryRun === false);
    expect(applied).toHaveLength(2);
    const key = applied[0].headers['Idempotency-Key'];
    expect(key).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(applied[1].headers['Idempotency-Key']).toBe(key);

    // a new dry run gets a new key
    fireEvent.click(screen.getByTestId('allocation-dry-run'));
    fireEvent.click(await screen.findByTestId('allocation-apply'));
    fireEvent.click(screen.getByTestId('allocation-confirm-yes'));
    await waitFor(() => expect(allocations(calls).filter((c) => JSON.parse(c.body!).dryRun === false)).toHaveLength(3));
    expect(allocations(calls).at(-1)!.headers['Idempotency-Key']).not.toBe(key);
  });

  it('cancels without applying', async () => {
    const calls = setup();
    fireEvent.click(await screen.findByTestId('allocation-dry-run'));
    fireEvent.click(await screen.findByTestId('allocation-apply'));
    fireEvent.keyDown(screen.getByTestId('allocation-confirm'), { key: 'Escape' });
    expect(screen.queryByTestId('allocation-confirm')).toBeNull();
    expect(allocations(calls)).toHaveLength(1);
  });

  it('runs the dry run again in the new language', async () => {
    const calls = setup();
    fireEvent.click(await screen.findByTestId('allocation-dry-run'));
    await screen.findByTestId('assignments');
    await act(async () => {
      await i18n.changeLanguage('en');
    });
    await waitFor(() => expect(screen.getByTestId('reasons-H02').textContent).toContain('District share of Cao Phong: booth 1 of 1.'));
    expect(allocations(calls).at(-1)!.headers['Accept-Language']).toBe('en');
    expect(screen.getByTestId('allocation-summary').textContent).toBe("Dry run: 2 booths would be given; 1 exhibitor(s) left without one.");
  });

  it('explains that a first-come fair is not allocated', async () => {
    const calls = setup({ mode: 'FirstCome' });
    expect(await screen.findByTestId('allocation-first-come')).toBeTruthy();
    expect(screen.queryByTestId('allocation-dry-run')).toBeNull();
    expect(allocations(calls)).toHaveLength(0);
  });
});
