import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen } from '@testing-library/react';
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

  it('links admins to accounts and operations, organisers to operations only', async () => {
    renderAs(['Admin']);
    expect((await screen.findByTestId('nav-users')).getAttribute('href')).toBe('/admin/users');
    expect(screen.getByTestId('nav-operations').getAttribute('href')).toBe('/operations');
  });

  it('keeps organisers out of the accounts page link', async () => {
    renderAs(['Organiser']);
    expect((await screen.findByTestId('nav-operations')).getAttribute('href')).toBe('/operations');
    expect(screen.queryByTestId('nav-users')).toBeNull();
  });

  it('opens and closes the menu with its button', async () => {
    renderAs(['Producer']);
    const button = await screen.findByTestId('menu-button');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(button);
    expect(button.getAttribute('aria-expanded')).toBe('true');
    expect(document.getElementById(button.getAttribute('aria-controls')!)!.className).toContain('topbar__more--open');
    fireEvent.keyDown(window, { key: 'Escape' });
    expect(button.getAttribute('aria-expanded')).toBe('false');
  });
});
