import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
import { ProductForm } from './ProductForm';
import { renderPage } from '../test/render';
import { mockFetch } from '../test/http';
import { product } from '../test/applications';

afterEach(() => {
  vi.unstubAllGlobals();
});

const select = () => screen.getByTestId('product-subgroup') as HTMLSelectElement;

describe('ProductForm sub-group', () => {
  it('offers the group’s sub-groups by name and keeps a typed one as typed', async () => {
    mockFetch(() => undefined);
    const { unmount } = renderPage(<ProductForm product={product('p1', { subGroup: 'FreshProduce' })} onSaved={() => {}} onCancel={() => {}} />);
    await screen.findByTestId('product-form');
    expect(select().value).toBe('FreshProduce');
    expect(select().selectedOptions[0].textContent).toBe('Nông sản tươi sống');
    expect(screen.queryByTestId('product-subgroup-other')).toBeNull();

    // Another group: the old group's sub-group no longer applies.
    fireEvent.change(screen.getByTestId('product-group'), { target: { value: 'Beverages' } });
    expect(select().value).toBe('');
    expect([...select().options].map((o) => o.value)).toContain('Tea');
    unmount();

    renderPage(<ProductForm product={product('p2', { subGroup: 'Cam quà biếu' })} onSaved={() => {}} onCancel={() => {}} />);
    await screen.findByTestId('product-form');
    expect(select().value).toBe('__other');
    expect((screen.getByTestId('product-subgroup-other') as HTMLInputElement).value).toBe('Cam quà biếu');
  });
});
