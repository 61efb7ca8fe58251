import { useMemo, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageError } from '../components/PageError';
import { ConfirmBox } from '../components/ConfirmBox';
import { FairStatusBadge } from '../components/FairStatusBadge';
import { PlanCanvas } from '../components/PlanCanvas';
import { BoothProperties, GridSection, SelectionPanel, ZonesEditor } from '../components/PlanEditorPanels';
import { useFloorPlanEditor } from '../hooks/useFloorPlanEditor';
import { api, errorMessage } from '../lib/api';
import type { FieldErrors } from '../lib/catalogue';
import type { PlanDraft } from '../lib/floorPlan/draft';
import { SNAP_STEPS } from '../lib/floorPlan/geometry';
import { gridFormFor } from '../lib/floorPlan/grid';
import { NO_ERRORS, type PlanErrors } from '../lib/floorPlan/validation';
import { RequireRole } from '../lib/guard';

type Translate = (key: string, options?: Record<string, unknown>) => string;

function FloorPlanEditor({ fairId }: { fairId: string }) {
  // Below 768 px the editor is too cramped: a notice says so, and the organiser may still open it.
  const [smallScreenAnyway, setSmallScreenAnyway] = useState(false);
  const { t } = useTranslation();
  const editor = useFloorPlanEditor(fairId);
  const { fair, loaded, state, dispatch, dirty, overlapping, invalid, canvas, lost, single, zoneForNew, step, busy } = editor;
  const { message, replace, announcement } = editor;
  const { plan, selected, occupants, errors } = state;

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (file) editor.importFile(file);
  };

  const errorLines = useMemo(() => summaryLines(errors, plan, t), [errors, plan, t]);
  const boothCodeOf = (id: string) => plan.booths.find((b) => b.id === id)?.code || '?';

  if (editor.notFound) {
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

      {!smallScreenAnyway && (
        <section className="small-screen-notice" role="note" data-testid="pe-small-screen">
          <h2>{t('floorPlanSmall.title')}</h2>
          <p>{t('floorPlanSmall.body')}</p>
          <p className="next-steps__links">
            <Link to={fairLink} className="btn">
              {t('floorPlanSmall.back')}
            </Link>
            <button type="button" className="btn" onClick={() => setSmallScreenAnyway(true)} data-testid="pe-small-continue">
              {t('floorPlanSmall.anyway')}
            </button>
          </p>
        </section>
      )}
      <div className={smallScreenAnyway ? undefined : 'floor-plan-editor--wide-only'}>
      {!loaded ? (
        editor.loadError ? (
          <div className="error" role="alert">
            <p>{errorMessage(editor.loadError)}</p>
            <button type="button" className="btn" onClick={editor.reload}>
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
            serverErrors={editor.gridErrors}
            onGenerate={editor.onGenerate}
          />
          {replace && (
            <ConfirmBox
              message={replace.kind === 'grid' ? t('editor.confirmGrid') : t('editor.confirmCsv', { name: replace.name })}
              confirmLabel={replace.kind === 'grid' ? t('editor.generate') : t('editor.importCsv')}
              busy={busy !== null}
              onConfirm={editor.confirmReplace}
              onCancel={editor.cancelReplace}
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
                onClick={editor.save}
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
                <select id="pe-add-zone" value={zoneForNew} onChange={(e) => editor.setAddZoneId(e.target.value)} disabled={plan.zones.length === 0} data-testid="add-booth-zone">
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
                <select value={step} onChange={(e) => editor.setStep(Number(e.target.value))} data-testid="snap-step">
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
                    type="file"
                    accept=".csv,text/csv"
                    className="sr-only"
                    disabled={busy !== null}
                    onChange={onFile}
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
                        <button type="button" className="linkish" onClick={() => editor.selectBooth(line.boothId!)}>
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
                    onSelect={editor.onSelect}
                    onCheckpoint={editor.onCheckpoint}
                    onMove={editor.onMove}
                    onResize={editor.onResize}
                    onNudge={editor.onNudge}
                    onResizeStep={editor.onResizeStep}
                    onDelete={editor.onDelete}
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
                    onDelete={editor.onDelete}
                    onClose={() => dispatch({ type: 'select', ids: [] })}
                  />
                ) : selected.length > 1 ? (
                  <SelectionPanel
                    count={selected.length}
                    zones={plan.zones}
                    onAssignZone={(zoneId) => dispatch({ type: 'assignZone', zoneId })}
                    onDelete={editor.onDelete}
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
      </div>
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
