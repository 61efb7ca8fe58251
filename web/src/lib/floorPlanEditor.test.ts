import { describe, expect, it } from 'vitest';
import {
  INITIAL_EDITOR,
  MAX_COORD,
  MIN_SIZE,
  addBooth,
  addZone,
  assignZone,
  canvasSize,
  clampRect,
  collisions,
  csvErrorLines,
  editorReducer,
  errorCount,
  extent,
  freeSpot,
  fromFloor,
  gridFormFor,
  gridFormToRequest,
  isCode,
  isDirty,
  lostInUse,
  mapServerErrors,
  moveFrom,
  nextBoothCode,
  nudge,
  originsOf,
  overlaps,
  pointerToFloor,
  removeZone,
  resizeFrom,
  resizeStep,
  snap,
  stepTo,
  toRequest,
  updateBooth,
  updateZone,
  validatePlan,
  type EditorAction,
  type EditorState,
  type PlanDraft,
} from './floorPlanEditor';
import { floorFixture } from '../test/fixtures';

const draft = (): PlanDraft => fromFloor(floorFixture()).plan;
const booth = (plan: PlanDraft, code: string) => plan.booths.find((b) => b.code === code)!;
const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state);
const loaded = () => run(INITIAL_EDITOR, { type: 'load', floor: floorFixture(7) });

describe('snapping', () => {
  it('snaps to the step and rounds to the centimetre', () => {
    expect(snap(1.26, 0.5)).toBe(1.5);
    expect(snap(1.24, 0.5)).toBe(1);
    expect(snap(0.1 + 0.2, 0)).toBe(0.3);
    expect(snap(7.4, 1)).toBe(7);
  });

  it('steps to the next grid line in either direction', () => {
    expect(stepTo(1.3, 1, 0.5)).toBe(1.5);
    expect(stepTo(1.3, -1, 0.5)).toBe(1);
    expect(stepTo(1.5, 1, 0.5)).toBe(2);
    expect(stepTo(1.5, -1, 0.5)).toBe(1);
    expect(stepTo(2, 1, 0)).toBe(2.01);
  });
});

describe('loading and saving', () => {
  it('keeps booth and zone data, links booths to zones by editor id, and records booths in use', () => {
    const { plan, occupants } = fromFloor(floorFixture());
    expect(plan.zones.map((z) => z.code)).toEqual(['A', 'B']);
    const a02 = booth(plan, 'A02');
    expect(a02.zoneId).toBe(plan.zones[0].id);
    expect(Object.values(occupants).map((o) => o.code).sort()).toEqual(['A02', 'A03']);
    expect(occupants[a02.id]).toEqual({ code: 'A02', status: 'Held', producerName: 'HTX Cam Cao Phong' });
  });

  it('builds the PUT body with zone codes, trimmed codes, rounded numbers and clean amenities', () => {
    let plan = draft();
    const id = booth(plan, 'A01').id;
    plan = updateBooth(plan, id, { code: ' A01 ', x: 2.0000001, amenities: ['power', ' power', '', 'water'] });
    const body = toRequest(plan);
    expect(body.zones[0]).toEqual({ code: 'A', name: 'Thực phẩm', groups: ['Food'] });
    expect(body.booths[0]).toEqual({
      code: 'A01',
      zone: 'A',
      type: 'Standard',
      areaM2: 9,
      priceVnd: 1250000,
      x: 2,
      y: 3,
      w: 3,
      h: 3,
      amenities: ['power', 'water'],
    });
    // a zone without a name is sent with its code as name
    const unnamed = updateZone(plan, plan.zones[1].id, { name: '  ' });
    expect(toRequest(unnamed).zones[1].name).toBe('B');
  });

  it('is dirty only when what would be saved differs', () => {
    const saved = draft();
    expect(isDirty(saved, saved)).toBe(false);
    const id = booth(saved, 'A01').id;
    const moved = updateBooth(saved, id, { x: 5 });
    expect(isDirty(saved, moved)).toBe(true);
    expect(isDirty(saved, updateBooth(moved, id, { x: 2 }))).toBe(false);
    expect(isDirty(saved, updateBooth(saved, id, { code: 'A01 ' }))).toBe(false);
  });
});

describe('geometry', () => {
  it('treats shared edges as touching, not overlapping', () => {
    expect(overlaps({ x: 0, y: 0, w: 3, h: 3 }, { x: 3, y: 0, w: 3, h: 3 })).toBe(false);
    expect(overlaps({ x: 0, y: 0, w: 3, h: 3 }, { x: 2.5, y: 2.5, w: 3, h: 3 })).toBe(true);
  });

  it('finds every booth that overlaps another', () => {
    const found = collisions([
      { id: 'a', x: 0, y: 0, w: 3, h: 3 },
      { id: 'b', x: 3, y: 0, w: 3, h: 3 },
      { id: 'c', x: 5, y: 2, w: 3, h: 3 },
      { id: 'd', x: 20, y: 0, w: 1, h: 1 },
      { id: 'e', x: 0, y: 10, w: 10, h: 1 },
      { id: 'f', x: 9, y: 10.5, w: 1, h: 1 },
    ]);
    expect([...found].sort()).toEqual(['b', 'c', 'e', 'f']);
  });

  it('measures the hall as the server does and leaves spare floor to drag into', () => {
    expect(extent([{ x: 1, y: 2, w: 3, h: 3 }])).toEqual({ width: 5, height: 6 });
    const canvas = canvasSize([{ x: 1, y: 2, w: 30, h: 10 }]);
    expect(canvas.width).toBeGreaterThan(32);
    expect(canvas.height).toBeGreaterThan(13);
  });

  it('clamps rectangles onto the floor', () => {
    expect(clampRect({ x: -2, y: -1, w: 0.1, h: 3 })).toEqual({ x: 0, y: 0, w: MIN_SIZE, h: 3 });
    expect(clampRect({ x: MAX_COORD, y: 0, w: 4, h: 4 })).toEqual({ x: MAX_COORD - 4, y: 0, w: 4, h: 4 });
    expect(clampRect({ x: Number.NaN, y: 1, w: 2, h: 2 }).x).toBe(0);
  });

  it('maps pointer positions to metres on a letterboxed SVG', () => {
    // 30 × 20 m drawn in a 600 × 300 px box: 15 px per metre, 75 px of margin on each side
    const rect = { left: 10, top: 20, width: 600, height: 300 };
    expect(pointerToFloor(rect, { width: 30, height: 20 }, 10 + 75 + 150, 20 + 30)).toEqual({ x: 10, y: 2 });
  });
});

describe('moving and resizing', () => {
  it('moves the lead booth onto the snap grid and keeps the others in step', () => {
    const plan = draft();
    const ids = [booth(plan, 'A01').id, booth(plan, 'A02').id];
    const moved = moveFrom(plan, originsOf(plan, ids), 1.2, 0.7, 0.5, ids[0]);
    expect(booth(moved, 'A01')).toMatchObject({ x: 3, y: 3.5 });
    expect(booth(moved, 'A02')).toMatchObject({ x: 7, y: 3.5 });
    expect(booth(moved, 'A03')).toBe(booth(plan, 'A03'));
  });

  it('stops a group at the hall corner without squeezing it', () => {
    const plan = draft();
    const ids = [booth(plan, 'A01').id, booth(plan, 'A02').id];
    const moved = moveFrom(plan, originsOf(plan, ids), -10, -10, 0.5, ids[1]);
    expect(booth(moved, 'A01')).toMatchObject({ x: 0, y: 0 });
    expect(booth(moved, 'A02')).toMatchObject({ x: 4, y: 0 });
  });

  it('nudges to the next grid line with the arrow keys', () => {
    let plan = draft();
    const id = booth(plan, 'A01').id;
    plan = updateBooth(plan, id, { x: 2.3 });
    expect(booth(nudge(plan, [id], 1, 0, 0.5), 'A01').x).toBe(2.5);
    expect(booth(nudge(plan, [id], -1, 0, 0.5), 'A01').x).toBe(2);
    expect(booth(nudge(plan, [id], 0, 1, 1), 'A01').y).toBe(4);
    expect(booth(nudge(plan, [id], 1, 0, 0), 'A01').x).toBe(2.31);
  });

  it('resizes from the corner on the grid, never below the smallest booth, and keeps a drawn area in step', () => {
    const plan = draft();
    const b = booth(plan, 'A01');
    const origin = originsOf(plan, [b.id]).get(b.id)!;
    const bigger = resizeFrom(plan, b.id, origin, 1.1, 0.4, 0.5);
    expect(booth(bigger, 'A01')).toMatchObject({ x: 2, y: 3, w: 4, h: 3.5, areaM2: 14 });
    const tiny = resizeFrom(plan, b.id, origin, -10, -10, 0.5);
    expect(booth(tiny, 'A01')).toMatchObject({ w: MIN_SIZE, h: MIN_SIZE });
    // an area the organiser set apart from the drawing stays as it is
    const b02 = booth(plan, 'B02'); // 3 × 3 drawn, 12 m² declared
    const resized = resizeStep(plan, b02.id, 1, 0, 1);
    expect(booth(resized, 'B02')).toMatchObject({ w: 4, areaM2: 12 });
  });

  it('clamps typed positions and sizes', () => {
    const plan = draft();
    const id = booth(plan, 'A01').id;
    expect(booth(updateBooth(plan, id, { x: -4, w: 0 }), 'A01')).toMatchObject({ x: 0, w: MIN_SIZE });
  });
});

describe('adding, deleting and zones', () => {
  it('names a new booth after its zone and puts it where it overlaps nothing', () => {
    const plan = draft();
    expect(nextBoothCode(plan, 'A')).toBe('A04');
    expect(nextBoothCode(plan, 'C')).toBe('C01');
    expect(nextBoothCode(plan, 'bad code!')).toBe('N01');
    const { plan: next, id } = addBooth(plan, plan.zones[0].id, 30);
    const added = next.booths.find((b) => b.id === id)!;
    expect(added).toMatchObject({ code: 'A04', zoneId: plan.zones[0].id, type: 'Standard', w: 3, h: 3, areaM2: 9 });
    expect(next.booths.filter((b) => b.id !== id).some((b) => overlaps(b, added))).toBe(false);
    expect(added.x + added.w).toBeLessThanOrEqual(30);
    expect(next.seq).toBe(plan.seq + 1);
  });

  it('finds a free spot below everything when no row has room', () => {
    expect(freeSpot([{ x: 0, y: 0, w: 10, h: 5 }], 3, 3, 10)).toEqual({ x: 1, y: 7 });
  });

  it('assigns booths to a zone, follows a zone renamed, and removes only an empty zone', () => {
    let plan = draft();
    const [a, b] = plan.zones;
    plan = assignZone(plan, [booth(plan, 'A01').id], b.id);
    expect(toRequest(plan).booths[0].zone).toBe('B');
    plan = updateZone(plan, b.id, { code: 'DU' });
    expect(toRequest(plan).booths.filter((x) => x.zone === 'DU').map((x) => x.code)).toEqual(['A01', 'B01', 'B02']);
    expect(removeZone(plan, a.id)).toBe(plan);
    const { plan: withC, id } = addZone(plan, ['Herbal']);
    expect(withC.zones.at(-1)).toMatchObject({ id, code: 'B', groups: ['Herbal'] });
    expect(removeZone(withC, id).zones).toHaveLength(2);
  });
});

describe('checks', () => {
  it('mirrors the server rules with the server codes', () => {
    let plan = draft();
    const [a01, a02, a03] = plan.booths;
    plan = updateBooth(plan, a01.id, { code: 'A 1' });
    plan = updateBooth(plan, a02.id, { code: 'A03' });
    plan = updateBooth(plan, a03.id, { areaM2: 0, priceVnd: -1, zoneId: 'nowhere' });
    plan = updateZone(plan, plan.zones[1].id, { code: 'A', groups: [] });
    const errors = validatePlan(plan);
    expect(errors.booths[a01.id]).toEqual({ code: ['invalidCode'] });
    // A02 renamed A03 comes first, so the real A03 is the duplicate
    expect(errors.booths[a03.id]).toEqual({
      code: ['duplicate'],
      zone: ['unknownZone'],
      areaM2: ['outOfRange'],
      priceVnd: ['negative'],
    });
    expect(errors.zones[plan.zones[1].id]).toEqual({ code: ['duplicate'], groups: ['required'] });
    // booths of the duplicate zone name a code the plan has: only the zone is wrong, as the server says
    expect(errors.booths[plan.booths[3].id]).toBeUndefined();
    expect(errorCount(errors)).toBe(7);
    expect(errorCount(validatePlan(draft()))).toBe(0);
  });

  it('places server errors on what was sent at each index', () => {
    const errors = mapServerErrors(
      { 'booths[1].code': ['Mã bị trùng.'], 'zones[0].Groups': ['Bắt buộc nhập.'], booths: ['Quá nhiều mục.'], 'booths[9].x': ['?'] },
      ['z0'],
      ['b7', 'b3'],
    );
    expect(errors.booths).toEqual({ b3: { code: ['Mã bị trùng.'] } });
    expect(errors.zones).toEqual({ z0: { groups: ['Bắt buộc nhập.'] } });
    expect(errors.general).toEqual(['booths: Quá nhiều mục.', 'booths[9].x: ?']);
  });

  it('lists booths in use whose code the draft dropped', () => {
    const { plan, occupants } = fromFloor(floorFixture());
    expect(lostInUse(plan, occupants)).toEqual([]);
    const without = { ...plan, booths: plan.booths.filter((b) => b.code !== 'A03') };
    const renamed = updateBooth(without, booth(plan, 'A02').id, { code: 'A02X' });
    expect(lostInUse(renamed, occupants).map((o) => o.code)).toEqual(['A02', 'A03']);
  });

  it('numbers CSV errors by data row', () => {
    expect(csvErrorLines({ 'rows[3].type': ['x'], 'booths[0].code': ['y'], csv: ['z'] })).toEqual([
      { row: 3, field: 'type', messages: ['x'] },
      { row: 1, field: 'code', messages: ['y'] },
      { row: null, field: 'csv', messages: ['z'] },
    ]);
  });
});

describe('the grid form', () => {
  it('starts from the plan or from the fair groups', () => {
    expect(gridFormFor(fromFloor({ zones: [], booths: [] }).plan, ['Food', 'Herbal']).zones).toEqual([
      { code: 'A', name: '', groups: ['Food'], booths: '10' },
    ]);
    const form = gridFormFor(draft());
    expect(form.zones.map((z) => [z.code, z.booths])).toEqual([
      ['A', '3'],
      ['B', '2'],
    ]);
    expect(form.priceVnd).toBe('1250000');
  });

  it('checks the limits the server checks and builds the request', () => {
    const ok = gridFormToRequest({
      zones: [{ code: 'A', name: ' Thực phẩm ', groups: ['Food'], booths: '12' }],
      perRow: '6',
      boothWidth: '3,5',
      boothDepth: '3',
      priceVnd: '2.000.000',
    });
    expect(ok.errors).toEqual({});
    expect(ok.request).toEqual({
      zones: [{ code: 'A', name: 'Thực phẩm', groups: ['Food'], booths: 12 }],
      perRow: 6,
      boothWidth: 3.5,
      boothDepth: 3,
      priceVnd: 2000000,
    });
    const bad = gridFormToRequest({
      zones: [
        { code: 'A', name: '', groups: [], booths: '0' },
        { code: 'A', name: '', groups: ['Food'], booths: '2.5' },
      ],
      perRow: '101',
      boothWidth: '0',
      boothDepth: '51',
      priceVnd: '-1',
    });
    expect(bad.request).toBeNull();
    expect(bad.errors).toEqual({
      'zones[0].groups': ['required'],
      'zones[0].booths': ['outOfRange'],
      'zones[1].code': ['duplicate'],
      'zones[1].booths': ['outOfRange'],
      perRow: ['outOfRange'],
      boothWidth: ['outOfRange'],
      boothDepth: ['outOfRange'],
      priceVnd: ['negative'],
    });
    expect(isCode('A-1_b')).toBe(true);
  });
});

describe('the editor reducer', () => {
  it('makes a drag one undo step, and undo and redo walk the history', () => {
    let s = loaded();
    const id = booth(s.plan, 'A01').id;
    s = run(s, { type: 'select', ids: [id] });
    const origins = originsOf(s.plan, [id]);
    s = run(
      s,
      { type: 'checkpoint' },
      { type: 'move', origins, dx: 1, dy: 0, step: 0.5, lead: id },
      { type: 'move', origins, dx: 2, dy: 0, step: 0.5, lead: id },
    );
    expect(booth(s.plan, 'A01').x).toBe(4);
    expect(s.past).toHaveLength(1);
    s = run(s, { type: 'nudge', dirX: 0, dirY: 1, step: 0.5 });
    expect(booth(s.plan, 'A01').y).toBe(3.5);
    expect(s.past).toHaveLength(2);
    s = run(s, { type: 'undo' }, { type: 'undo' });
    expect(booth(s.plan, 'A01')).toMatchObject({ x: 2, y: 3 });
    expect(isDirty(s.saved, s.plan)).toBe(false);
    s = run(s, { type: 'redo' });
    expect(booth(s.plan, 'A01').x).toBe(4);
    expect(s.future).toHaveLength(1);
    // a new edit drops what could be redone
    s = run(s, { type: 'updateBooth', id, patch: { priceVnd: 1 } });
    expect(s.future).toHaveLength(0);
  });

  it('makes typing on in one field a single undo step', () => {
    let s = loaded();
    const id = booth(s.plan, 'A01').id;
    s = run(
      s,
      { type: 'updateBooth', id, patch: { code: 'X' } },
      { type: 'updateBooth', id, patch: { code: 'X1' } },
      { type: 'updateBooth', id, patch: { code: 'X12' } },
    );
    expect(s.past).toHaveLength(1);
    s = run(s, { type: 'updateBooth', id, patch: { priceVnd: 5 } }, { type: 'updateZone', id: s.plan.zones[0].id, patch: { name: 'T' } });
    expect(s.past).toHaveLength(3);
    s = run(s, { type: 'undo' }, { type: 'undo' }, { type: 'undo' });
    expect(booth(s.plan, 'A01').code).toBe('A01');
  });

  it('selects, toggles and selects a zone', () => {
    let s = loaded();
    const [a01, a02] = s.plan.booths;
    s = run(s, { type: 'select', ids: [a01.id] }, { type: 'select', ids: [a02.id], mode: 'toggle' });
    expect(s.selected).toEqual([a01.id, a02.id]);
    s = run(s, { type: 'select', ids: [a01.id], mode: 'toggle' });
    expect(s.selected).toEqual([a02.id]);
    s = run(s, { type: 'selectZone', zoneId: s.plan.zones[1].id });
    expect(s.selected.map((id) => s.plan.booths.find((b) => b.id === id)!.code)).toEqual(['B01', 'B02']);
  });

  it('adds, assigns, deletes and forgets deleted booths on undo', () => {
    let s = loaded();
    s = run(s, { type: 'addBooth', zoneId: s.plan.zones[1].id, width: 30 });
    const added = s.plan.booths.at(-1)!;
    expect(added.code).toBe('B03');
    expect(s.selected).toEqual([added.id]);
    s = run(s, { type: 'assignZone', zoneId: s.plan.zones[0].id });
    expect(toRequest(s.plan).booths.at(-1)!.zone).toBe('A');
    s = run(s, { type: 'deleteSelected' });
    expect(s.plan.booths).toHaveLength(5);
    expect(s.selected).toEqual([]);
    s = run(s, { type: 'undo' }, { type: 'select', ids: [added.id] }, { type: 'undo' }, { type: 'undo' });
    expect(s.plan.booths).toHaveLength(5);
    expect(s.selected).toEqual([]);
  });

  it('clears an error once its field is edited, and keeps the selection across a reload by code', () => {
    let s = loaded();
    const id = booth(s.plan, 'A01').id;
    s = run(s, { type: 'select', ids: [id] }, { type: 'errors', errors: mapServerErrors({ 'booths[0].code': ['bad'], 'booths[0].position': ['x'] }, [], [id]) });
    s = run(s, { type: 'updateBooth', id, patch: { code: 'A9' } });
    expect(s.errors.booths[id]).toEqual({ position: ['x'] });
    s = run(s, { type: 'updateBooth', id, patch: { w: 4 } });
    expect(s.errors.booths[id]).toBeUndefined();
    s = run(s, { type: 'load', floor: { ...floorFixture(9), booths: [...floorFixture().booths.slice(1), { ...floorFixture().booths[0], code: 'A9' }] } });
    expect(s.version).toBe(9);
    expect(s.selected.map((x) => s.plan.booths.find((b) => b.id === x)!.code)).toEqual(['A9']);
    expect(s.past).toEqual([]);
  });

  it('resizes only a single selection with the keyboard', () => {
    let s = loaded();
    const [a01, a02] = s.plan.booths;
    s = run(s, { type: 'select', ids: [a01.id, a02.id] }, { type: 'resizeStep', dirW: 1, dirH: 0, step: 1 });
    expect(s.plan.booths[0].w).toBe(3);
    s = run(s, { type: 'select', ids: [a01.id] }, { type: 'resizeStep', dirW: 1, dirH: 1, step: 1 });
    expect(s.plan.booths[0]).toMatchObject({ w: 4, h: 4, areaM2: 16 });
  });
});
