import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { ExhibitorList } from './ExhibitorList';
import { NO_EXHIBITOR_FILTER } from '../lib/exhibitors';
import type { Exhibitor, Zone } from '../lib/types';
import '../i18n';

const zones: Zone[] = [
  { code: 'A', name: 'Thực phẩm', nameEn: 'Food', groups: ['Food'] },
  { code: 'B', name: 'Đồ uống', groups: ['Beverages'] },
];
const honey: Exhibitor = {
  producerId: 'p-honey',
  name: 'Hợp tác xã Mật ong rừng Đà Bắc',
  district: 'Đà Bắc',
  groups: ['Food'],
  maxStars: 4,
  products: ['Mật ong rừng Đà Bắc'],
  boothCodes: ['A05'],
  zones: ['A'],
};
const waiting: Exhibitor = { ...honey, producerId: 'p-wait', name: 'HTX Chờ', boothCodes: [], zones: [] };

function renderList(props: Partial<Parameters<typeof ExhibitorList>[0]> = {}) {
  const onFilter = vi.fn();
  const onChoose = vi.fn();
  render(
    <MemoryRouter>
      <ExhibitorList
        exhibitors={[honey, waiting]}
        total={2}
        zones={zones}
        filter={NO_EXHIBITOR_FILTER}
        onFilter={onFilter}
        onClear={() => undefined}
        groups={['Food']}
        districts={['Đà Bắc']}
        chosen={null}
        onChoose={onChoose}
        {...props}
      />
    </MemoryRouter>,
  );
  return { onFilter, onChoose };
}

describe('ExhibitorList', () => {
  it('lists exhibitors by zone with booths, those without a booth last, and links their pages', () => {
    const { onChoose } = renderList();
    const headings = screen.getAllByRole('heading', { level: 4 }).map((h) => h.textContent);
    expect(headings).toEqual(['Thực phẩm (A)', 'Chưa có gian']);
    expect(screen.getByTestId('exhibitor-p-honey').textContent).toContain('Gian A05');
    expect(screen.getByTestId('exhibitor-page-p-honey').getAttribute('href')).toBe('/producers/p-honey');
    fireEvent.click(screen.getByTestId('exhibitor-pick-p-honey'));
    expect(onChoose).toHaveBeenCalledWith('p-honey');
  });

  it('passes search and filters up and says when nothing matches, without an alert', () => {
    const { onFilter } = renderList({ exhibitors: [], filter: { ...NO_EXHIBITOR_FILTER, q: 'xyz' } });
    fireEvent.change(screen.getByTestId('exhibitor-search'), { target: { value: 'mat ong' } });
    fireEvent.change(screen.getByTestId('exhibitor-group'), { target: { value: 'Food' } });
    expect(onFilter.mock.calls).toEqual([
      ['q', 'mat ong'],
      ['group', 'Food'],
    ]);
    expect(screen.getByTestId('exhibitors-none')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });
});
