// The floor-plan editor's state and its reducer: the draft, what is saved, the selection (the first booth leads a
// keyboard move), undo and redo, and the errors shown. The page draws it and turns pointer and key events into its
// actions.

import type { FieldErrors } from '../catalogue';
import type { Floor, ProductGroup } from '../types';
import { addBooth, deleteBooths, updateBooth } from './boothEdits';
import { type BoothPatch, type DraftZone, EMPTY_PLAN, type Occupant, type PlanDraft } from './draft';
import { moveFrom, nudge, type Origin, resizeFrom, resizeStep } from './moves';
import { fromFloor } from './serialization';
import { NO_ERRORS, type PlanErrors } from './validation';
import { addZone, assignZone, removeZone, updateZone } from './zones';

export const HISTORY_LIMIT = 50;

export interface EditorState {
  /** What the server has (the last load or save). */
  saved: PlanDraft;
  plan: PlanDraft;
  occupants: Record<string, Occupant>;
  /** Selected booth ids; the first is the lead of a keyboard move. */
  selected: string[];
  past: PlanDraft[];
  future: PlanDraft[];
  errors: PlanErrors;
  /** The floor version the draft started from. */
  version: number | null;
  /** The field last typed into: typing on in it adds no further undo steps. */
  lastEdit: string | null;
}

export const INITIAL_EDITOR: EditorState = {
  saved: EMPTY_PLAN,
  plan: EMPTY_PLAN,
  occupants: {},
  selected: [],
  past: [],
  future: [],
  errors: NO_ERRORS,
  version: null,
  lastEdit: null,
};

export type SelectMode = 'replace' | 'toggle' | 'add';

export type EditorAction =
  | { type: 'load'; floor: Pick<Floor, 'zones' | 'booths'> & { version?: number } }
  | { type: 'select'; ids: readonly string[]; mode?: SelectMode }
  | { type: 'selectZone'; zoneId: string }
  /** Before a drag changes anything: one undo step for the whole gesture. */
  | { type: 'checkpoint' }
  | { type: 'move'; origins: ReadonlyMap<string, Origin>; dx: number; dy: number; step: number; lead?: string }
  | { type: 'resize'; id: string; origin: Origin; dw: number; dh: number; step: number }
  | { type: 'nudge'; dirX: -1 | 0 | 1; dirY: -1 | 0 | 1; step: number }
  | { type: 'resizeStep'; dirW: -1 | 0 | 1; dirH: -1 | 0 | 1; step: number }
  | { type: 'updateBooth'; id: string; patch: BoothPatch }
  | { type: 'addBooth'; zoneId: string; width: number }
  | { type: 'deleteSelected' }
  | { type: 'assignZone'; zoneId: string }
  | { type: 'addZone'; groups?: readonly ProductGroup[] }
  | { type: 'updateZone'; id: string; patch: Partial<Omit<DraftZone, 'id'>> }
  | { type: 'removeZone'; id: string }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'errors'; errors: PlanErrors };

/** A new plan from an edit: the old one goes on the undo stack (unless a gesture's checkpoint is already there). */
function commit(state: EditorState, plan: PlanDraft, record = true, patch: Partial<EditorState> = {}): EditorState {
  if (plan === state.plan) return Object.keys(patch).length ? { ...state, ...patch } : state;
  const lastEdit = patch.lastEdit ?? null;
  const recorded = record && !(lastEdit !== null && lastEdit === state.lastEdit);
  const past = recorded ? [...state.past, state.plan].slice(-HISTORY_LIMIT) : state.past;
  return { ...state, ...patch, plan, past, future: recorded ? [] : state.future, lastEdit };
}

/** Fields of a booth that an edit of `patch` answers; position errors go with x, y, w and h. */
function touchedFields(patch: BoothPatch): string[] {
  const fields = Object.keys(patch).map((k) => (k === 'zoneId' ? 'zone' : k));
  if (fields.some((f) => f === 'x' || f === 'y' || f === 'w' || f === 'h')) fields.push('position');
  return fields;
}

function dropFields(record: Record<string, FieldErrors>, id: string, fields: readonly string[]): Record<string, FieldErrors> {
  const current = record[id];
  if (!current || !fields.some((f) => f in current)) return record;
  const left: FieldErrors = { ...current };
  for (const f of fields) delete left[f];
  const next = { ...record };
  if (Object.keys(left).length === 0) delete next[id];
  else next[id] = left;
  return next;
}

const editKey = (kind: string, id: string, patch: object) => `${kind}:${id}:${Object.keys(patch).sort().join(',')}`;

function keepSelected(selected: readonly string[], plan: PlanDraft): string[] {
  const ids = new Set(plan.booths.map((b) => b.id));
  const kept = selected.filter((id) => ids.has(id));
  return kept.length === selected.length ? (selected as string[]) : kept;
}

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'load': {
      const { plan, occupants } = fromFloor(action.floor);
      // Keep the same booths selected across a save, by code.
      const codes = new Set(state.plan.booths.filter((b) => state.selected.includes(b.id)).map((b) => b.code));
      const selected = plan.booths.filter((b) => codes.has(b.code)).map((b) => b.id);
      return {
        ...INITIAL_EDITOR,
        saved: plan,
        plan,
        occupants,
        selected,
        version: action.floor.version ?? null,
      };
    }
    case 'select': {
      if (action.ids.length === 0 && state.selected.length === 0) return state;
      const mode = action.mode ?? 'replace';
      let selected: string[];
      if (mode === 'replace') selected = [...action.ids];
      else if (mode === 'add') selected = [...state.selected, ...action.ids.filter((id) => !state.selected.includes(id))];
      else {
        selected = state.selected.filter((id) => !action.ids.includes(id));
        for (const id of action.ids) if (!state.selected.includes(id)) selected.push(id);
      }
      return { ...state, selected };
    }
    case 'selectZone':
      return { ...state, selected: state.plan.booths.filter((b) => b.zoneId === action.zoneId).map((b) => b.id) };
    case 'checkpoint':
      return { ...state, past: [...state.past, state.plan].slice(-HISTORY_LIMIT), future: [], lastEdit: null };
    case 'move': {
      const plan = moveFrom(state.plan, action.origins, action.dx, action.dy, action.step, action.lead);
      let booths = state.errors.booths;
      for (const id of action.origins.keys()) booths = dropFields(booths, id, ['position']);
      return commit(state, plan, false, booths === state.errors.booths ? {} : { errors: { ...state.errors, booths } });
    }
    case 'resize': {
      const plan = resizeFrom(state.plan, action.id, action.origin, action.dw, action.dh, action.step);
      const booths = dropFields(state.errors.booths, action.id, ['position', 'areaM2']);
      return commit(state, plan, false, booths === state.errors.booths ? {} : { errors: { ...state.errors, booths } });
    }
    case 'nudge':
      return commit(state, nudge(state.plan, state.selected, action.dirX, action.dirY, action.step));
    case 'resizeStep':
      return state.selected.length === 1
        ? commit(state, resizeStep(state.plan, state.selected[0], action.dirW, action.dirH, action.step))
        : state;
    case 'updateBooth': {
      const plan = updateBooth(state.plan, action.id, action.patch);
      const booths = dropFields(state.errors.booths, action.id, touchedFields(action.patch));
      const lastEdit = editKey('b', action.id, action.patch);
      return commit(state, plan, true, booths === state.errors.booths ? { lastEdit } : { lastEdit, errors: { ...state.errors, booths } });
    }
    case 'addBooth': {
      const { plan, id } = addBooth(state.plan, action.zoneId, action.width);
      return commit(state, plan, true, { selected: [id] });
    }
    case 'deleteSelected': {
      const plan = deleteBooths(state.plan, state.selected);
      return commit(state, plan, true, { selected: [] });
    }
    case 'assignZone': {
      const plan = assignZone(state.plan, state.selected, action.zoneId);
      let booths = state.errors.booths;
      for (const id of state.selected) booths = dropFields(booths, id, ['zone']);
      return commit(state, plan, true, { errors: { ...state.errors, booths } });
    }
    case 'addZone':
      return commit(state, addZone(state.plan, action.groups).plan);
    case 'updateZone': {
      const plan = updateZone(state.plan, action.id, action.patch);
      const zones = dropFields(state.errors.zones, action.id, Object.keys(action.patch));
      const lastEdit = editKey('z', action.id, action.patch);
      return commit(state, plan, true, zones === state.errors.zones ? { lastEdit } : { lastEdit, errors: { ...state.errors, zones } });
    }
    case 'removeZone':
      return commit(state, removeZone(state.plan, action.id));
    case 'undo': {
      if (state.past.length === 0) return state;
      const plan = state.past[state.past.length - 1];
      return {
        ...state,
        plan,
        past: state.past.slice(0, -1),
        future: [state.plan, ...state.future].slice(0, HISTORY_LIMIT),
        selected: keepSelected(state.selected, plan),
        lastEdit: null,
      };
    }
    case 'redo': {
      if (state.future.length === 0) return state;
      const plan = state.future[0];
      return {
        ...state,
        plan,
        past: [...state.past, state.plan].slice(-HISTORY_LIMIT),
        future: state.future.slice(1),
        selected: keepSelected(state.selected, plan),
        lastEdit: null,
      };
    }
    case 'errors':
      return { ...state, errors: action.errors };
  }
}
