import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { App } from '../App';
import { mockFetch } from '../test/http';

afterEach(() => {
  vi.unstubAllGlobals();
  window.history.replaceState(null, '', '/');
});

const organiser = { userId: 'o1', email: 'organiser@demo.ocop', roles: ['Organiser'], displayName: 'Sở Công Thương', locale: 'vi' };

const saved = {
  fairId: 'f-new',
  name: 'Hội chợ Mai Châu',
  venue: 'Bản Lác',
  province: 'Hòa Bình',
  timeZone: 'Asia/Ho_Chi_Minh',
  startsAt: '2027-03-10T01:00:00Z',
  endsAt: '2027-03-12T10:00:00Z',
  registrationOpensAt: '2027-01-01T01:00:00Z',
  registrationClosesAt: '2027-03-01T10:00:00Z',
  minStars: 4,
  acceptedGroups: ['Food', 'Herbal'],
  boothsPerProducer: 2,
  holdMinutes: 15,
  allocationMode: 'Organiser',
  status: 'Draft',
  version: 1,
  boothCount: 0,
  organiserId: 'o1',
};

function server(options: { refuse?: boolean } = {}) {
  return mockFetch(({ url, method }) => {
    if (url === '/api/me') return { body: organiser };
    if (url === '/api/fairs' && method === 'POST')
      return options.refuse
        ? {
            status: 400,
            body: { status: 400, title: 'Dữ liệu gửi lên không hợp lệ.', errors: { venue: ['Nội dung quá dài.'] } },
          }
        : { status: 201, body: saved };
    if (url === '/api/fairs/f-new' && method === 'GET') return { body: saved };
    if (url === '/api/fairs/f-new' && method === 'PATCH') return { body: { ...saved, name: 'Hội chợ Mai Châu 2027' } };
    if (url === '/api/fairs') return { body: [] };
    return undefined;
  });
}

describe('fair form', () => {
  it('keeps save off with the reasons, then creates the fair and links onward', async () => {
    const calls = server();
    window.history.replaceState(null, '', '/fairs/new');
    render(<App />);
    const save = (await screen.findByTestId('fair-save')) as HTMLButtonElement;
    expect(save.disabled).toBe(true);
    expect(screen.getByTestId('fair-form-blocked').textContent).toContain('3');
    expect(screen.getByTestId('fair-zone-hint').textContent).toContain('Asia/Ho_Chi_Minh (UTC+07:00)');

    fireEvent.change(screen.getByTestId('fair-name'), { target: { value: 'Hội chợ Mai Châu' } });
    fireEvent.change(screen.getByTestId('fair-venue'), { target: { value: 'Bản Lác' } });
    fireEvent.change(screen.getByTestId('fair-province'), { target: { value: 'Hòa Bình' } });
    fireEvent.change(screen.getByTestId('fair-startsAt'), { target: { value: '2027-03-10T08:00' } });
    fireEvent.change(screen.getByTestId('fair-endsAt'), { target: { value: '2027-03-09T17:00' } });
    expect(screen.getByTestId('error-endsAt').textContent).toBe('Ngày kết thúc phải sau ngày bắt đầu.');
    expect(save.disabled).toBe(true);
    fireEvent.change(screen.getByTestId('fair-endsAt'), { target: { value: '2027-03-12T17:00' } });
    fireEvent.change(screen.getByTestId('fair-registrationOpensAt'), { target: { value: '2027-01-01T08:00' } });
    fireEvent.change(screen.getByTestId('fair-registrationClosesAt'), { target: { value: '2027-03-01T17:00' } });
    fireEvent.click(screen.getByTestId('fair-group-Beverages'));
    fireEvent.change(screen.getByTestId('fair-minStars'), { target: { value: '4' } });
    fireEvent.click(screen.getByTestId('fair-mode-Organiser'));
    expect(save.disabled).toBe(false);
    fireEvent.click(save);

    await screen.findByTestId('fair-saved');
    const post = calls.find((c) => c.url === '/api/fairs' && c.method === 'POST')!;
    const body = JSON.parse(post.body!);
    expect(body).toMatchObject({
      name: 'Hội chợ Mai Châu',
      startsAt: '2027-03-10T01:00:00.000Z',
      registrationClosesAt: '2027-03-01T10:00:00.000Z',
      minStars: 4,
      allocationMode: 'Organiser',
      timeZone: 'Asia/Ho_Chi_Minh',
    });
    expect(body.acceptedGroups).not.toContain('Beverages');
    expect(post.headers['Idempotency-Key']).toBeTruthy();
    expect(screen.getByTestId('next-floor-plan').getAttribute('href')).toBe('/fairs/f-new/floor-plan');
    expect(screen.getByTestId('next-review').getAttribute('href')).toBe('/fairs/f-new/applications');
    expect(screen.getByTestId('next-allocation').getAttribute('href')).toBe('/fairs/f-new/allocation');
  });

  it('shows the server’s refusal beside its field', async () => {
    server({ refuse: true });
    window.history.replaceState(null, '', '/fairs/new');
    render(<App />);
    fireEvent.change(await screen.findByTestId('fair-name'), { target: { value: 'X' } });
    fireEvent.change(screen.getByTestId('fair-venue'), { target: { value: 'Y' } });
    fireEvent.change(screen.getByTestId('fair-province'), { target: { value: 'Z' } });
    fireEvent.click(screen.getByTestId('fair-save'));
    expect((await screen.findByTestId('error-venue')).textContent).toBe('Nội dung quá dài.');
  });

  it('edits a fair with its times in its own zone', async () => {
    const calls = server();
    window.history.replaceState(null, '', '/fairs/f-new/edit');
    render(<App />);
    const name = (await screen.findByTestId('fair-name')) as HTMLInputElement;
    expect(name.value).toBe('Hội chợ Mai Châu');
    expect((screen.getByTestId('fair-startsAt') as HTMLInputElement).value).toBe('2027-03-10T08:00');
    fireEvent.change(name, { target: { value: 'Hội chợ Mai Châu 2027' } });
    fireEvent.click(screen.getByTestId('fair-save'));
    await screen.findByTestId('fair-saved');
    const patch = calls.find((c) => c.method === 'PATCH')!;
    expect(JSON.parse(patch.body!)).toMatchObject({ name: 'Hội chợ Mai Châu 2027', startsAt: '2027-03-10T01:00:00.000Z' });
    await waitFor(() => expect(document.title).toContain('Sửa thông tin hội chợ'));
  });
});
