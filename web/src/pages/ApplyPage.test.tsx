import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ApplyPage } from './ApplyPage';
import { renderPage } from '../test/render';
import { mockFetch, type Call } from '../test/http';
import { FAIR_ID, floorFixture } from '../test/fixtures';
import { application, producer, product } from '../test/applications';
import type { Eligibility } from '../lib/types';

const fair = {
  fairId: FAIR_ID,
  name: 'Hội chợ OCOP Hòa Bình 2025',
  venue: 'Quảng trường Hòa Bình',
  province: 'Hòa Bình',
  timeZone: 'Asia/Ho_Chi_Minh',
  startsAt: '2025-03-14T18:30:00Z',
  endsAt: '2025-03-18T10:00:00Z',
  registrationOpensAt: '2025-02-01T01:00:00Z',
  registrationClosesAt: '2025-03-01T10:00:00Z',
  minStars: 4,
  acceptedGroups: ['Food', 'Beverages'],
  boothsPerProducer: 2,
  holdMinutes: 15,
  allocationMode: 'FirstCome',
  status: 'Published',
  version: 1,
};

const me = { userId: 'u2', email: 'htx3t@demo.ocop', roles: ['Producer'], displayName: 'HTX 3T', locale: 'vi' };
const products = [
  product('p1', { name: 'Cam Cao Phong', stars: 4 }),
  product('p2', { name: 'Rượu cam', stars: 3, group: 'Beverages' }),
];

/** The server's rule, enough for the test: p2 is below the fair's 4 stars. */
function eligibilityOf(call: Call): Eligibility {
  const body = JSON.parse(call.body ?? '{}') as { productIds: string[] };
  const reasons = [];
  if (body.productIds.length === 0) reasons.push({ code: 'noProducts', message: 'Chưa chọn sản phẩm' });
  if (body.productIds.includes('p2'))
    reasons.push({ code: 'starsBelowMinimum', message: 'Rượu cam: 3★, hội chợ yêu cầu 4★', productId: 'p2' });
  return { eligible: reasons.length === 0, reasons };
}

function setup(submit: (call: Call) => { status?: number; body?: unknown } = () => ({ status: 201, body: application('a1') })) {
  window.history.replaceState(null, '', `/fairs/${FAIR_ID}/apply`);
  const calls = mockFetch((call) => {
    const { url, method } = call;
    if (url === '/api/me') return { body: me };
    if (url === `/api/fairs/${FAIR_ID}`) return { body: fair };
    if (url === `/api/fairs/${FAIR_ID}/floor`) return { body: floorFixture(1) };
    if (url === '/api/producers/me') return { body: producer(products) };
    if (method === 'POST' && url === `/api/fairs/${FAIR_ID}/applications/check`) return { body: eligibilityOf(call) };
    if (method === 'POST' && url === `/api/fairs/${FAIR_ID}/applications`) return submit(call);
    return undefined;
  });
  renderPage(
<ApplyPage fairId={FAIR_ID} checkDelayMs={0} />,
);
  return calls;
}

const submitButton = () => screen.getByTestId('apply-submit') as HTMLButtonElement;
const checks = (calls: Call[]) => calls.filter((c) => c.url.endsWith('/applications/check'));

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ApplyPage', () => {
  it('checks on every change and disables submit while ineligible', async () => {
    const calls = setup();
    await screen.findByTestId('apply-product-p1');
    // Nothing chosen yet: no red reasons at first sight; trying to submit shows why not and sends nothing.
    await screen.findByTestId('eligibility-pending');
    expect(screen.queryByTestId('eligibility-reasons')).toBeNull();
    fireEvent.click(submitButton());
    await screen.findByTestId('reason-noProducts');
    expect(submitButton().disabled).toBe(true);
    expect(calls.some((c) => c.method === 'POST' && c.url.endsWith('/applications'))).toBe(false);

    fireEvent.click(screen.getByTestId('apply-product-p2'));
    await screen.findByTestId('reason-starsBelowMinimum');
    expect(screen.queryByTestId('reason-noProducts')).toBeNull();
    expect(screen.getByTestId('eligibility-reasons').textContent).toContain('Rượu cam: 3★, hội chợ yêu cầu 4★');
    expect(submitButton().disabled).toBe(true);

    fireEvent.click(screen.getByTestId('apply-product-p1'));
    await waitFor(() => expect(JSON.parse(checks(calls).at(-1)!.body!).productIds).toEqual(['p2', 'p1']));
    expect(submitButton().disabled).toBe(true);

    fireEvent.click(screen.getByTestId('apply-product-p2'));
    await screen.findByTestId('eligibility-ok');
    expect(screen.queryByTestId('eligibility-reasons')).toBeNull();
    expect(submitButton().disabled).toBe(false);

    // a preference change asks again (and is sent with the check)
    const before = checks(calls).length;
    fireEvent.click(screen.getByTestId('apply-need-power'));
    await waitFor(() => expect(checks(calls).length).toBe(before + 1));
    expect(JSON.parse(checks(calls).at(-1)!.body!).needs).toEqual({ power: true, coldStorage: false, water: false });
    await waitFor(() => expect(submitButton().disabled).toBe(false));
    for (const c of checks(calls)) expect(c.headers['Accept-Language']).toBe('vi');
  });

  it('submits the choices and goes to the applications list', async () => {
    const calls = setup();
    fireEvent.click(await screen.findByTestId('apply-product-p1'));
    fireEvent.click(screen.getByTestId('apply-type-Corner'));
    fireEvent.click(screen.getByTestId('apply-zone-A'));
    fireEvent.change(screen.getByTestId('apply-note'), { target: { value: 'Cần bàn nếm thử' } });
    await waitFor(() => expect(submitButton().disabled).toBe(false));
    fireEvent.click(submitButton());
    await waitFor(() => expect(window.location.pathname).toBe('/producer/applications'));
    const post = calls.find((c) => c.method === 'POST' && c.url === `/api/fairs/${FAIR_ID}/applications`)!;
    expect(JSON.parse(post.body!)).toEqual({
      productIds: ['p1'],
      boothPreferences: { types: ['Corner'], zones: ['A'] },
      needs: { power: false, coldStorage: false, water: false },
      note: 'Cần bàn nếm thử',
    });
    expect(post.headers['Idempotency-Key']).toBeTruthy();
  });

  it('shows the reasons of a 422 and keeps submit disabled', async () => {
    setup(() => ({
      status: 422,
      body: {
        title: 'Không đủ điều kiện',
        status: 422,
        reasons: [{ code: 'registrationClosed', message: 'Hội chợ vừa đóng đăng ký' }],
      },
    }));
    fireEvent.click(await screen.findByTestId('apply-product-p1'));
    await waitFor(() => expect(submitButton().disabled).toBe(false));
    fireEvent.click(submitButton());
    expect((await screen.findByTestId('reason-registrationClosed')).textContent).toBe('Hội chợ vừa đóng đăng ký');
    expect(submitButton().disabled).toBe(true);
    expect(screen.getByTestId('apply-error').textContent).toBe('Không đủ điều kiện');
    expect(window.location.pathname).toBe(`/fairs/${FAIR_ID}/apply`);
  });

  it('says so when the producer already applied (409)', async () => {
    setup(() => ({ status: 409, body: { title: 'Bạn đã có đơn cho hội chợ này', status: 409 } }));
    fireEvent.click(await screen.findByTestId('apply-product-p1'));
    await waitFor(() => expect(submitButton().disabled).toBe(false));
    fireEvent.click(submitButton());
    const error = await screen.findByTestId('apply-error');
    expect(error.textContent).toContain('Bạn đã có đơn cho hội chợ này');
    expect(error.querySelector('a')!.getAttribute('href')).toBe('/producer/applications');
  });
});
