import { useCallback, useEffect, useMemo, useReducer, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PageError } from '../components/PageError';
import { ConfirmBox } from '../components/ConfirmBox';
import { FairStatusBadge } from '../components/FairStatusBadge';
import { PlanCanvas } from '../components/PlanCanvas';
import { BoothProperties, GridSection, SelectionPanel, ZonesEditor } from '../components/PlanEditorPanels';
import { ApiError, api, errorMessage } from '../lib/api';
import type { FieldErrors } from '../lib/catalogue';
import {
  DEFAULT_SNAP,
  INITIAL_EDITOR,
  NO_ERRORS,
  SNAP_STEPS,
  canvasSize,
  collisions,
  csvErrorLines,
  editorReducer,
  errorCount,
  gridFormFor,
  isDirty,
  lostInUse,
  mapServerErrors,
  toRequest,
  validatePlan,
  type Occupant,
  type Origin,
  type PlanDraft,
  type PlanErrors,
} from '../lib/floorPlanEditor';
import { fieldErrorsOf } from '../lib/forms';
import { RequireRole } from '../lib/guard';
import { Link, useBlocker } from '../lib/router';
import type { Floor, GridRequest } from '../lib/types';
import { useFair } from '../lib/useFair';

type Translate = (key: string, options?: Record<string, unknown>) => string;
type Busy = 'save' | 'grid' | 'csv' | null;
type Replace = { kind: 'grid'; request: GridRequest } | { kind: 'csv'; text: string; name: string };

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

interface Message {
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

function FloorPlanEditor({ fairId }: { fairId: string }) {
  const { t } = useTranslation();
  const [fairTick, setFairTick] = useState(0);
  const { fair, error: fairError } = useFair(fairId, fairTick);
  const [state, dispatch] = useReducer(editorReducer, INITIAL_EDITOR);
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [attempt, setAttempt] = useState(0);
  const [step, setStep] = useState(DEFAULT_SNAP);
  const [busy, setBusy] = useState<Busy>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [gridErrors, setGridErrors] = useState<FieldErrors>({});
  const [replace, setReplace] = useState<Replace | null>(null);
  const [addZoneId, setAddZoneId] = useState('');
  const [announcement, setAnnouncement] = useState('');
  const announceNext = useRef(false);
  const fileInput = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const abort = new AbortController();
    setLoadError(null);
    api
      .floor(fairId, abort.signal)
      .then((floor) => {
        dispatch({ type: 'load', floor });
        setLoaded(true);
      })
      .catch((e: unknown) => {
        if (!abort.signal.aborted) setLoadError(e);
      });
    return () => abort.abort();
  }, [fairId, attempt]);

  useEffect(() => {
    document.title = `${t('editor.title')}${fair ? ` · ${fair.name}` : ''} · ${t('app.name')}`;
  }, [fair, t]);

  const { plan, selected, occupants, errors } = state;
  const dirty = useMemo(() => isDirty(state.saved, plan), [state.saved, plan]);
  useBlocker(dirty, t('editor.leaveConfirm'));
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

  const loadFloor = (floor: Floor, text: string) => {
    dispatch({ type: 'load', floor });
    setMessage({ kind: 'ok', text });
    setFairTick((n) => n + 1); // the booth count changed
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

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
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

  const errorLines = useMemo(() => summaryLines(errors, plan, t), [errors, plan, t]);
  const boothCodeOf = (id: string) => plan.booths.find((b) => b.id === id)?.code || '?';

  if (fairError instanceof ApiError && fairError.status === 404) {
    return <PageError message={t('fair.notFound')} />;
  }

  const fairLink = `/fairs/${encodeURIComponent(fairId)}`;
  return (
    <main className="page page--wide pe-page">
      <p className="crumb">
        <Link to={fairLink}>← {fair?.name ?? t('nav.fairs')}</Link>
      </p>
      <div className="fair-head__title">
        <h1>{t('editor.title')}</h1>
        {fair && <FairStatusBadge status={fair.status} />}
      </div>
      {fair && fair.status !== 'Draft' && <p className="notice small">{t('editor.liveWarning')}</p>}

      {!loaded ? (
        loadError ? (
          <div className="error" role="alert">
            <p>{errorMessage(loadError)}</p>
            <button type="button" className="btn" onClick={() => setAttempt((n) => n + 1)}>
              {t('common.retry')}
            </button>
          </div>
        ) : (
          <p className="muted">{t('common.loading')}</p>
        )
      ) : (
        <>
          <GridSection
            // A new plan, or the fair's groups arriving after the floor, start the form afresh.
            key={`${state.version ?? 'new'}-${fair ? 'fair' : 'nofair'}`}
            initial={gridFormFor(state.saved, fair?.acceptedGroups ?? [])}
            open={state.saved.booths.length === 0}
            busy={busy === 'grid'}
            serverErrors={gridErrors}
            onGenerate={onGenerate}
          />
          {replace && (
            <ConfirmBox
              message={replace.kind === 'grid' ? t('editor.confirmGrid') : t('editor.confirmCsv', { name: replace.name })}
              confirmLabel={replace.kind === 'grid' ? t('editor.generate') : t('editor.importCsv')}
              busy={busy !== null}
              onConfirm={() => void (replace.kind === 'grid' ? generate(replace.request) : importCsv(replace.text))}
              onCancel={() => setReplace(null)}
              testId="replace-confirm"
            />
          )}

          <section className="section map-section" aria-labelledby="plan-title">
            <div className="map-toolbar">
              <h2 id="plan-title">{t('editor.planTitle')}</h2>
              <p className="pe-status small" data-testid="plan-status" data-dirty={dirty ? 'true' : 'false'}>
                {dirty ? (
                  <span className="badge badge--unsaved" data-testid="plan-dirty">
                    {t('editor.unsaved')}
                  </span>
                ) : (
                  <span className="muted">{t('editor.allSaved')}</span>
                )}{' '}
                <span className="muted">
                  {t('fairs.booths', { count: plan.booths.length })} · {t('editor.zoneCount', { count: plan.zones.length })}
                </span>
              </p>
            </div>
            <div className="pe-toolbar" role="toolbar" aria-label={t('editor.tools')}>
              <button
                type="button"
                className="btn btn--accent"
                onClick={() => void save()}
                disabled={busy !== null || !dirty}
                data-testid="plan-save"
              >
                {busy === 'save' ? t('common.saving') : t('editor.save')}
              </button>
              <button type="button" className="btn" onClick={() => dispatch({ type: 'undo' })} disabled={state.past.length === 0} data-testid="plan-undo">
                {t('editor.undo')}
              </button>
              <button type="button" className="btn" onClick={() => dispatch({ type: 'redo' })} disabled={state.future.length === 0} data-testid="plan-redo">
                {t('editor.redo')}
              </button>
              <span className="pe-toolbar__group">
                <label className="sr-only" htmlFor="pe-add-zone">
                  {t('editor.addToZone')}
                </label>
                <select id="pe-add-zone" value={zoneForNew} onChange={(e) => setAddZoneId(e.target.value)} disabled={plan.zones.length === 0} data-testid="add-booth-zone">
                  {plan.zones.map((z) => (
                    <option key={z.id} value={z.id}>
                      {t('editor.zoneOption', { code: z.code || '?' })}
                    </option>
                  ))}
                </select>
                <button
                  type="button"
                  className="btn"
                  disabled={plan.zones.length === 0}
                  onClick={() => dispatch({ type: 'addBooth', zoneId: zoneForNew, width: canvas.width })}
                  data-testid="add-booth"
                >
                  {t('editor.addBooth')}
                </button>
              </span>
              <label className="pe-toolbar__group field--inline">
                <span>{t('editor.snap')}</span>
                <select value={step} onChange={(e) => setStep(Number(e.target.value))} data-testid="snap-step">
                  {SNAP_STEPS.map((s) => (
                    <option key={s} value={s}>
                      {s === 0 ? t('editor.snapOff') : t('editor.snapValue', { step: s })}
                    </option>
                  ))}
                </select>
              </label>
              <span className="pe-toolbar__group">
                <a className="btn" href={api.floorPlanCsvUrl(fairId)} download data-testid="csv-export">
                  {t('editor.exportCsv')}
                </a>
                <label className={`btn file-btn${busy ? ' file-btn--disabled' : ''}`}>
                  {busy === 'csv' ? t('common.working') : t('editor.importCsv')}
                  <input
                    ref={fileInput}
                    type="file"
                    accept=".csv,text/csv"
                    className="sr-only"
                    disabled={busy !== null}
                    onChange={(e) => void onFile(e)}
                    data-testid="csv-import"
                  />
                </label>
              </span>
            </div>

            {message && (
              <div className={message.kind === 'ok' ? 'ok' : 'error'} role={message.kind === 'ok' ? 'status' : 'alert'} data-testid={`plan-message-${message.kind}`}>
                <p>{message.text}</p>
                {message.lines && message.lines.length > 0 && (
                  <ul>
                    {message.lines.map((line) => (
                      <li key={line}>{line}</li>
                    ))}
                  </ul>
                )}
              </div>
            )}
            {errorLines.length > 0 && (
              <div className="reasons" data-testid="plan-errors">
                <p className="reasons__title">{t('editor.errorsTitle', { count: errorLines.length })}</p>
                <ul className="reasons__list">
                  {errorLines.map((line) => (
                    <li key={line.key}>
                      {line.boothId ? (
                        <button type="button" className="linkish" onClick={() => selectBoothsWithErrors(line.boothId!)}>
                          {line.text}
                        </button>
                      ) : (
                        line.text
                      )}
                    </li>
                  ))}
                </ul>
              </div>
            )}
            {overlapping.size > 0 && (
              <p className="notice small" data-testid="overlap-warning" data-count={overlapping.size}>
                {t('editor.overlaps', { count: overlapping.size })}
              </p>
            )}
            {lost.length > 0 && (
              <p className="notice small" data-testid="lost-warning">
                {t('editor.lostWarning', { codes: lost.map((o) => o.code).join(', ') })}
              </p>
            )}

            {plan.booths.length === 0 && plan.zones.length === 0 ? (
              <p className="muted" data-testid="plan-empty">
                {t('editor.empty')}
              </p>
            ) : (
              <div className="map-layout">
                <div className="map-frame">
                  <PlanCanvas
                    plan={plan}
                    canvas={canvas}
                    selected={selected}
                    overlapping={overlapping}
                    invalid={invalid}
                    occupants={occupants}
                    describedBy="pe-keys"
                    onSelect={onSelect}
                    onCheckpoint={onCheckpoint}
                    onMove={onMove}
                    onResize={onResize}
                    onNudge={onNudge}
                    onResizeStep={onResizeStep}
                    onDelete={onDelete}
                  />
                  <p id="pe-keys" className="muted hint">
                    {t('editor.keys')}
                  </p>
                </div>
                {single ? (
                  <BoothProperties
                    key={single.id}
                    booth={single}
                    zones={plan.zones}
                    occupant={occupants[single.id]}
                    errors={errors.booths[single.id]}
                    step={step}
                    onChange={(patch) => dispatch({ type: 'updateBooth', id: single.id, patch })}
                    onDelete={onDelete}
                    onClose={() => dispatch({ type: 'select', ids: [] })}
                  />
                ) : selected.length > 1 ? (
                  <SelectionPanel
                    count={selected.length}
                    zones={plan.zones}
                    onAssignZone={(zoneId) => dispatch({ type: 'assignZone', zoneId })}
                    onDelete={onDelete}
                    onClear={() => dispatch({ type: 'select', ids: [] })}
                  />
                ) : (
                  <p className="muted small pe-panel-hint">{t('editor.selectHint')}</p>
                )}
              </div>
            )}
            <p className="sr-only" aria-live="polite" data-testid="plan-announce">
              {announcement}
            </p>
          </section>

          <ZonesEditor
            plan={plan}
            errors={errors.zones}
            onChange={(id, patch) => dispatch({ type: 'updateZone', id, patch })}
            onAdd={() => dispatch({ type: 'addZone', groups: fair?.acceptedGroups.slice(0, 1) ?? [] })}
            onRemove={(id) => dispatch({ type: 'removeZone', id })}
            onSelectBooths={(zoneId) => dispatch({ type: 'selectZone', zoneId })}
          />
          {selected.length > 0 && (
            <p className="sr-only" data-testid="selected-codes">
              {selected.map(boothCodeOf).join(',')}
            </p>
          )}
        </>
      )}
    </main>
  );
}

interface SummaryLine {
  key: string;
  text: string;
  boothId?: string;
}

/** One line per booth or zone with errors, in plan order, to jump to. */
function summaryLines(errors: PlanErrors, plan: PlanDraft, t: Translate): SummaryLine[] {
  if (errors === NO_ERRORS) return [];
  const text = (fields: FieldErrors) =>
    Object.entries(fields)
      .map(([field, messages]) => `${t(`editorField.${field}`, { defaultValue: field })}: ${messages.map((m) => t(`fieldErrors.${m}`, { defaultValue: m })).join(' ')}`)
      .join('; ');
  const lines: SummaryLine[] = [];
  for (const z of plan.zones) {
    const e = errors.zones[z.id];
    if (e) lines.push({ key: `z-${z.id}`, text: `${t('editor.zoneLine', { code: z.code || '?' })} — ${text(e)}` });
  }
  for (const b of plan.booths) {
    const e = errors.booths[b.id];
    if (e) lines.push({ key: `b-${b.id}`, text: `${t('booth.title', { code: b.code || '?' })} — ${text(e)}`, boothId: b.id });
  }
  errors.general.forEach((g, i) => lines.push({ key: `g-${i}`, text: t(`fieldErrors.${g}`, { defaultValue: g }) }));
  return lines;
}

export function FloorPlanPage({ fairId }: { fairId: string }) {
  return <RequireRole roles={['Organiser', 'Admin']}>{() => <FloorPlanEditor fairId={fairId} />}</RequireRole>;
}

export default FloorPlanPage;
