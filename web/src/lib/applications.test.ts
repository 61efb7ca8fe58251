import { describe, expect, it } from 'vitest';
import {
  applicationFromEvent,
  applicationsReducer,
  applyFormToRequest,
  canAct,
  canMove,
  checkKey,
  districtsOf,
  emptyApplyForm,
  filtersFromQuery,
  filtersToQuery,
  groupReasons,
  productsWithReasons,
  pruneSelection,
  selectionAfterBulk,
  toggleAll,
  toggleIn,
  toggleSelection,
  EMPTY_FILTERS,
} from './applications';
import { application } from '../test/applications';

describe('applicationsReducer', () => {
  it('loads newest first', () => {
    const list = applicationsReducer(null, {
      type: 'loaded',
      applications: [
        application('a', { submittedAt: '2025-02-01T00:00:00Z' }),
        application('b', { submittedAt: '2025-02-03T00:00:00Z' }),
        application('c', { submittedAt: '2025-02-02T00:00:00Z' }),
      ],
    });
    expect(list!.map((a) => a.applicationId)).toEqual(['b', 'c', 'a']);
  });

  it('replaces a changed application in place and keeps the others', () => {
    const state = applicationsReducer(null, { type: 'loaded', applications: [application('a'), application('b')] });
    const next = applicationsReducer(state, {
      type: 'changed',
      application: application('b', { status: 'Approved', decidedAt: '2025-02-11T00:00:00Z' }),
    });
    expect(next!.find((a) => a.applicationId === 'b')!.status).toBe('Approved');
    expect(next!.find((a) => a.applicationId === 'a')).toBe(state!.find((a) => a.applicationId === 'a'));
    expect(state!.find((a) => a.applicationId === 'b')!.status).toBe('Submitted'); // not mutated
  });

  it('adds an unknown application unless told not to', () => {
    const state = applicationsReducer(null, { type: 'loaded', applications: [application('a', { submittedAt: '2025-01-01T00:00:00Z' })] });
    const added = applicationsReducer(state, { type: 'changed', application: application('z') });
    expect(added!.map((a) => a.applicationId)).toEqual(['z', 'a']);
    const kept = applicationsReducer(state, { type: 'changed', application: application('z'), addIfMissing: false });
    expect(kept).toBe(state);
    // An event before the first load starts the list.
    expect(applicationsReducer(null, { type: 'changed', application: application('q') })!.length).toBe(1);
  });

  it('applies the successful rows of a bulk answer', () => {
    const state = applicationsReducer(null, { type: 'loaded', applications: [application('a'), application('b'), application('c')] });
    const next = applicationsReducer(state, {
      type: 'bulk',
      results: [
        { applicationId: 'a', ok: true, status: 'Approved' },
        { applicationId: 'b', ok: false, error: 'Không thể chuyển trạng thái' },
      ],
    });
    expect(next!.map((a) => a.status)).toEqual(['Approved', 'Submitted', 'Submitted']);
    expect(applicationsReducer(state, { type: 'bulk', results: [] })).toBe(state);
  });

  it('reads ApplicationChanged private events only', () => {
    const app = application('a', { status: 'Waitlisted' });
    expect(applicationFromEvent({ type: 'ApplicationChanged', data: app })).toBe(app);
    expect(applicationFromEvent({ type: 'Notification', data: app })).toBeNull();
    expect(applicationFromEvent({ type: 'ApplicationChanged', data: { nope: 1 } })).toBeNull();
    expect(applicationFromEvent({ type: 'ApplicationChanged', data: null })).toBeNull();
  });
});

describe('lifecycle', () => {
  it('matches the server rules', () => {
    expect(canMove('Submitted', 'Approved')).toBe(true);
    expect(canMove('Submitted', 'Waitlisted')).toBe(true);
    expect(canMove('Waitlisted', 'Approved')).toBe(true);
    expect(canMove('Waitlisted', 'Waitlisted')).toBe(false);
    expect(canMove('Approved', 'Rejected')).toBe(false);
    expect(canMove('Approved', 'Withdrawn')).toBe(true);
    expect(canMove('Rejected', 'Approved')).toBe(false);
    expect(canMove('Withdrawn', 'Submitted')).toBe(false);
    expect(canAct('Submitted', 'reject')).toBe(true);
    expect(canAct('Approved', 'approve')).toBe(false);
    expect(canAct('Rejected', 'withdraw')).toBe(false);
  });
});

describe('review filters', () => {
  it('round-trips through the query string and skips blanks', () => {
    expect(filtersToQuery(EMPTY_FILTERS)).toBe('');
    const filters = { status: 'Submitted', district: 'Cao Phong', group: '', minStars: '4', certificate: 'ExpiringSoon' };
    const query = filtersToQuery(filters);
    expect(query).toBe('?status=Submitted&district=Cao+Phong&minStars=4&certificate=ExpiringSoon');
    expect(filtersFromQuery(query)).toEqual(filters);
    expect(filtersFromQuery('?district=%20')).toEqual({ ...EMPTY_FILTERS, district: ' ' });
    expect(filtersToQuery({ ...EMPTY_FILTERS, district: ' ' })).toBe('');
  });

  it('lists districts once, in Vietnamese order', () => {
    const list = [application('a', { district: 'Mai Châu' }), application('b', { district: 'Cao Phong' }), application('c', { district: 'Mai Châu' })];
    expect(districtsOf(list)).toEqual(['Cao Phong', 'Mai Châu']);
  });
});

describe('selection', () => {
  it('toggles rows and all rows', () => {
    let s = toggleSelection(new Set(), 'a');
    s = toggleSelection(s, 'b');
    expect([...s]).toEqual(['a', 'b']);
    s = toggleSelection(s, 'a');
    expect([...s]).toEqual(['b']);
    s = toggleAll(s, ['a', 'b', 'c']);
    expect([...s].sort()).toEqual(['a', 'b', 'c']);
    s = toggleAll(s, ['a', 'b', 'c']);
    expect(s.size).toBe(0);
    expect(toggleAll(new Set(), []).size).toBe(0);
  });

  it('drops hidden rows and keeps failed ones after a bulk action', () => {
    const s = new Set(['a', 'b', 'c']);
    expect([...pruneSelection(s, ['a', 'c', 'd'])]).toEqual(['a', 'c']);
    expect(pruneSelection(s, ['a', 'b', 'c'])).toBe(s);
    const after = selectionAfterBulk(s, [
      { applicationId: 'a', ok: true, status: 'Approved' },
      { applicationId: 'b', ok: false, error: 'x' },
    ]);
    expect([...after]).toEqual(['b', 'c']);
  });
});

describe('eligibility reasons', () => {
  it('groups by code keeping order, messages and products', () => {
    const groups = groupReasons([
      { code: 'registrationClosed', message: 'Đã hết hạn đăng ký' },
      { code: 'starsBelowMinimum', message: 'Cam (3★) dưới 4★', productId: 'p1' },
      { code: 'starsBelowMinimum', message: 'Bưởi (3★) dưới 4★', productId: 'p2' },
      { code: 'starsBelowMinimum', message: 'Bưởi (3★) dưới 4★', productId: 'p2' },
      { code: 'groupNotAccepted', productId: 'p3' },
    ]);
    expect(groups).toEqual([
      { code: 'registrationClosed', messages: ['Đã hết hạn đăng ký'], productIds: [] },
      { code: 'starsBelowMinimum', messages: ['Cam (3★) dưới 4★', 'Bưởi (3★) dưới 4★'], productIds: ['p1', 'p2'] },
      { code: 'groupNotAccepted', messages: [], productIds: ['p3'] },
    ]);
    expect(groupReasons(undefined)).toEqual([]);
    expect([...productsWithReasons([{ code: 'x', productId: 'p9' }, { code: 'y' }])]).toEqual(['p9']);
  });
});

describe('apply form', () => {
  it('builds the request and a check key that ignores the note and order', () => {
    const form = { ...emptyApplyForm(), productIds: ['p2', 'p1'], types: ['Corner' as const], note: '  Cần bàn nếm thử ' };
    expect(applyFormToRequest(form)).toEqual({
      productIds: ['p2', 'p1'],
      boothPreferences: { types: ['Corner'], zones: [] },
      needs: { power: false, coldStorage: false, water: false },
      note: 'Cần bàn nếm thử',
    });
    expect(applyFormToRequest(form, false).note).toBeUndefined();
    expect(checkKey(form)).toBe(checkKey({ ...form, productIds: ['p1', 'p2'], note: '' }));
    expect(checkKey(form)).not.toBe(checkKey({ ...form, needs: { ...form.needs, power: true } }));
    expect(toggleIn(['a'], 'b')).toEqual(['a', 'b']);
    expect(toggleIn(['a', 'b'], 'a')).toEqual(['b']);
  });
});
