import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PRODUCT_GROUPS } from '../lib/booths';
import type { FieldErrors } from '../lib/catalogue';
import { BOOTH_TYPES } from '../lib/booths';
import { KNOWN_AMENITIES, type BoothPatch, type DraftBooth, type DraftZone, type Occupant, type PlanDraft } from '../lib/floorPlan/draft';
import { MIN_SIZE } from '../lib/floorPlan/geometry';
import { gridFormToRequest, type GridForm, type GridZoneForm } from '../lib/floorPlan/grid';
import { cleanAmenities } from '../lib/floorPlan/serialization';
import { boothsInZone } from '../lib/floorPlan/zones';
import type { BoothType, GridRequest } from '../lib/types';
import { FieldError } from './FieldError';
import { NumberField } from './NumberField';

const zoneLabel = (z: DraftZone) => (z.name && z.name !== z.code ? `${z.code} — ${z.name}` : z.code || '?');

// One booth

interface BoothPropertiesProps {
  booth: DraftBooth;
  zones: readonly DraftZone[];
  occupant?: Occupant;
  errors?: FieldErrors;
  /** Snap step in metres, used for the arrow keys of the position fields. */
  step: number;
  onChange: (patch: BoothPatch) => void;
  onDelete: () => void;
  onClose: () => void;
}

/** The selected booth's fields: code, zone, type, area, price, position and size, amenities. */
export function BoothProperties({ booth, zones, occupant, errors = {}, step, onChange, onDelete, onClose }: BoothPropertiesProps) {
  const { t } = useTranslation();
  const id = useId();
  const known = KNOWN_AMENITIES as readonly string[];
  const others = booth.amenities.filter((a) => !known.includes(a));
  const [otherText, setOtherText] = useState(others.join(', '));
  const typing = useRef(false);
  const othersKey = others.join(', ');
  useEffect(() => {
    if (!typing.current) setOtherText(othersKey);
  }, [othersKey]);
  const commitOthers = (text: string) =>
    onChange({ amenities: cleanAmenities([...booth.amenities.filter((a) => known.includes(a)), ...text.split(/[,;]/)]) });
  const moveStep = step > 0 ? step : 0.1;

  return (
    <section className="panel pe-panel" aria-labelledby={`${id}-title`} data-testid="booth-properties">
      <header className="panel__head">
        <h3 id={`${id}-title`}>{t('booth.title', { code: booth.code || '?' })}</h3>
        <button type="button" className="btn btn--ghost" onClick={onClose} aria-label={t('common.close')}>
          ×
        </button>
      </header>
      {occupant && (
        <p className="notice small" data-testid="booth-in-use">
          {t(`editorInUse.${occupant.status}`, { producer: occupant.producerName ?? '' })}
        </p>
      )}
      <div className="pe-fields">
        <label className="field">
          <span>{t('editor.code')}</span>
          <input
            value={booth.code}
            maxLength={16}
            autoComplete="off"
            spellCheck={false}
            onChange={(e) => onChange({ code: e.target.value })}
            aria-invalid={!!errors.code || undefined}
            data-testid="prop-code"
          />
          <FieldError errors={errors} field="code" />
        </label>
        <label className="field">
          <span>{t('booth.zone')}</span>
          <select value={booth.zoneId} onChange={(e) => onChange({ zoneId: e.target.value })} data-testid="prop-zone">
            {!zones.some((z) => z.id === booth.zoneId) && <option value={booth.zoneId}>?</option>}
            {zones.map((z) => (
              <option key={z.id} value={z.id}>
                {zoneLabel(z)}
              </option>
            ))}
          </select>
          <FieldError errors={errors} field="zone" />
        </label>
        <label className="field">
          <span>{t('booth.type')}</span>
          <select value={booth.type} onChange={(e) => onChange({ type: e.target.value as BoothType })} data-testid="prop-type">
            {BOOTH_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`boothType.${type}`)}
              </option>
            ))}
          </select>
          <FieldError errors={errors} field="type" />
        </label>
        <div className="form__row">
          <div>
            <NumberField
              label={t('booth.area')}
              suffix="m²"
              value={booth.areaM2}
              min={0}
              step={0.5}
              onCommit={(areaM2) => onChange({ areaM2 })}
              invalid={!!errors.areaM2}
              testId="prop-area"
            />
            <FieldError errors={errors} field="areaM2" />
          </div>
          <div>
            <NumberField
              label={t('booth.price')}
              suffix="₫"
              value={booth.priceVnd}
              min={0}
              step={100000}
              onCommit={(priceVnd) => onChange({ priceVnd: Math.round(priceVnd) })}
              invalid={!!errors.priceVnd}
              testId="prop-price"
            />
            <FieldError errors={errors} field="priceVnd" />
          </div>
        </div>
        <fieldset className="fieldset">
          <legend>{t('editor.geometry')}</legend>
          <div className="pe-geometry">
            <NumberField label="x" suffix="m" value={booth.x} min={0} step={moveStep} onCommit={(x) => onChange({ x })} testId="prop-x" />
            <NumberField label="y" suffix="m" value={booth.y} min={0} step={moveStep} onCommit={(y) => onChange({ y })} testId="prop-y" />
            <NumberField
              label={t('editor.width')}
              suffix="m"
              value={booth.w}
              min={MIN_SIZE}
              step={moveStep}
              onCommit={(w) => onChange({ w })}
              testId="prop-w"
            />
            <NumberField
              label={t('editor.depth')}
              suffix="m"
              value={booth.h}
              min={MIN_SIZE}
              step={moveStep}
              onCommit={(h) => onChange({ h })}
              testId="prop-h"
            />
          </div>
          <FieldError errors={errors} field="position" />
        </fieldset>
        <fieldset className="fieldset">
          <legend>{t('editor.amenities')}</legend>
          <div className="checks">
            {KNOWN_AMENITIES.map((a) => (
              <label key={a} className="check">
                <input
                  type="checkbox"
                  checked={booth.amenities.includes(a)}
                  onChange={(e) =>
                    onChange({
                      amenities: e.target.checked ? [...booth.amenities, a] : booth.amenities.filter((x) => x !== a),
                    })
                  }
                  data-testid={`prop-amenity-${a}`}
                />
                {t(`needs.${a}`)}
              </label>
            ))}
          </div>
          <label className="field">
            <span>{t('editor.otherAmenities')}</span>
            <input
              value={otherText}
              onFocus={() => {
                typing.current = true;
              }}
              onChange={(e) => {
                setOtherText(e.target.value);
                commitOthers(e.target.value);
              }}
              onBlur={() => {
                typing.current = false;
                setOtherText(othersKey);
              }}
              data-testid="prop-amenities-other"
            />
          </label>
          <FieldError errors={errors} field="amenities" />
        </fieldset>
      </div>
      <div className="panel__actions">
        <button type="button" className="btn btn--danger" onClick={onDelete} data-testid="booth-delete">
          {t('editor.deleteBooth')}
        </button>
      </div>
    </section>
  );
}

// Several booths

interface SelectionPanelProps {
  count: number;
  zones: readonly DraftZone[];
  onAssignZone: (zoneId: string) => void;
  onDelete: () => void;
  onClear: () => void;
}

export function SelectionPanel({ count, zones, onAssignZone, onDelete, onClear }: SelectionPanelProps) {
  const { t } = useTranslation();
  const [zoneId, setZoneId] = useState(zones[0]?.id ?? '');
  const id = useId();
  return (
    <section className="panel pe-panel" aria-labelledby={`${id}-title`} data-testid="selection-panel">
      <header className="panel__head">
        <h3 id={`${id}-title`}>{t('editor.selectedCount', { count })}</h3>
        <button type="button" className="btn btn--ghost" onClick={onClear} aria-label={t('editor.clearSelection')}>
          ×
        </button>
      </header>
      <form
        className="assign-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (zoneId) onAssignZone(zoneId);
        }}
      >
        <label className="field">
          <span>{t('editor.moveToZone')}</span>
          <select value={zoneId} onChange={(e) => setZoneId(e.target.value)} data-testid="selection-zone">
            {zones.map((z) => (
              <option key={z.id} value={z.id}>
                {zoneLabel(z)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn" disabled={!zoneId} data-testid="assign-zone">
          {t('editor.assignZone')}
        </button>
      </form>
      <p className="muted small">{t('editor.multiHint')}</p>
      <div className="panel__actions">
        <button type="button" className="btn btn--danger" onClick={onDelete} data-testid="delete-selected">
          {t('editor.deleteSelected', { count })}
        </button>
      </div>
    </section>
  );
}

// Zones

interface ZonesEditorProps {
  plan: PlanDraft;
  errors: Record<string, FieldErrors>;
  onChange: (id: string, patch: Partial<Omit<DraftZone, 'id'>>) => void;
  onAdd: () => void;
  onRemove: (id: string) => void;
  onSelectBooths: (id: string) => void;
}

export function ZonesEditor({ plan, errors, onChange, onAdd, onRemove, onSelectBooths }: ZonesEditorProps) {
  const { t } = useTranslation();
  return (
    <section className="section card pe-zones" aria-labelledby="zones-title" data-testid="zones-editor">
      <h2 id="zones-title">{t('editor.zones')}</h2>
      <p className="muted small">{t('editor.zonesHint')}</p>
      {plan.zones.length === 0 && <p className="muted">{t('editor.noZones')}</p>}
      <ul className="pe-zone-list">
        {plan.zones.map((z, i) => {
          const count = boothsInZone(plan, z.id);
          const e = errors[z.id] ?? {};
          return (
            <li key={z.id} className="pe-zone" data-testid={`zone-row-${i}`}>
              <div className="form__row">
                <label className="field">
                  <span>{t('editor.zoneCode')}</span>
                  <input
                    value={z.code}
                    maxLength={16}
                    spellCheck={false}
                    onChange={(ev) => onChange(z.id, { code: ev.target.value })}
                    aria-invalid={!!e.code || undefined}
                    data-testid={`zone-code-${i}`}
                  />
                  <FieldError errors={e} field="code" />
                </label>
                <label className="field">
                  <span>{t('editor.zoneName')}</span>
                  <input value={z.name} maxLength={100} onChange={(ev) => onChange(z.id, { name: ev.target.value })} data-testid={`zone-name-${i}`} />
                  <FieldError errors={e} field="name" />
                </label>
                <label className="field">
                  <span>{t('editorx.zoneNameEn')}</span>
                  <input
                    value={z.nameEn ?? ''}
                    maxLength={100}
                    lang="en"
                    onChange={(ev) => onChange(z.id, { nameEn: ev.target.value })}
                    data-testid={`zone-name-en-${i}`}
                  />
                  <FieldError errors={e} field="nameEn" />
                </label>
              </div>
              <fieldset className="fieldset">
                <legend>{t('fair.groups')}</legend>
                <div className="checks">
                  {PRODUCT_GROUPS.map((g) => (
                    <label key={g} className="check">
                      <input
                        type="checkbox"
                        checked={z.groups.includes(g)}
                        onChange={(ev) =>
                          onChange(z.id, { groups: ev.target.checked ? [...z.groups, g] : z.groups.filter((x) => x !== g) })
                        }
                        data-testid={`zone-${i}-group-${g}`}
                      />
                      {t(`groups.${g}`)}
                    </label>
                  ))}
                </div>
                <FieldError errors={e} field="groups" />
              </fieldset>
              <div className="row-actions">
                <span className="muted small pe-zone__count">{t('fairs.booths', { count })}</span>
                <button type="button" className="btn btn--small" disabled={count === 0} onClick={() => onSelectBooths(z.id)} data-testid={`zone-select-${i}`}>
                  {t('editor.selectZoneBooths')}
                </button>
                <button
                  type="button"
                  className="btn btn--small btn--danger"
                  disabled={count > 0}
                  title={count > 0 ? t('editor.zoneNotEmpty') : undefined}
                  onClick={() => onRemove(z.id)}
                  data-testid={`zone-remove-${i}`}
                >
                  {t('editor.removeZone')}
                </button>
              </div>
            </li>
          );
        })}
      </ul>
      <button type="button" className="btn" onClick={onAdd} data-testid="zone-add">
        {t('editor.addZone')}
      </button>
    </section>
  );
}

// The grid generator

interface GridSectionProps {
  initial: GridForm;
  open: boolean;
  busy: boolean;
  serverErrors: FieldErrors;
  onGenerate: (request: GridRequest) => void;
}

const emptyZoneRow = (form: GridForm): GridZoneForm => {
  const used = new Set(form.zones.map((z) => z.code));
  let code = 'A';
  for (let c = 65; c <= 90; c++) {
    if (!used.has(String.fromCharCode(c))) {
      code = String.fromCharCode(c);
      break;
    }
  }
  return { code, name: '', groups: [], booths: '10' };
};

export function GridSection({ initial, open, busy, serverErrors, onGenerate }: GridSectionProps) {
  const { t } = useTranslation();
  const [form, setForm] = useState<GridForm>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [isOpen] = useState(open);
  useEffect(() => setErrors(serverErrors), [serverErrors]);

  const setZone = (i: number, patch: Partial<GridZoneForm>) =>
    setForm((f) => ({ ...f, zones: f.zones.map((z, j) => (j === i ? { ...z, ...patch } : z)) }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const { request, errors: found } = gridFormToRequest(form);
    setErrors(found);
    if (request) onGenerate(request);
  };
  const shown = Object.keys(errors);
  const placed = ['zones', 'perRow', 'boothWidth', 'boothDepth', 'priceVnd', ...form.zones.flatMap((_, i) => ['code', 'name', 'groups', 'booths'].map((f) => `zones[${i}].${f}`))];
  const other = shown.filter((k) => !placed.includes(k)).flatMap((k) => errors[k].map((m) => `${k}: ${t(`fieldErrors.${m}`, { defaultValue: m })}`));

  return (
    <details className="card section pe-grid" open={isOpen} data-testid="grid-section">
      <summary className="pe-grid__summary">{t('editor.gridTitle')}</summary>
      <p className="muted small">{t('editor.gridHint')}</p>
      <form className="form" onSubmit={submit} noValidate data-testid="grid-form">
        {form.zones.map((z, i) => (
          <fieldset key={i} className="fieldset" data-testid={`grid-zone-${i}`}>
            <legend>{t('editor.gridZone', { n: i + 1 })}</legend>
            <div className="form__row form__row--3">
              <label className="field">
                <span>{t('editor.zoneCode')}</span>
                <input
                  value={z.code}
                  maxLength={13}
                  spellCheck={false}
                  onChange={(e) => setZone(i, { code: e.target.value })}
                  aria-invalid={!!errors[`zones[${i}].code`] || undefined}
                  data-testid={`grid-zone-code-${i}`}
                />
                <FieldError errors={errors} field={`zones[${i}].code`} />
              </label>
              <label className="field">
                <span>{t('editor.zoneName')}</span>
                <input value={z.name} maxLength={100} onChange={(e) => setZone(i, { name: e.target.value })} data-testid={`grid-zone-name-${i}`} />
                <FieldError errors={errors} field={`zones[${i}].name`} />
              </label>
              <label className="field">
                <span>{t('editor.boothCount')}</span>
                <input
                  value={z.booths}
                  inputMode="numeric"
                  onChange={(e) => setZone(i, { booths: e.target.value })}
                  aria-invalid={!!errors[`zones[${i}].booths`] || undefined}
                  data-testid={`grid-zone-booths-${i}`}
                />
                <FieldError errors={errors} field={`zones[${i}].booths`} />
              </label>
            </div>
            <div className="checks" role="group" aria-label={t('fair.groups')}>
              {PRODUCT_GROUPS.map((g) => (
                <label key={g} className="check">
                  <input
                    type="checkbox"
                    checked={z.groups.includes(g)}
                    onChange={(e) => setZone(i, { groups: e.target.checked ? [...z.groups, g] : z.groups.filter((x) => x !== g) })}
                    data-testid={`grid-zone-${i}-group-${g}`}
                  />
                  {t(`groups.${g}`)}
                </label>
              ))}
            </div>
            <FieldError errors={errors} field={`zones[${i}].groups`} />
            {form.zones.length > 1 && (
              <button
                type="button"
                className="btn btn--small"
                onClick={() => setForm((f) => ({ ...f, zones: f.zones.filter((_, j) => j !== i) }))}
                data-testid={`grid-zone-remove-${i}`}
              >
                {t('editor.removeZone')}
              </button>
            )}
          </fieldset>
        ))}
        <FieldError errors={errors} field="zones" />
        <div>
          <button type="button" className="btn btn--small" onClick={() => setForm((f) => ({ ...f, zones: [...f.zones, emptyZoneRow(f)] }))} data-testid="grid-zone-add">
            {t('editor.addZone')}
          </button>
        </div>
        <div className="form__row">
          <label className="field">
            <span>{t('editor.perRow')}</span>
            <input value={form.perRow} inputMode="numeric" onChange={(e) => setForm({ ...form, perRow: e.target.value })} data-testid="grid-per-row" />
            <FieldError errors={errors} field="perRow" />
          </label>
          <label className="field">
            <span>{t('editor.gridPrice')}</span>
            <input value={form.priceVnd} inputMode="numeric" onChange={(e) => setForm({ ...form, priceVnd: e.target.value })} data-testid="grid-price" />
            <FieldError errors={errors} field="priceVnd" />
          </label>
          <label className="field">
            <span>{t('editor.boothWidth')}</span>
            <input value={form.boothWidth} inputMode="decimal" onChange={(e) => setForm({ ...form, boothWidth: e.target.value })} data-testid="grid-width" />
            <FieldError errors={errors} field="boothWidth" />
          </label>
          <label className="field">
            <span>{t('editor.boothDepth')}</span>
            <input value={form.boothDepth} inputMode="decimal" onChange={(e) => setForm({ ...form, boothDepth: e.target.value })} data-testid="grid-depth" />
            <FieldError errors={errors} field="boothDepth" />
          </label>
        </div>
        {other.length > 0 && (
          <ul className="error" role="alert">
            {other.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        <button type="submit" className="btn btn--accent" disabled={busy} data-testid="grid-generate">
          {busy ? t('common.working') : t('editor.generate')}
        </button>
      </form>
    </details>
  );
}
