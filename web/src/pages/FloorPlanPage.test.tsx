import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { FloorPlanPage } from './FloorPlanPage';
import { renderPage as renderInApp } from '../test/render';
import { mockFetch, pathOf, type Call } from '../test/http';
import { FAIR_ID, fairDetails, floorFixture } from '../test/fixtures';
import type { Floor, FloorPlanRequest } from '../lib/types';

const organiser = { userId: 'u1', email: 'organiser@demo.ocop', roles: ['Organiser'], displayName: 'Ban tổ chức', locale: 'vi' };

type Answer = { status?: number; body?: unknown };

interface Setup {
  floor?: Floor;
  roles?: string[];
  onSave?: (call: Call) => Answer;
  onGrid?: (call: Call) => Answer;
}

function setup({ floor = floorFixture(5), roles = organiser.roles, onSave, onGrid }: Setup = {}) {
  window.history.replaceState(null, '', `/fairs/${FAIR_ID}/floor-plan`);
  const calls = mockFetch((call) => {
    const { url, method } = call;
    if (url === '/api/me') return { body: { ...organiser, roles } };
    if (url === `/api/fairs/${FAIR_ID}`) return { body: fairDetails({ status: 'Draft' }) };
    if (url === `/api/fairs/${FAIR_ID}/floor` && method === 'GET') return { body: floor };
    if (url === `/api/fairs/${FAIR_ID}/floor-plan` && method === 'PUT') return onSave?.(call);
    if (url === `/api/fairs/${FAIR_ID}/floor-plan/grid` && method === 'POST') return onGrid?.(call);
    return undefined;
  });
  renderPage();
  return calls;
}

function renderPage() {
  renderInApp(
<FloorPlanPage fairId={FAIR_ID} />,
);
}

/** The answer the server gives to a saved plan: the same booths, all free except what was in use. */
function echo(call: Call, version = 6): Answer {
  const plan = JSON.parse(call.body!) as FloorPlanRequest;
  const before = floorFixture();
  return {
    body: {
      fairId: FAIR_ID,
      version,
      width: 40,
      height: 30,
      zones: plan.zones,
      booths: plan.booths.map((b) => {
        const old = before.booths.find((x) => x.code === b.code);
        return { ...b, status: old?.status ?? 'Free', producerId: old?.producerId, producerName: old?.producerName };
      }),
    },
  };
}

const boothEl = (code: string) => screen.getByTestId(`pe-booth-${code}`);
const geometry = (code: string) => {
  const el = boothEl(code);
  return ['x', 'y', 'w', 'h'].map((k) => Number(el.getAttribute(`data-${k}`)));
};
const press = (code: string, init: PointerEventInit = {}) =>
  fireEvent.pointerDown(boothEl(code), { button: 0, pointerType: 'mouse', clientX: 0, clientY: 0, ...init });
const saves = (calls: Call[]) => calls.filter((c) => c.method === 'PUT');

afterEach(() => {
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('FloorPlanPage', () => {
  it('generates a grid on an empty plan', async () => {
    const calls = setup({
      floor: { ...floorFixture(1), zones: [], booths: [] },
      onGrid: () => ({
        body: {
          ...floorFixture(2),
          zones: [{ code: 'T', name: 'Thực phẩm', groups: ['Food', 'Herbal'] }],
          booths: ['T01', 'T02', 'T03'].map((code, i) => ({ ...floorFixture().booths[0], code, zone: 'T', x: 1 + i * 3 })),
        },
      }),
    });
    expect(await screen.findByTestId('plan-empty')).toBeTruthy();
    const form = screen.getByTestId('grid-form');
    // one zone to start with, taking the fair's first group
    expect((screen.getByTestId('grid-zone-0-group-Food') as HTMLInputElement).checked).toBe(true);
    fireEvent.change(screen.getByTestId('grid-zone-code-0'), { target: { value: 'T' } });
    fireEvent.change(screen.getByTestId('grid-zone-name-0'), { target: { value: 'Thực phẩm' } });
    fireEvent.click(screen.getByTestId('grid-zone-0-group-Herbal'));
    fireEvent.change(screen.getByTestId('grid-zone-booths-0'), { target: { value: '0' } });
    fireEvent.submit(form);
    // checked here first, with the server's limits
    expect((await screen.findByTestId('error-zones[0].booths')).textContent).toBe('Giá trị nằm ngoài khoảng cho phép.');
    expect(calls.some((c) => c.url.endsWith('/grid'))).toBe(false);

    fireEvent.change(screen.getByTestId('grid-zone-booths-0'), { target: { value: '3' } });
    fireEvent.change(screen.getByTestId('grid-per-row'), { target: { value: '3' } });
    fireEvent.submit(form);
    await screen.findByTestId('pe-booth-T03');
    const post = calls.find((c) => c.url.endsWith('/floor-plan/grid'))!;
    expect(JSON.parse(post.body!)).toEqual({
      zones: [{ code: 'T', name: 'Thực phẩm', groups: ['Food', 'Herbal'], booths: 3 }],
      perRow: 3,
      boothWidth: 3,
      boothDepth: 3,
      priceVnd: 2000000,
    });
    expect(post.headers['Idempotency-Key']).toBeTruthy();
    expect(screen.getByTestId('plan-message-ok').textContent).toBe('Đã tạo và lưu 3 gian hàng.');
    expect(screen.getByTestId('plan-status').getAttribute('data-dirty')).toBe('false');
  });

  it('takes the fair groups into the grid form even when the fair answers after the floor', async () => {
    setup({ floor: { ...floorFixture(1), zones: [], booths: [] } });
    // hold the fair's answer back until the empty plan is on screen
    const inner = globalThis.fetch;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    vi.stubGlobal('fetch', async (input: RequestInfo | URL, init?: RequestInit) => {
      if (pathOf(input) === `/api/fairs/${FAIR_ID}`) await gate;
      return inner(input, init);
    });
    cleanup();
    renderPage();
    await screen.findByTestId('plan-empty');
    expect((screen.getByTestId('grid-zone-0-group-Food') as HTMLInputElement).checked).toBe(false);
    release();
    await waitFor(() => expect((screen.getByTestId('grid-zone-0-group-Food') as HTMLInputElement).checked).toBe(true));
  });

  it('asks before a new grid replaces a plan', async () => {
    const calls = setup({ onGrid: () => ({ body: floorFixture(9) }) });
    await screen.findByTestId('pe-booth-A01');
    fireEvent.submit(screen.getByTestId('grid-form'));
    expect(await screen.findByTestId('replace-confirm')).toBeTruthy();
    expect(calls.some((c) => c.url.endsWith('/grid'))).toBe(false);
    fireEvent.click(screen.getByTestId('replace-confirm-no'));
    expect(screen.queryByTestId('replace-confirm')).toBeNull();
    fireEvent.submit(screen.getByTestId('grid-form'));
    fireEvent.click(await screen.findByTestId('replace-confirm-yes'));
    await waitFor(() => expect(calls.some((c) => c.url.endsWith('/grid'))).toBe(true));
  });

  it('edits a booth by keyboard, by its fields and by dragging, then saves the plan', async () => {
    const calls = setup({ onSave: (call) => echo(call) });
    await screen.findByTestId('pe-booth-A01');
    expect(screen.getByTestId('plan-save').hasAttribute('disabled')).toBe(true);

    // keyboard: Enter selects, arrows move on the 0.5 m grid, Shift+arrows resize
    fireEvent.keyDown(boothEl('A01'), { key: 'Enter' });
    expect(within(screen.getByTestId('booth-properties')).getByText('Gian A01')).toBeTruthy();
    fireEvent.keyDown(boothEl('A01'), { key: 'ArrowRight' });
    fireEvent.keyDown(boothEl('A01'), { key: 'ArrowDown', shiftKey: true });
    expect(geometry('A01')).toEqual([2.5, 3, 3, 3.5]);
    expect(screen.getByTestId('plan-announce').textContent).toBe('Gian A01: x 2.5 m, y 3 m, 3 × 3.5 m');
    expect(screen.getByTestId('plan-dirty')).toBeTruthy();

    // fields
    fireEvent.change(screen.getByTestId('prop-code'), { target: { value: 'A1' } });
    fireEvent.change(screen.getByTestId('prop-type'), { target: { value: 'Premium' } });
    fireEvent.change(screen.getByTestId('prop-price'), { target: { value: '3000000' } });
    fireEvent.click(screen.getByTestId('prop-amenity-water'));
    fireEvent.change(screen.getByTestId('prop-amenities-other'), { target: { value: 'wifi, quầy lạnh' } });
    fireEvent.change(screen.getByTestId('prop-w'), { target: { value: '4' } });

    // drag B02 by 2 m right on a 10 px per metre drawing
    const svg = screen.getByTestId('plan-canvas');
    const [width, height] = [Number(svg.getAttribute('data-width')), Number(svg.getAttribute('data-height'))];
    vi.spyOn(svg, 'getBoundingClientRect').mockReturnValue({ left: 0, top: 0, width: width * 10, height: height * 10, right: 0, bottom: 0, x: 0, y: 0, toJSON: () => ({}) });
    press('B02', { clientX: 100, clientY: 130 });
    fireEvent.pointerMove(window, { clientX: 110, clientY: 130 });
    fireEvent.pointerMove(window, { clientX: 121, clientY: 131 });
    fireEvent.pointerUp(window, { clientX: 121, clientY: 131 });
    expect(geometry('B02')).toEqual([8, 12, 3, 3]);
    expect(screen.getByTestId('selected-codes').textContent).toBe('B02');

    // the corner handle resizes the selected booth, and the drawn area follows
    fireEvent.pointerDown(screen.getByTestId('resize-handle'), { button: 0, pointerType: 'mouse', clientX: 110, clientY: 150 });
    fireEvent.pointerMove(window, { clientX: 130, clientY: 150 });
    fireEvent.pointerUp(window, { clientX: 130, clientY: 150 });
    expect(geometry('B02')).toEqual([8, 12, 5, 3]);

    fireEvent.click(screen.getByTestId('plan-save'));
    await waitFor(() => expect(saves(calls)).toHaveLength(1));
    const sent = JSON.parse(saves(calls)[0].body!) as FloorPlanRequest;
    expect(sent.booths.find((b) => b.code === 'A1')).toEqual({
      code: 'A1',
      zone: 'A',
      type: 'Premium',
      areaM2: 14,
      priceVnd: 3000000,
      x: 2.5,
      y: 3,
      w: 4,
      h: 3.5,
      amenities: ['water', 'wifi', 'quầy lạnh'],
    });
    // B02 declared 12 m² on a 3 × 3 drawing: its area stays as declared
    expect(sent.booths.find((b) => b.code === 'B02')).toMatchObject({ x: 8, y: 12, w: 5, h: 3, areaM2: 12 });
    expect(saves(calls)[0].headers['Content-Type']).toBe('application/json');
    expect((await screen.findByTestId('plan-message-ok')).textContent).toBe('Đã lưu sơ đồ (5 gian).');
    expect(screen.getByTestId('plan-status').getAttribute('data-dirty')).toBe('false');
    // the selection survives the reload by code
    expect(screen.getByTestId('selected-codes').textContent).toBe('B02');
  });

  it('undoes a drag in one step and a typed code in one step', async () => {
    setup();
    await screen.findByTestId('pe-booth-A01');
    const svg = screen.getByTestId('plan-canvas');
    vi.spyOn(svg, 'getBoundingClientRect').mockReturnValue({ left: 0, top: 0, width: 400, height: 300, right: 0, bottom: 0, x: 0, y: 0, toJSON: () => ({}) });
    const before = geometry('A01');
    press('A01', { clientX: 30, clientY: 30 });
    for (const x of [40, 60, 80]) fireEvent.pointerMove(window, { clientX: x, clientY: 30 });
    fireEvent.pointerUp(window, {});
    expect(geometry('A01')).not.toEqual(before);
    fireEvent.change(screen.getByTestId('prop-code'), { target: { value: 'A0' } });
    fireEvent.change(screen.getByTestId('prop-code'), { target: { value: 'A0X' } });
    fireEvent.click(screen.getByTestId('plan-undo'));
    expect(screen.getByTestId('pe-booth-A01')).toBeTruthy();
    fireEvent.keyDown(document.body, { key: 'z', ctrlKey: true });
    expect(geometry('A01')).toEqual(before);
    expect(screen.getByTestId('plan-status').getAttribute('data-dirty')).toBe('false');
    fireEvent.click(screen.getByTestId('plan-redo'));
    expect(geometry('A01')).not.toEqual(before);
  });

  it('adds and deletes booths, moves a selection to another zone and edits zones', async () => {
    const calls = setup({ onSave: (call) => echo(call) });
    await screen.findByTestId('pe-booth-A01');
    fireEvent.change(screen.getByTestId('add-booth-zone'), { target: { value: 'z1' } });
    fireEvent.click(screen.getByTestId('add-booth'));
    expect(boothEl('B03')).toBeTruthy();
    expect(screen.queryByTestId('overlap-warning')).toBeNull();

    press('A01');
    press('B03', { shiftKey: true });
    expect(screen.getByTestId('selection-panel').textContent).toContain('Đã chọn 2 gian');
    fireEvent.change(screen.getByTestId('selection-zone'), { target: { value: 'z1' } });
    fireEvent.click(screen.getByTestId('assign-zone'));
    // a booth dropped onto another shows as overlapping
    fireEvent.keyDown(boothEl('A01'), { key: 'Escape' });
    fireEvent.keyDown(boothEl('A01'), { key: 'Enter' });
    fireEvent.change(screen.getByTestId('prop-x'), { target: { value: '6' } });
    expect(screen.getByTestId('overlap-warning').getAttribute('data-count')).toBe('2');
    fireEvent.change(screen.getByTestId('prop-x'), { target: { value: '2' } });
    expect(screen.queryByTestId('overlap-warning')).toBeNull();

    // zones: rename B (its booths follow), a new zone, an empty zone can go
    fireEvent.change(screen.getByTestId('zone-code-1'), { target: { value: 'DU' } });
    fireEvent.click(screen.getByTestId('zone-add'));
    expect((screen.getByTestId('zone-code-2') as HTMLInputElement).value).toBe('B');
    expect(screen.getByTestId('zone-remove-0').hasAttribute('disabled')).toBe(true);
    fireEvent.click(screen.getByTestId('zone-remove-2'));
    expect(screen.queryByTestId('zone-code-2')).toBeNull();

    // delete a booth by keyboard
    fireEvent.keyDown(boothEl('A02'), { key: 'Delete' });
    expect(screen.queryByTestId('pe-booth-A02')).toBeNull();
    expect(screen.getByTestId('lost-warning').textContent).toContain('A02');

    fireEvent.click(screen.getByTestId('plan-undo'));
    expect(boothEl('A02')).toBeTruthy();
    fireEvent.click(screen.getByTestId('plan-save'));
    await waitFor(() => expect(saves(calls)).toHaveLength(1));
    const sent = JSON.parse(saves(calls)[0].body!) as FloorPlanRequest;
    expect(sent.zones.map((z) => z.code)).toEqual(['A', 'DU']);
    expect(sent.booths.map((b) => `${b.code}:${b.zone}`)).toEqual(['A01:DU', 'A02:A', 'A03:A', 'B01:DU', 'B02:DU', 'B03:DU']);
  });

  it('shows the checks it makes itself, the server field errors, and the refusal to drop booths in use', async () => {
    let answer: Answer = {};
    const calls = setup({ onSave: () => answer });
    await screen.findByTestId('pe-booth-A01');

    // caught before sending
    fireEvent.keyDown(boothEl('A01'), { key: 'Enter' });
    fireEvent.change(screen.getByTestId('prop-code'), { target: { value: 'A 1' } });
    fireEvent.click(screen.getByTestId('plan-save'));
    expect(screen.getByTestId('plan-message-error').textContent).toBe('Vui lòng sửa các lỗi được liệt kê trước khi lưu.');
    expect(screen.getByTestId('plan-errors').textContent).toContain("Gian A 1 — mã: Mã chỉ gồm chữ, số, '-' hoặc '_', tối đa 16 ký tự.");
    expect(screen.getByTestId('error-code')).toBeTruthy();
    expect(boothEl('A 1').getAttribute('class')).toContain('pe-booth--invalid');
    expect(saves(calls)).toHaveLength(0);
    fireEvent.change(screen.getByTestId('prop-code'), { target: { value: 'A01' } });
    expect(screen.queryByTestId('plan-errors')).toBeNull();

    // the server's field errors land on the booth that was sent at that index
    fireEvent.change(screen.getByTestId('prop-price'), { target: { value: '1300000' } });
    answer = {
      status: 400,
      body: { title: 'Dữ liệu không hợp lệ.', status: 400, errors: { 'booths[1].areaM2': ['Giá trị nằm ngoài khoảng cho phép.'] }, codes: { 'booths[1].areaM2': ['outOfRange'] } },
    };
    fireEvent.click(screen.getByTestId('plan-save'));
    expect((await screen.findByTestId('plan-message-error')).textContent).toBe('Dữ liệu không hợp lệ.');
    expect(screen.getByTestId('plan-errors').textContent).toContain('Gian A02 — diện tích: Giá trị nằm ngoài khoảng cho phép.');
    fireEvent.click(within(screen.getByTestId('plan-errors')).getByRole('button'));
    expect(within(screen.getByTestId('booth-properties')).getByText('Gian A02')).toBeTruthy();
    expect(screen.getByTestId('booth-in-use').textContent).toBe('Gian đang được giữ bởi HTX Cam Cao Phong: không thể xóa hay đổi mã.');
    expect(screen.getByTestId('error-areaM2')).toBeTruthy();

    // a booth in use removed: 409, and the page names it even when the server sends no detail (Vietnamese)
    fireEvent.click(screen.getByTestId('booth-delete'));
    answer = { status: 409, body: { title: 'Không thể xóa gian hàng đang được giữ hoặc đã xác nhận.', status: 409, code: 'floorPlan.boothInUse' } };
    fireEvent.click(screen.getByTestId('plan-save'));
    const refused = await screen.findByTestId('plan-message-error');
    await waitFor(() => expect(refused.textContent).toContain('Gian A02 đang được giữ bởi HTX Cam Cao Phong'));
    expect(refused.textContent).toContain('Không thể xóa gian hàng đang được giữ hoặc đã xác nhận.');
    expect(screen.getByTestId('plan-dirty')).toBeTruthy();
  });

  it('imports a CSV file and reports its rows in error', async () => {
    let answer: Answer = { status: 400, body: { title: 'Dữ liệu không hợp lệ.', status: 400, errors: { 'rows[2].type': ['Loại gian không hợp lệ.'] } } };
    const calls = setup({ onSave: () => answer });
    await screen.findByTestId('pe-booth-A01');
    expect(screen.getByTestId('csv-export').getAttribute('href')).toBe(`/api/fairs/${FAIR_ID}/floor-plan.csv`);
    const file = new File(['code,zone,type,areaM2,priceVnd,x,y,w,h,amenities\nA01,A,Standard,9,1,1,1,3,3,\nA02,A,Lều,9,1,4,1,3,3,\n'], 'plan.csv', { type: 'text/csv' });
    fireEvent.change(screen.getByTestId('csv-import'), { target: { files: [file] } });
    const error = await screen.findByTestId('plan-message-error');
    expect(error.textContent).toContain('Dòng 2, cột type: Loại gian không hợp lệ.');
    const put = saves(calls)[0];
    expect(put.headers['Content-Type']).toBe('text/csv; charset=utf-8');
    expect(put.body).toContain('A02,A,Lều');

    answer = { body: { ...floorFixture(8), booths: floorFixture().booths.slice(0, 2) } };
    fireEvent.change(screen.getByTestId('csv-import'), { target: { files: [file] } });
    expect((await screen.findByTestId('plan-message-ok')).textContent).toBe('Đã nhập và lưu 2 gian hàng.');
    expect(screen.queryByTestId('pe-booth-B01')).toBeNull();
  });

  it('asks before leaving with unsaved changes', async () => {
    const confirm = vi.fn(() => false);
    vi.stubGlobal('confirm', confirm);
    setup();
    await screen.findByTestId('pe-booth-A01');
    fireEvent.keyDown(boothEl('A01'), { key: 'ArrowUp' });
    fireEvent.click(screen.getByText(/← /));
    expect(confirm).toHaveBeenCalledWith('Sơ đồ có thay đổi chưa lưu. Rời trang và bỏ các thay đổi này?');
    expect(window.location.pathname).toBe(`/fairs/${FAIR_ID}/floor-plan`);
  });

  it('is for organisers only', async () => {
    setup({ roles: ['Producer'] });
    expect(await screen.findByTestId('forbidden')).toBeTruthy();
  });
});
