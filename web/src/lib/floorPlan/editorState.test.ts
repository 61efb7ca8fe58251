import { describe, expect, it } from 'vitest';
import { INITIAL_EDITOR, editorReducer, type EditorAction, type EditorState } from './editorState';
import { originsOf } from './moves';
import { isDirty, toRequest } from './serialization';
import { mapServerErrors } from './validation';
import { floorFixture } from '../../test/fixtures';
import { boothOf } from '../../test/plans';

const run = (state: EditorState, ...actions: EditorAction[]) => actions.reduce(editorReducer, state);
const loaded = () => run(INITIAL_EDITOR, { type: 'load', floor: floorFixture(7) });

describe('the editor reducer', () => {
  it('makes a drag one undo step, and undo and redo walk the history', () => {
    let s = loaded();
    const id = boothOf(s.plan, 'A01').id;
    s = run(s, { type: 'select', ids: [id] });
    const origins = originsOf(s.plan, [id]);
    s = run(
      s,
      { type: 'checkpoint' },
      { type: 'move', origins, dx: 1, dy: 0, step: 0.5, lead: id },
      { type: 'move', origins, dx: 2, dy: 0, step: 0.5, lead: id },
    );
    expect(boothOf(s.plan, 'A01').x).toBe(4);
    expect(s.past).toHaveLength(1);
    s = run(s, { type: 'nudge', dirX: 0, dirY: 1, step: 0.5 });
    expect(boothOf(s.plan, 'A01').y).toBe(3.5);
    expect(s.past).toHaveLength(2);
    s = run(s, { type: 'undo' }, { type: 'undo' });
    expect(boothOf(s.plan, 'A01')).toMatchObject({ x: 2, y: 3 });
    expect(isDirty(s.saved, s.plan)).toBe(false);
    s = run(s, { type: 'redo' });
    expect(boothOf(s.plan, 'A01').x).toBe(4);
    expect(s.future).toHaveLength(1);
    // a new edit drops what could be redone
    s = run(s, { type: 'updateBooth', id, patch: { priceVnd: 1 } });
    expect(s.future).toHaveLength(0);
  });

  it('makes typing on in one field a single undo step', () => {
    let s = loaded();
    const id = boothOf(s.plan, 'A01').id;
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
    expect(boothOf(s.plan, 'A01').code).toBe('A01');
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
    const id = boothOf(s.plan, 'A01').id;
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
