import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { BoothPanel, type BoothAction } from './BoothPanel';
import { booth, floorFixture } from '../test/fixtures';
import i18n from '../i18n';
import type { Booth } from '../lib/types';

const zones = floorFixture().zones;
const NOW = Date.parse('2025-03-01T03:00:00Z');

function renderPanel(b: Booth, props: Partial<Parameters<typeof BoothPanel>[0]> = {}) {
  const onAction = vi.fn<(action: BoothAction, producerId?: string, overrideReason?: string) => void>();
  const view = render(
    <MemoryRouter>
    <BoothPanel
      booth={b}
      zones={zones}
      timeZone="Asia/Ho_Chi_Minh"
      canManage={false}
      pending={null}
      error={null}
      onAction={onAction}
      onClose={() => undefined}
      {...props}
    />
    </MemoryRouter>,
  );
  return { onAction, ...view };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('BoothPanel for a producer', () => {
  it('offers Hold on a Free booth', () => {
    const { onAction } = renderPanel(booth('A01'), { canHold: true });
    const hold = screen.getByTestId('booth-hold');
    expect(hold.textContent).toBe('Giữ gian hàng');
    fireEvent.click(hold);
    expect(onAction).toHaveBeenCalledWith('hold');
    expect(screen.queryByTestId('booth-confirm')).toBeNull();
    expect(screen.queryByTestId('booth-block')).toBeNull();
  });

  it('offers nothing when holds are closed or on a booth held by someone else', () => {
    renderPanel(booth('A01'), { canHold: false });
    expect(screen.queryByTestId('booth-hold')).toBeNull();
    renderPanel(booth('A02', { status: 'Held', producerId: 'other', holdExpiresAt: '2025-03-01T03:10:00Z' }), {
      canHold: true,
      mine: false,
    });
    expect(screen.queryByTestId('booth-hold')).toBeNull();
    expect(screen.queryByTestId('booth-confirm')).toBeNull();
    expect(screen.queryByTestId('booth-release')).toBeNull();
    expect(screen.queryByTestId('hold-countdown')).toBeNull();
  });

  it('counts down its own hold each second and offers Confirm and Release', () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval', 'Date'] });
    vi.setSystemTime(NOW);
    const held = booth('A02', { status: 'Held', producerId: 'me', holdExpiresAt: '2025-03-01T03:00:03Z' });
    const { onAction } = renderPanel(held, { canHold: true, mine: true });
    expect(screen.getByTestId('booth-mine').textContent).toBe('Gian của bạn');
    const countdown = screen.getByTestId('hold-countdown');
    expect(countdown.textContent).toBe('00:03');
    act(() => vi.advanceTimersByTime(1000));
    expect(countdown.textContent).toBe('00:02');
    fireEvent.click(screen.getByTestId('booth-confirm'));
    fireEvent.click(screen.getByTestId('booth-release'));
    expect(onAction.mock.calls.map((c) => c[0])).toEqual(['confirm', 'release']);
    expect(screen.getByTestId('booth-confirm').textContent).toBe('Xác nhận');
    expect(screen.getByTestId('booth-release').textContent).toBe('Trả lại');

    // never negative: it stops at 00:00 and Confirm is off
    act(() => vi.advanceTimersByTime(10_000));
    expect(countdown.textContent).toBe('00:00');
    expect(countdown.getAttribute('data-expired')).toBe('true');
    expect((screen.getByTestId('booth-confirm') as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByTestId('booth-release') as HTMLButtonElement).disabled).toBe(false);
  });

  it('offers only Release on its own confirmed booth, in English too', async () => {
    await i18n.changeLanguage('en');
    renderPanel(booth('A03', { status: 'Confirmed', producerId: 'me' }), { canHold: true, mine: true });
    expect(screen.getByTestId('booth-release').textContent).toBe('Release');
    expect(screen.queryByTestId('booth-confirm')).toBeNull();
    expect(screen.queryByTestId('hold-countdown')).toBeNull();
  });

  it('shows a refusal with its problem code', () => {
    renderPanel(booth('A01'), { canHold: true, error: { message: 'Gian đã có người giữ', code: 'booth.taken' } });
    const error = screen.getByTestId('booth-error');
    expect(error.textContent).toBe('Gian đã có người giữ');
    expect(error.getAttribute('data-code')).toBe('booth.taken');
  });

  it('says so when the organiser allocates booths', () => {
    renderPanel(booth('A01'), { organiserAllocates: true });
    expect(screen.getByTestId('booth-organiser-allocates')).toBeTruthy();
    expect(screen.queryByTestId('booth-hold')).toBeNull();
  });
});

describe('BoothPanel for an organiser', () => {
  it('assigns a Free booth to a producer id', () => {
    const { onAction } = renderPanel(booth('A01'), { canManage: true });
    expect(screen.getByTestId('booth-block')).toBeTruthy();
    expect(screen.queryByTestId('booth-unassign')).toBeNull();
    const assign = screen.getByTestId('booth-assign') as HTMLButtonElement;
    expect(assign.textContent).toBe('Gán');
    expect(assign.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('booth-assign-producer'), { target: { value: '  prod-3t ' } });
    fireEvent.click(assign);
    expect(onAction).toHaveBeenCalledWith('assign', 'prod-3t');
  });

  it('unassigns held and confirmed booths', () => {
    const { onAction, rerender } = renderPanel(booth('A02', { status: 'Held', producerId: 'p1' }), { canManage: true });
    expect(screen.queryByTestId('booth-assign')).toBeNull();
    fireEvent.click(screen.getByTestId('booth-unassign'));
    expect(screen.getByTestId('booth-unassign').textContent).toBe('Bỏ gán');
    rerender(
      <MemoryRouter>
        <BoothPanel
          booth={booth('A03', { status: 'Confirmed', producerId: 'p2' })}
          zones={zones}
          timeZone="Asia/Ho_Chi_Minh"
          canManage
          pending="unassign"
          error={null}
          onAction={onAction}
          onClose={() => undefined}
        />
      </MemoryRouter>,
    );
    const unassign = screen.getByTestId('booth-unassign') as HTMLButtonElement;
    expect(unassign.textContent).toBe('Đang xử lý…');
    expect(unassign.disabled).toBe(true);
    expect(onAction.mock.calls).toEqual([['unassign']]);
  });

  it('after a refusal the organiser may override, asks for a reason and sends it with the assign', () => {
    const { onAction } = renderPanel(booth('A01'), {
      canManage: true,
      error: { message: 'Chỉ đơn vị đã được duyệt tham gia mới được giữ gian hàng.', code: 'booth.notApproved' },
    });
    fireEvent.change(screen.getByTestId('booth-assign-producer'), { target: { value: 'p-demo-muong-pa' } });
    const assign = screen.getByTestId('booth-assign') as HTMLButtonElement;
    expect(assign.textContent).toBe('Xếp ngoại lệ');
    expect(assign.disabled).toBe(true);

    fireEvent.change(screen.getByTestId('booth-override-input'), { target: { value: ' Khách mời của tỉnh ' } });
    fireEvent.click(assign);
    expect(onAction).toHaveBeenCalledWith('assign', 'p-demo-muong-pa', 'Khách mời của tỉnh');
  });

  it('offers no override for a refusal the organiser may not override, and shows a booth placed by one', () => {
    renderPanel(booth('A01'), { canManage: true, error: { message: 'Gian hàng đã có người giữ hoặc bị khóa.', code: 'booth.taken' } });
    expect(screen.queryByTestId('booth-override-input')).toBeNull();

    renderPanel(booth('A02', { status: 'Confirmed', producerId: 'p3', producerName: 'HTX Mường Pa', overrideReason: 'Khách mời của tỉnh' }), {
      canManage: false,
    });
    expect(screen.getByTestId('booth-override-reason').textContent).toBe('Khách mời của tỉnh');
  });
});

describe('BoothPanel and the hold rules', () => {
  it('offers no hold and says why when the producer may not hold, without an error', () => {
    renderPanel(booth('A01'), {
      canHold: true,
      verdict: { kind: 'no', reason: 'notApproved' },
      applicationStatus: 'Waitlisted',
    });
    expect(screen.queryByTestId('booth-hold')).toBeNull();
    expect(screen.queryByRole('alert')).toBeNull();
    const note = screen.getByTestId('booth-hold-refusal');
    expect(note.getAttribute('data-reason')).toBe('notApproved');
    expect(note.textContent).toContain('Danh sách chờ');
  });

  it('offers the hold when the verdict allows it', () => {
    renderPanel(booth('A01'), { canHold: true, verdict: { kind: 'hold' } });
    expect(screen.getByTestId('booth-hold')).toBeTruthy();
    expect(screen.queryByTestId('booth-hold-refusal')).toBeNull();
  });

  it('asks before releasing a confirmed booth, but releases a held one at once', () => {
    const confirmed = renderPanel(booth('A03', { status: 'Confirmed', producerId: 'me' }), { canHold: true, mine: true });
    fireEvent.click(screen.getByTestId('booth-release'));
    expect(confirmed.onAction).not.toHaveBeenCalled();
    fireEvent.click(screen.getByTestId('booth-release-confirm-no'));
    expect(screen.queryByTestId('booth-release-confirm')).toBeNull();
    fireEvent.click(screen.getByTestId('booth-release'));
    fireEvent.click(screen.getByTestId('booth-release-confirm-yes'));
    expect(confirmed.onAction.mock.calls).toEqual([['release']]);
    confirmed.unmount();

    const held = renderPanel(booth('A04', { status: 'Held', producerId: 'me', holdExpiresAt: '2099-01-01T00:00:00Z' }), {
      canHold: true,
      mine: true,
    });
    fireEvent.click(screen.getByTestId('booth-release'));
    expect(held.onAction.mock.calls).toEqual([['release']]);
  });

  it('links an occupied booth to its producer\'s public page', () => {
    renderPanel(booth('A02', { status: 'Confirmed', producerId: 'p-honey', producerName: 'HTX Mật ong' }));
    expect(screen.getByTestId('booth-public-page').getAttribute('href')).toBe('/producers/p-honey');
  });
});
