// The floor-plan editor's data and actions, so FloorPlanPage is markup: the fair and the floor (from the query
// cache), the draft in the editor's reducer (lib/floorPlan/editorState), the unsaved-changes guard, keyboard undo,
// and the three writes of a whole plan (save, grid, CSV) that load the floor the server answers into the draft and
// the cache, or explain the refusal on the booths and zones it names.

import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ApiError, api, errorMessage } from '../lib/api';
import type { FieldErrors } from '../lib/catalogue';
import type { Occupant, PlanDraft } from '../lib/floorPlan/draft';
import { INITIAL_EDITOR, editorReducer } from '../lib/floorPlan/editorState';
import { DEFAULT_SNAP, canvasSize, collisions } from '../lib/floorPlan/geometry';
import type { Origin } from '../lib/floorPlan/moves';
import { csvErrorLines, isDirty, toRequest } from '../lib/floorPlan/serialization';
import { errorCount, lostInUse, mapServerErrors, validatePlan } from '../lib/floorPlan/validation';
import { fieldErrorsOf } from '../lib/forms';
import { useUnsavedChangesGuard } from '../lib/navigation';
import { fairQuery, floorQuery, keys } from '../lib/queries';
import type { Floor, GridRequest } from '../lib/types';

type Translate = (key: string, options?: Record<string, unknown>) => string;
export type Busy = 'save' | 'grid' | 'csv' | null;
export type Replace = { kind: 'grid'; request: GridRequest } | { kind: 'csv'; text: string; name: string };

/** A file's text (FileReader where Blob.text is missing). */
function readText(file: File): Promise<string> {
  if (typeof file.text === 'function') return file.text();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result ?? ''));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file);
  });
}

export interface Message {
  kind: 'ok' | 'error';
  text: string;
  lines?: string[];
}

/** The text of a 409 when booths in use would disappear: the server's, or the codes this draft drops. */
function inUseMessage(error: ApiError, lost: readonly Occupant[], t: Translate): Message {
  const title = error.problem.title || t('editor.inUseRefused');
  const detail = error.problem.detail;
  const lines = lost.map((o) => t(`editorLostLine.${o.status}`, { code: o.code, producer: o.producerName ?? '' }));
  return { kind: 'error', text: detail && lines.length === 0 ? `${title} — ${detail}` : title, lines };
}

export function useFloorPlanEditor(fairId: string) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const fairResult = useQuery(fairQuery(fairId));
  const fair = fairResult.data ?? null;
  const fairError = fairResult.error;
  const [state, dispatch] = useReducer(editorReducer, INITIAL_EDITOR);
  const [loaded, setLoaded] = useState(false);
  const [step, setStep] = useState(DEFAULT_SNAP);
  const [busy, setBusy] = useState<Busy>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [gridErrors, setGridErrors] = useState<FieldErrors>({});
  const [replace, setReplace] = useState<Replace | null>(null);
  const [addZoneId, setAddZoneId] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const announceNext = useRef(false);

  // The draft starts from the floor as the server has it now (a floor cached by the map page is fetched again), once:
  // a later answer must not throw away what the organiser is drawing.
  const floorResult = useQuery({ ...floorQuery(queryClient, fairId), refetchOnMount: 'always' });
  const fetched = floorResult.isFetchedAfterMount ? floorResult.data : undefined;
  useEffect(() => {
    if (loaded || !fetched) return;
    dispatch({ type: 'load', floor: fetched });
    setLoaded(true);
  }, [loaded, fetched]);

  useEffect(() => {
    document.title = `${t('editor.title')}${fair ? ` · ${fair.name}` : ''} · ${t('app.name')}`;
  }, [fair, t]);

  const { plan, selected, occupants, errors } = state;
  const dirty = useMemo(() => isDirty(state.saved, plan), [state.saved, plan]);
  useUnsavedChangesGuard(dirty, t('editor.leaveConfirm'));
  const overlapping = useMemo(() => collisions(plan.booths), [plan.booths]);
  const invalid = useMemo(() => new Set(Object.keys(errors.booths)), [errors.booths]);
  const canvas = useMemo(() => canvasSize(plan.booths), [plan.booths]);
  const lost = useMemo(() => lostInUse(plan, occupants), [plan, occupants]);
  const single = selected.length === 1 ? plan.booths.find((b) => b.id === selected[0]) : undefined;
  const zoneForNew = plan.zones.some((z) => z.id === addZoneId) ? addZoneId : (single?.zoneId ?? plan.zones[0]?.id ?? '');

  // Tell screen-reader users where a keyboard move left the booth.
  useEffect(() => {
    if (!announceNext.current) return;
    announceNext.current = false;
    const b = plan.booths.find((x) => x.id === selected[0]);
    if (b) setAnnouncement(t('editor.announce', { code: b.code, x: b.x, y: b.y, w: b.w, h: b.h }));
  }, [plan, selected, t]);

  // Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y outside text fields.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey)) return;
      const target = e.target as HTMLElement | null;
      if (target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT')) return;
      const key = e.key.toLowerCase();
      if (key === 'z') {
        e.preventDefault();
        dispatch({ type: e.shiftKey ? 'redo' : 'undo' });
      } else if (key === 'y') {
        e.preventDefault();
        dispatch({ type: 'redo' });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  /** A plan the server stored: the draft starts again from it, and the cache has the new floor and booth count. */
  const loadFloor = (floor: Floor, text: string) => {
    dispatch({ type: 'load', floor });
    setMessage({ kind: 'ok', text });
    queryClient.setQueryData(keys.floor(fairId), floor);
    void queryClient.invalidateQueries({ queryKey: keys.fair(fairId), exact: true });
  };

  /**
   * One write of the whole plan (save, grid, CSV): shows it as busy, loads the floor the server answers, and explains
   * a refusal. A 400 goes to `invalid`, which answers whether it could say more than the generic message; a 409 for
   * booths in use names them (`lost`: the booths that write would have removed).
   */
  const writePlan = async (
    kind: Exclude<Busy, null>,
    call: () => Promise<Floor>,
    done: (floor: Floor) => string,
    invalid: (e: ApiError) => boolean,
    lost: () => readonly Occupant[] = () => [],
  ) => {
    setBusy(kind);
    setMessage(null);
    try {
      const floor = await call();
      loadFloor(floor, done(floor));
    } catch (e) {
      if (e instanceof ApiError && e.status === 400 && invalid(e)) {
        return;
      }
      if (e instanceof ApiError && e.status === 409 && e.problem.code === 'floorPlan.boothInUse') {
        setMessage(inUseMessage(e, lost(), t));
      } else {
        setMessage({ kind: 'error', text: errorMessage(e) });
      }
    } finally {
      setBusy(null);
    }
  };

  const save = async () => {
    const sent: PlanDraft = plan;
    const local = validatePlan(sent);
    if (errorCount(local) > 0) {
      dispatch({ type: 'errors', errors: local });
      setMessage({ kind: 'error', text: t('editor.fixErrors') });
      return;
    }
    await writePlan(
      'save',
      () => api.saveFloorPlan(fairId, toRequest(sent)),
      (floor) => t('editor.saved', { count: floor.booths.length }),
      (e) => {
        if (!e.problem.errors) return false;
        const mapped = mapServerErrors(
          e.problem.errors,
          sent.zones.map((z) => z.id),
          sent.booths.map((b) => b.id),
        );
        dispatch({ type: 'errors', errors: mapped });
        setMessage({ kind: 'error', text: e.problem.title || t('editor.fixErrors') });
        return true;
      },
      () => lostInUse(sent, occupants),
    );
  };

  const generate = async (request: GridRequest) => {
    setReplace(null);
    setGridErrors({});
    await writePlan(
      'grid',
      () => api.generateGrid(fairId, request),
      (floor) => t('editor.generated', { count: floor.booths.length }),
      (e) => {
        setGridErrors(fieldErrorsOf(e));
        setMessage({ kind: 'error', text: e.problem.title || t('editor.fixErrors') });
        return true;
      },
    );
  };

  const importCsv = async (text: string) => {
    setReplace(null);
    await writePlan(
      'csv',
      () => api.importFloorPlanCsv(fairId, text),
      (floor) => t('editor.imported', { count: floor.booths.length }),
      (e) => {
        if (!e.problem.errors) return false;
        const lines = csvErrorLines(e.problem.errors).map((l) =>
          l.row === null
            ? `${l.field}: ${l.messages.join(' ')}`
            : t('editor.csvRow', { row: l.row, field: l.field, message: l.messages.join(' ') }),
        );
        setMessage({ kind: 'error', text: e.problem.title || t('editor.csvInvalid'), lines });
        return true;
      },
    );
  };

  const onGenerate = (request: GridRequest) => {
    if (plan.booths.length > 0 || dirty) setReplace({ kind: 'grid', request });
    else void generate(request);
  };

  const importFile = async (file: File) => {
    const text = await readText(file);
    if (dirty) setReplace({ kind: 'csv', text, name: file.name });
    else void importCsv(text);
  };

  const selectBoothsWithErrors = useCallback((id: string) => dispatch({ type: 'select', ids: [id] }), []);
  const onSelect = useCallback((ids: string[], mode: 'replace' | 'toggle' | 'add') => dispatch({ type: 'select', ids, mode }), []);
  const onCheckpoint = useCallback(() => dispatch({ type: 'checkpoint' }), []);
  const onMove = useCallback(
    (origins: ReadonlyMap<string, Origin>, dx: number, dy: number, lead: string) =>
      dispatch({ type: 'move', origins, dx, dy, step, lead }),
    [step],
  );
  const onResize = useCallback(
    (id: string, origin: Origin, dw: number, dh: number) =>
      dispatch({ type: 'resize', id, origin, dw, dh, step }),
    [step],
  );
  const onNudge = useCallback(
    (dirX: -1 | 0 | 1, dirY: -1 | 0 | 1) => {
      announceNext.current = true;
      dispatch({ type: 'nudge', dirX, dirY, step });
    },
    [step],
  );
  const onResizeStep = useCallback(
    (dirW: -1 | 0 | 1, dirH: -1 | 0 | 1) => {
      announceNext.current = true;
      dispatch({ type: 'resizeStep', dirW, dirH, step });
    },
    [step],
  );
  const onDelete = useCallback(() => dispatch({ type: 'deleteSelected' }), []);

  return {
    fair,
    notFound: fairError instanceof ApiError && fairError.status === 404,
    loaded,
    loadError: loaded ? null : floorResult.error,
    reload: () => void floorResult.refetch(),
    state,
    dispatch,
    dirty,
    overlapping,
    invalid,
    canvas,
    lost,
    single,
    zoneForNew,
    setAddZoneId,
    step,
    setStep,
    busy,
    message,
    gridErrors,
    replace,
    cancelReplace: () => setReplace(null),
    confirmReplace: () => {
      if (replace) void (replace.kind === 'grid' ? generate(replace.request) : importCsv(replace.text));
    },
    announcement,
    save: () => void save(),
    onGenerate,
    importFile: (file: File) => void importFile(file),
    onSelect,
    onCheckpoint,
    onMove,
    onResize,
    onNudge,
    onResizeStep,
    onDelete,
    selectBooth: selectBoothsWithErrors,
  };
}
