import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../App';
import { mockFetch } from '../test/http';

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const admin = { userId: 'a', email: 'admin@demo.ocop', roles: ['Admin'], displayName: 'Quản trị viên', locale: 'vi' };
const rules = {
  requiredLength: 8,
  maxLength: 256,
  requireDigit: true,
  requireLowercase: true,
  requireUppercase: true,
  requireNonAlphanumeric: true,
  requiredUniqueChars: 1,
};

describe('admin accounts page', () => {
  it('lists accounts and creates an organiser, checking the password first', async () => {
    const users = [{ userId: 'a', email: 'admin@demo.ocop', displayName: 'Quản trị viên', roles: ['Admin'], locale: 'vi' }];
    const calls = mockFetch(({ url, method, body }) => {
      if (url === '/api/me') return { body: admin };
      if (url === '/api/auth/password-rules') return { body: rules };
      if (url === '/api/admin/users' && method === 'GET') return { body: users };
      if (url === '/api/admin/users' && method === 'POST') {
        const sent = JSON.parse(body!);
        users.push({ userId: 'n', email: sent.email, displayName: sent.displayName, roles: [sent.role], locale: sent.locale });
        return { body: { userId: 'n', email: sent.email, roles: [sent.role] } };
      }
      if (url === '/api/fairs') return { body: [] };
      return undefined;
    });
    window.history.replaceState(null, '', '/admin/users');
    render(<App />);
    expect((await screen.findByTestId('admin-users-table')).textContent).toContain('admin@demo.ocop');

    fireEvent.change(screen.getByTestId('admin-user-displayName'), { target: { value: 'Ban tổ chức Mai Châu' } });
    fireEvent.change(screen.getByTestId('admin-user-email'), { target: { value: 'btc@example.vn' } });
    fireEvent.change(screen.getByTestId('admin-user-password'), { target: { value: 'short' } });
    fireEvent.click(screen.getByTestId('admin-user-submit'));
    expect(await screen.findByTestId('error-password')).toBeTruthy();
    expect(calls.some((c) => c.method === 'POST')).toBe(false);

    fireEvent.change(screen.getByTestId('admin-user-password'), { target: { value: 'Mat-khau-9' } });
    fireEvent.click(screen.getByTestId('admin-user-submit'));
    expect((await screen.findByTestId('admin-user-created')).textContent).toContain('btc@example.vn');
    const post = calls.find((c) => c.method === 'POST')!;
    expect(JSON.parse(post.body!)).toMatchObject({ role: 'Organiser', email: 'btc@example.vn', displayName: 'Ban tổ chức Mai Châu' });
    await waitFor(() => expect(screen.getByTestId('admin-users-table').textContent).toContain('btc@example.vn'));
  });

  it('tells a non-admin it may not', async () => {
    mockFetch(({ url }) => (url === '/api/me' ? { body: { ...admin, roles: ['Organiser'] } } : url === '/api/fairs' ? { body: [] } : undefined));
    window.history.replaceState(null, '', '/admin/users');
    render(<App />);
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
  });
});
