import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { ReviewPage } from './ReviewPage';
import { renderPage } from '../test/render';
import { mockFetch, type Call } from '../test/http';
import { FAIR_ID, floorFixture } from '../test/fixtures';
import { application } from '../test/applications';
import type { Application } from '../lib/types';

const organiser = { userId: 'u1', email: 'organiser@demo.ocop', roles: ['Organiser'], displayName: 'Ban tổ chức', locale: 'vi' };

function queue(): Application[] {
  return [
    application('a1', { producerName: 'HTX 3T Cao Phong', district: 'Cao Phong', submittedAt: '2025-02-10T03:00:00Z' }),
    application('a2', { producerName: 'HTX Hà Phong', district: 'Cao Phong', submittedAt: '2025-02-09T03:00:00Z' }),
    application('a3', {
      producerName: 'HTX Nông nghiệp xanh Kim Bôi',
      district: 'Kim Bôi',
      submittedAt: '2025-02-08T03:00:00Z',
      status: 'Rejected',
      rejectionReason: 'Thiếu hồ sơ',
    }),
  ];
}

/** A floor where the organiser placed a rejected producer on A03 as an override. */
function floorWithOverride() {
  const floor = floorFixture();
  return {
    ...floor,
    booths: floor.booths.map((b) =>
      b.code === 'A03' ? { ...b, status: 'Confirmed', producerId: 'p-mp', producerName: 'HTX Mường Pa', overrideReason: 'Khách mời của tỉnh' } : b,
    ),
  };
}

function setup(roles = organiser.roles) {
  window.history.replaceState(null, '', `/fairs/${FAIR_ID}/applications`);
  const calls = mockFetch((call: Call) => {
    const { url, method } = call;
    if (url === '/api/me') return { body: { ...organiser, roles } };
    if (url === `/api/fairs/${FAIR_ID}`) return { body: { fairId: FAIR_ID, name: 'Hội chợ OCOP Hòa Bình 2025' } };
    if (url === `/api/fairs/${FAIR_ID}/floor`) return { body: floorWithOverride() };
    if (method === 'GET' && url.startsWith(`/api/fairs/${FAIR_ID}/applications`)) {
      const params = new URLSearchParams(url.split('?')[1] ?? '');
      const status = params.get('status');
      return { body: queue().filter((a) => !status || a.status === status) };
    }
    if (method === 'POST' && url === `/api/fairs/${FAIR_ID}/applications/bulk`) {
      const body = JSON.parse(call.body!) as { action: string; applicationIds: string[] };
      return {
        body: {
          results: body.applicationIds.map((id) =>
            id === 'a3'
              ? { applicationId: id, ok: false, error: 'Đơn đã bị từ chối' }
              : { applicationId: id, ok: true, status: body.action === 'approve' ? 'Approved' : body.action === 'reject' ? 'Rejected' : 'Waitlisted' },
          ),
        },
      };
    }
    const single = /\/applications\/(a\d)\/(approve|reject|waitlist)$/.exec(url);
    if (method === 'POST' && single) {
      const status = { approve: 'Approved', reject: 'Rejected', waitlist: 'Waitlisted' }[single[2]]!;
      const reason = single[2] === 'reject' ? (JSON.parse(call.body!) as { reason: string }).reason : undefined;
      return { body: { ...queue().find((a) => a.applicationId === single[1])!, status, rejectionReason: reason, waitlistPosition: status === 'Waitlisted' ? 1 : null } };
    }
    return undefined;
  });
  renderPage(
<ReviewPage fairId={FAIR_ID} />,
);
  return calls;
}

const statusOf = (id: string) => screen.getByTestId(`row-status-${id}`).getAttribute('data-status');
const box = (id: string) => screen.getByTestId(id) as HTMLInputElement;
const button = (id: string) => screen.getByTestId(id) as HTMLButtonElement;

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('ReviewPage', () => {
  it('selects rows, approves them in bulk and keeps the failed ones selected', async () => {
    const calls = setup();
    await screen.findByTestId('select-a1');
    expect(statusOf('a1')).toBe('Submitted');
    expect(button('bulk-approve').disabled).toBe(true);

    fireEvent.click(box('select-a1'));
    expect(screen.getByTestId('selected-count').getAttribute('data-count')).toBe('1');
    expect(button('bulk-approve').disabled).toBe(false);
    expect(box('select-all').indeterminate).toBe(true);

    // select all, then untick all, then all again
    fireEvent.click(box('select-all'));
    expect(['a1', 'a2', 'a3'].map((id) => box(`select-${id}`).checked)).toEqual([true, true, true]);
    fireEvent.click(box('select-all'));
    expect(screen.getByTestId('selected-count').getAttribute('data-count')).toBe('0');
    fireEvent.click(box('select-all'));
    expect(screen.getByTestId('selected-count').textContent).toBe('Đã chọn 3');

    fireEvent.click(button('bulk-approve'));
    await waitFor(() => expect(statusOf('a1')).toBe('Approved'));
    expect(statusOf('a2')).toBe('Approved');
    expect(statusOf('a3')).toBe('Rejected');
    const post = calls.find((c) => c.url.endsWith('/applications/bulk'))!;
    expect(JSON.parse(post.body!)).toEqual({ action: 'approve', applicationIds: ['a1', 'a2', 'a3'] });
    expect(screen.getByTestId('bulk-message').textContent).toBe('Thành công 2, lỗi 1.');
    expect(screen.getByTestId('row-error-a3').textContent).toBe('Đơn đã bị từ chối');
    expect(box('select-a1').checked).toBe(false);
    expect(box('select-a3').checked).toBe(true);
    // rows whose state forbids a move have the button disabled
    expect(button('approve-a1').disabled).toBe(true);
    expect(button('approve-a3').disabled).toBe(true);
  });

  it('asks for a reason before a bulk rejection', async () => {
    const calls = setup();
    fireEvent.click(await screen.findByTestId('select-a2'));
    fireEvent.click(button('bulk-reject'));
    expect(button('bulk-reject-confirm').disabled).toBe(true);
    fireEvent.change(screen.getByTestId('bulk-reject-reason'), { target: { value: 'Hết gian hàng' } });
    fireEvent.click(button('bulk-reject-confirm'));
    await waitFor(() => expect(statusOf('a2')).toBe('Rejected'));
    expect(JSON.parse(calls.find((c) => c.url.endsWith('/applications/bulk'))!.body!)).toEqual({
      action: 'reject',
      applicationIds: ['a2'],
      reason: 'Hết gian hàng',
    });
  });

  it('approves, waitlists and rejects one row', async () => {
    const calls = setup();
    fireEvent.click(await screen.findByTestId('approve-a1'));
    await waitFor(() => expect(statusOf('a1')).toBe('Approved'));
    fireEvent.click(button('waitlist-a2'));
    await waitFor(() => expect(statusOf('a2')).toBe('Waitlisted'));
    expect(screen.getByTestId('row-a2').textContent).toContain('chờ thứ 1');

    fireEvent.click(button('reject-a2'));
    fireEvent.change(screen.getByTestId('reject-reason-a2'), { target: { value: 'Sản phẩm trùng khu' } });
    fireEvent.click(button('reject-confirm-a2'));
    await waitFor(() => expect(statusOf('a2')).toBe('Rejected'));
    const reject = calls.find((c) => c.url.endsWith('/a2/reject'))!;
    expect(JSON.parse(reject.body!)).toEqual({ reason: 'Sản phẩm trùng khu' });
    expect(calls.find((c) => c.url.endsWith('/a1/approve'))!.body).toBeUndefined();
  });

  it('filters on the server and drops hidden rows from the selection', async () => {
    const calls = setup();
    fireEvent.click(await screen.findByTestId('select-a3'));
    fireEvent.change(screen.getByTestId('filter-status'), { target: { value: 'Submitted' } });
    await waitFor(() => expect(screen.queryByTestId('row-a3')).toBeNull());
    expect(calls.some((c) => c.url === `/api/fairs/${FAIR_ID}/applications?status=Submitted`)).toBe(true);
    expect(screen.getByTestId('selected-count').getAttribute('data-count')).toBe('0');
    expect(window.location.search).toBe('?status=Submitted');
  });

  it('is closed to producers', async () => {
    setup(['Producer']);
    expect((await screen.findByTestId('forbidden')).textContent).toContain('không có quyền');
  });

  it('lists the booths placed as an override, with the reason given', async () => {
    setup();
    const item = await screen.findByTestId('override-A03');
    expect(item.textContent).toContain('HTX Mường Pa');
    expect(item.textContent).toContain('Khách mời của tỉnh');
    expect(screen.getByTestId('review-overrides').textContent).toContain('Gian hàng xếp ngoại lệ');
  });
});
