import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../App';
import { setLanguage } from '../i18n';
import { mockFetch } from '../test/http';

afterEach(() => {
  vi.unstubAllGlobals();
  act(() => setLanguage('vi', false));
  window.history.replaceState(null, '', '/');
});

function server() {
  return mockFetch(({ url, method }) => {
    if (url === '/api/me') return { body: { userId: 'u', email: 'b@example.vn', roles: ['Buyer'], displayName: 'Lê Thị Bình', locale: 'en', buyerId: 'b-1' } };
    if (url === '/api/buyers/me' && method === 'GET') return { status: 404, body: { status: 404, title: 'There is no buyer profile yet.' } };
    if (url === '/api/buyers/me' && method === 'PUT')
      return {
        status: 400,
        body: { status: 400, title: 'The buyer profile is not valid.', errors: { 'needs[0].keywords': ['A keyword is not valid (at most 60 characters).'], 'representatives[0].phone': ['Not a valid phone number.'] } },
      };
    return undefined;
  });
}

describe('buyer profile page', () => {
  it('names buyer kinds in the user’s language and puts the server’s refusals beside their fields', async () => {
    const calls = server();
    act(() => setLanguage('en', false));
    window.history.replaceState(null, '', '/buyer');
    render(<App />);
    const kind = await screen.findByTestId('buyer-kind');
    expect([...kind.querySelectorAll('option')].map((o) => o.textContent)).toContain('Clean-food store');
    expect((screen.getByTestId('rep-0-name') as HTMLInputElement).value).toBe('Lê Thị Bình');
    expect(document.querySelectorAll('.field__error')).toHaveLength(0);

    fireEvent.change(screen.getByTestId('buyer-organisation'), { target: { value: 'Green Mart' } });
    fireEvent.change(kind, { target: { value: 'CleanFoodStore' } });
    fireEvent.change(screen.getByTestId('need-0-keywords-input'), { target: { value: 'honey,' } });
    fireEvent.click(screen.getByTestId('buyer-save'));

    expect((await screen.findByTestId('error-needs[0].keywords')).textContent).toContain('A keyword is not valid');
    expect(screen.getByTestId('error-representatives[0].phone').textContent).toContain('Not a valid phone number.');
    expect(screen.getByTestId('buyer-error').textContent).toContain('Please correct the marked fields.');
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(JSON.parse(put.body!)).toMatchObject({ organisation: 'Green Mart', kind: 'CleanFoodStore', needs: [{ keywords: ['honey'] }] });

    // Changing the field takes the server's refusal away (the form's own rule speaks now); the other stays.
    fireEvent.click(screen.getByTestId('need-0-keywords-remove'));
    await waitFor(() => expect(screen.getByTestId('error-needs[0].keywords').textContent).toBe('Give keywords or choose product groups to look for.'));
    fireEvent.click(screen.getByTestId('need-0-group-Food'));
    await waitFor(() => expect(screen.queryByTestId('error-needs[0].keywords')).toBeNull());
    expect(screen.queryByTestId('error-representatives[0].phone')).not.toBeNull();
  });
});
