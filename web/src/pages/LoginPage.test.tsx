import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../App';
import { mockFetch } from '../test/http';
import { LANGUAGE_KEY } from '../i18n';
import { formatDateTime } from '../lib/format';

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

function server(options: { password: string }) {
  let signedIn = false;
  return mockFetch(({ url, method, body }) => {
    if (url === '/api/me')
      return signedIn
        ? { body: { userId: 'u', email: 'a@demo.ocop', roles: ['Buyer'], displayName: 'Chị Lan', locale: 'en' } }
        : { status: 401, body: { title: 'Unauthorized', status: 401 } };
    if (url === '/api/auth/login?useCookies=true' && method === 'POST') {
      const { password } = JSON.parse(body!);
      if (password !== options.password) return { status: 401, body: { title: 'Unauthorized', status: 401, detail: 'Failed' } };
      signedIn = true;
      return { status: 200 };
    }
    if (url === '/api/auth/logout') {
      signedIn = false;
      return { status: 200 };
    }
    if (url === '/api/fairs') return { body: [] };
    return undefined;
  });
}

describe('sign-in flow', () => {
  it('signs in and returns to the page it came from', async () => {
    const calls = server({ password: 'Demo#2025' });
    window.history.replaceState(null, '', '/login?next=%2Finbox');
    render(<App />);
    const email = (await screen.findByRole('textbox')) as HTMLInputElement;
    expect(email.name).toBe('email');
    const password = document.querySelector('input[name="password"]') as HTMLInputElement;

    fireEvent.change(email, { target: { value: 'a@demo.ocop' } });
    fireEvent.change(password, { target: { value: 'wrong' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    expect((await screen.findByTestId('login-error')).textContent).toBe('Email hoặc mật khẩu không đúng.');

    fireEvent.change(password, { target: { value: 'Demo#2025' } });
    fireEvent.click(screen.getByTestId('login-submit'));
    await waitFor(() => expect(window.location.pathname).toBe('/inbox'));
    expect((await screen.findByTestId('user-name')).textContent).toBe('Chị Lan');
    const login = calls.filter((c) => c.url.startsWith('/api/auth/login')).at(-1)!;
    expect(JSON.parse(login.body!)).toEqual({ email: 'a@demo.ocop', password: 'Demo#2025' });
    expect(login.credentials).toBe('same-origin');
    // The account's language applies, as this device chose none.
    await waitFor(() => expect(document.documentElement.lang).toBe('en'));
  });

  it('says until when sign-in is locked, and when to retry after too many attempts', async () => {
    const lockedUntil = '2026-12-04T09:45:00Z';
    let answer = 0;
    mockFetch(({ url }) => {
      if (url === '/api/me') return { status: 401, body: { title: 'Unauthorized', status: 401 } };
      if (url === '/api/auth/login?useCookies=true') {
        answer += 1;
        return answer === 1
          ? { status: 429, body: { status: 429, code: 'account.locked', title: 'Locked', lockedUntil, retryAfter: 900 } }
          : { status: 429, body: { status: 429, code: 'rateLimited', title: 'Slow down', retryAfter: 42 } };
      }
      if (url === '/api/fairs') return { body: [] };
      return undefined;
    });
    window.history.replaceState(null, '', '/login');
    render(<App />);
    fireEvent.change(await screen.findByRole('textbox'), { target: { value: 'a@demo.ocop' } });
    fireEvent.change(document.querySelector('input[name="password"]')!, { target: { value: 'wrong' } });

    fireEvent.click(screen.getByTestId('login-submit'));
    const time = formatDateTime(lockedUntil, Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect((await screen.findByTestId('login-error')).textContent).toBe(
      `Nhập sai mật khẩu nhiều lần: đăng nhập từ thiết bị này bị tạm khóa đến ${time}.`,
    );

    fireEvent.click(screen.getByTestId('login-submit'));
    await waitFor(() =>
      expect(screen.getByTestId('login-error').textContent).toBe('Bạn thử đăng nhập quá nhiều lần. Hãy đợi 42 giây rồi thử lại.'),
    );
  });

  it('keeps the language chosen on this device', async () => {
    server({ password: 'x' });
    render(<App />);
    await screen.findByText('Các hội chợ OCOP');
    fireEvent.click(screen.getByTestId('lang-en'));
    expect(await screen.findByText('OCOP fairs')).toBeTruthy();
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('en');
    expect(screen.getByTestId('lang-en').getAttribute('aria-pressed')).toBe('true');
    fireEvent.click(screen.getByTestId('lang-vi'));
    expect(await screen.findByText('Các hội chợ OCOP')).toBeTruthy();
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('vi');
  });
});
