import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { FloorMap } from './FloorMap';
import { Legend } from './Legend';
import { floorFixture } from '../test/fixtures';
import i18n from '../i18n';

describe('FloorMap', () => {
  it('draws every booth with its status as a test hook', () => {
    const floor = floorFixture();
    render(<FloorMap floor={floor} onSelect={() => undefined} />);
    for (const b of floor.booths) {
      const el = screen.getByTestId(`booth-${b.code}`);
      expect(el.getAttribute('data-status')).toBe(b.status);
      expect(el.getAttribute('tabindex')).toBe('0');
      expect(el.getAttribute('class')).toContain(`booth--${b.status}`);
    }
    const svg = screen.getByTestId('floor-map');
    expect(svg.getAttribute('viewBox')).toBe('0 0 30 20');
    expect(svg.getAttribute('width')).toBe('100%');
    const rect = screen.getByTestId('booth-A02').querySelector('rect')!;
    expect([rect.getAttribute('x'), rect.getAttribute('y'), rect.getAttribute('width')]).toEqual(['6', '3', '3']);
    expect(screen.getByTestId('booth-A02').querySelector('.booth__code')!.textContent).toBe('A02');
    // The exhibitor's name where it fits, its legal form shortened.
    expect(screen.getByTestId('booth-A02').querySelector('.booth__name')!.textContent).toBe('HTX CamCao Phong');
    expect(screen.getByText('Thực phẩm')).toBeTruthy();
    expect(screen.getByText('Đồ uống')).toBeTruthy();
  });

  it('labels booths in the UI language', async () => {
    render(<FloorMap floor={floorFixture()} onSelect={() => undefined} />);
    expect(screen.getByTestId('booth-A02').getAttribute('aria-label')).toBe(
      'Gian A02, Đang giữ chỗ, HTX Cam Cao Phong',
    );
    await i18n.changeLanguage('en');
    expect(await screen.findByLabelText('Booth A01, Free')).toBeTruthy();
  });

  it('selects a booth by click, Enter and Space', () => {
    const onSelect = vi.fn();
    render(<FloorMap floor={floorFixture()} selected="A03" onSelect={onSelect} />);
    fireEvent.click(screen.getByTestId('booth-A01'));
    fireEvent.keyDown(screen.getByTestId('booth-B01'), { key: 'Enter' });
    fireEvent.keyDown(screen.getByTestId('booth-B02'), { key: ' ' });
    fireEvent.keyDown(screen.getByTestId('booth-A02'), { key: 'a' });
    expect(onSelect.mock.calls.map((c) => c[0])).toEqual(['A01', 'B01', 'B02']);
    expect(screen.getByTestId('booth-A03').getAttribute('aria-pressed')).toBe('true');
  });

  it('re-renders a changed status', () => {
    const floor = floorFixture();
    const { rerender } = render(<FloorMap floor={floor} onSelect={() => undefined} />);
    const next = { ...floor, version: 6, booths: floor.booths.map((b) => (b.code === 'A01' ? { ...b, status: 'Held' as const } : b)) };
    rerender(<FloorMap floor={next} onSelect={() => undefined} />);
    expect(screen.getByTestId('booth-A01').getAttribute('data-status')).toBe('Held');
  });
});

describe('Legend', () => {
  it('lists the four statuses with counts, localized', async () => {
    render(<Legend booths={floorFixture().booths} />);
    expect(screen.getByTestId('legend-Free').textContent).toBe('Còn trống2');
    expect(screen.getByTestId('legend-Blocked').textContent).toBe('Đã khóa1');
    await i18n.changeLanguage('en');
    expect((await screen.findByTestId('legend-Held')).textContent).toBe('Held1');
    expect(screen.getByTestId('legend-Confirmed').textContent).toBe('Confirmed1');
  });
});

describe('FloorMap marks', () => {
  it('outlines my booths and dims filtered-out ones, still coloured by status', () => {
    const floor = floorFixture();
    render(
      <FloorMap floor={floor} onSelect={() => undefined} mine={new Set(['A02'])} dimmed={new Set(['B01', 'B02'])} />,
    );
    const a02 = screen.getByTestId('booth-A02');
    expect(a02.getAttribute('data-mine')).toBe('true');
    expect(a02.getAttribute('data-status')).toBe('Held');
    expect(a02.getAttribute('class')).toContain('booth--Held');
    expect(a02.getAttribute('class')).toContain('booth--mine');
    expect(a02.querySelector('.booth__mine')).toBeTruthy();
    expect(a02.getAttribute('aria-label')).toBe('Gian A02, Đang giữ chỗ, HTX Cam Cao Phong, Gian của bạn');
    expect(screen.getByTestId('booth-A01').getAttribute('data-mine')).toBe('false');
    expect(screen.getByTestId('booth-B01').getAttribute('data-dimmed')).toBe('true');
    expect(screen.getByTestId('booth-B01').getAttribute('data-status')).toBe('Blocked');
    expect(screen.getByTestId('booth-A01').getAttribute('data-dimmed')).toBe('false');
  });

  it('is a picture only without onSelect (hall display)', () => {
    render(<FloorMap floor={floorFixture()} variant="display" />);
    const a01 = screen.getByTestId('booth-A01');
    expect(a01.getAttribute('role')).toBe('img');
    expect(a01.getAttribute('tabindex')).toBeNull();
    expect(a01.getAttribute('aria-pressed')).toBeNull();
    fireEvent.click(a01);
    expect(Number(a01.querySelector('text')!.getAttribute('font-size'))).toBeGreaterThan(1);
  });
});
