import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../App';
import { mockFetch } from '../test/http';

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const rules = {
  requiredLength: 8,
  maxLength: 256,
  requireDigit: true,
  requireLowercase: true,
  requireUppercase: true,
  requireNonAlphanumeric: true,
  requiredUniqueChars: 1,
};

function server(options: { refuse?: boolean } = {}) {
  let signedIn: string | null = null;
  return mockFetch(({ url, method, body }) => {
    if (url === '/api/me')
      return signedIn
        ? { body: { userId: 'u', email: 'htx@example.vn', roles: [signedIn], displayName: 'HTX Cao Phong', locale: 'vi' } }
        : { status: 401, body: { title: 'Unauthorized', status: 401 } };
    if (url === '/api/auth/password-rules') return { body: rules };
    if (url === '/api/auth/register' && method === 'POST') {
      if (options.refuse)
        return {
          status: 400,
          body: { status: 400, title: 'Dữ liệu gửi lên không hợp lệ.', errors: { email: ['Email đã được đăng ký.'] } },
        };
      signedIn = null;
      return { body: { userId: 'u', email: 'htx@example.vn', roles: [JSON.parse(body!).role] } };
    }
    if (url === '/api/auth/login?useCookies=true' && method === 'POST') {
      signedIn = 'Buyer';
      return { status: 200 };
    }
    if (url === '/api/fairs') return { body: [] };
    return undefined;
  });
}

async function fill(role: 'Producer' | 'Buyer', password = 'Mat-khau-9') {
  fireEvent.click(await screen.findByTestId(`signup-role-${role}`));
  fireEvent.change(screen.getByTestId('signup-displayName'), { target: { value: 'HTX Cao Phong' } });
  fireEvent.change(screen.getByTestId('signup-email'), { target: { value: 'htx@example.vn' } });
  fireEvent.change(screen.getByTestId('signup-password'), { target: { value: password } });
}

describe('sign-up page', () => {
  it('ticks the server’s password rules as the password is typed', async () => {
    server();
    window.history.replaceState(null, '', '/signup');
    render(<App />);
    const password = await screen.findByTestId('signup-password');
    await screen.findByTestId('password-rule-length');
    const met = () =>
      Object.fromEntries(
        Array.from(screen.getByTestId('password-rules').querySelectorAll('li')).map((li) => [li.dataset.testid, li.dataset.met]),
      );
    expect(Object.values(met())).toEqual(['false', 'false', 'false', 'false', 'false']);
    expect(screen.getByTestId('password-rule-length').textContent).toContain('Ít nhất 8 ký tự');
    fireEvent.change(password, { target: { value: 'mat-khau' } });
    expect(met()).toMatchObject({ 'password-rule-length': 'true', 'password-rule-lower': 'true', 'password-rule-symbol': 'true', 'password-rule-upper': 'false' });

    // Sending a weak password is refused here, with the reason beside the field.
    fireEvent.click(screen.getByTestId('signup-submit'));
    expect((await screen.findByTestId('error-role')).textContent).toContain('nhà sản xuất hay người mua');
    expect(screen.getByTestId('error-password').textContent).toContain('chưa đạt');
  });

  it('signs a buyer up, signs in and goes back to where it came from', async () => {
    const calls = server();
    window.history.replaceState(null, '', '/signup?next=%2Finbox');
    render(<App />);
    await fill('Buyer');
    fireEvent.click(screen.getByTestId('signup-submit'));
    await waitFor(() => expect(window.location.pathname).toBe('/inbox'));
    const register = calls.find((c) => c.url === '/api/auth/register')!;
    expect(JSON.parse(register.body!)).toEqual({
      email: 'htx@example.vn',
      password: 'Mat-khau-9',
      role: 'Buyer',
      displayName: 'HTX Cao Phong',
      locale: 'vi',
    });
    expect(calls.some((c) => c.url === '/api/auth/login?useCookies=true')).toBe(true);
  });

  it('shows the server’s refusal beside its field', async () => {
    server({ refuse: true });
    window.history.replaceState(null, '', '/signup');
    render(<App />);
    await fill('Producer');
    fireEvent.click(screen.getByTestId('signup-submit'));
    expect((await screen.findByTestId('error-email')).textContent).toBe('Email đã được đăng ký.');
    expect(window.location.pathname).toBe('/signup');
  });

  it('is linked from the sign-in page, keeping where to go next', async () => {
    server();
    window.history.replaceState(null, '', '/login?next=%2Ffairs%2Ff1');
    render(<App />);
    fireEvent.click(await screen.findByTestId('login-to-signup'));
    await waitFor(() => expect(window.location.pathname + window.location.search).toBe('/signup?next=%2Ffairs%2Ff1'));
    expect((await screen.findByTestId('signup-to-login')).getAttribute('href')).toBe('/login?next=%2Ffairs%2Ff1');
  });
});
