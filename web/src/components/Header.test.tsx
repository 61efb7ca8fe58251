import { afterEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { Header } from './Header';
import { renderPage } from '../test/render';
import { mockFetch } from '../test/http';

afterEach(() => {
  vi.unstubAllGlobals();
});

function renderAs(roles: string[]) {
  mockFetch(({ url }) =>
    url === '/api/me' ? { body: { userId: 'u', email: 'x@demo.ocop', roles, displayName: 'X', locale: 'vi' } } : undefined,
  );
  renderPage(
<Header />,
);
}

describe('Header', () => {
  it('shows the producer portal links to producers', async () => {
    renderAs(['Producer']);
    expect((await screen.findByTestId('nav-producer')).getAttribute('href')).toBe('/producer');
    expect(screen.getByTestId('nav-applications').getAttribute('href')).toBe('/producer/applications');
  });

  it('hides them from other roles', async () => {
    renderAs(['Buyer']);
    await screen.findByTestId('user-name');
    expect(screen.queryByTestId('nav-producer')).toBeNull();
    expect(screen.queryByTestId('nav-applications')).toBeNull();
  });
});
