import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BoothFace } from './BoothFace';
import type { DraftBooth, Occupant, PlanDraft } from '../lib/floorPlan/draft';
import type { SelectMode } from '../lib/floorPlan/editorState';
import { extent, pointerToFloor } from '../lib/floorPlan/geometry';
import { originsOf, type Origin } from '../lib/floorPlan/moves';

interface PlanCanvasProps {
  plan: PlanDraft;
  /** The drawing area in metres (the hall and spare floor). */
  canvas: { width: number; height: number };
  selected: readonly string[];
  overlapping: ReadonlySet<string>;
  invalid: ReadonlySet<string>;
  occupants: Readonly<Record<string, Occupant>>;
  describedBy?: string;
  onSelect: (ids: string[], mode: SelectMode) => void;
  /** A drag begins to change the plan: one undo step for all of it. */
  onCheckpoint: () => void;
  onMove: (origins: ReadonlyMap<string, Origin>, dx: number, dy: number, lead: string) => void;
  onResize: (id: string, origin: Origin, dw: number, dh: number) => void;
  onNudge: (dirX: -1 | 0 | 1, dirY: -1 | 0 | 1) => void;
  onResizeStep: (dirW: -1 | 0 | 1, dirH: -1 | 0 | 1) => void;
  onDelete: () => void;
  /** Told once a drag ends, with the booths it moved. */
  onGestureEnd?: (ids: readonly string[]) => void;
}

interface Drag {
  kind: 'move' | 'resize';
  id: string;
  ids: string[];
  origins: Map<string, Origin>;
  start: { x: number; y: number };
  client: { x: number; y: number };
  started: boolean;
  /** A click on one booth of a multi-selection, without dragging, selects that booth alone. */
  narrowOnClick: boolean;
}

/** Pixels a pointer must travel before a press becomes a drag (so a tap only selects). */
const DRAG_THRESHOLD = 4;
const ZONE_COLOURS = 6;

const ARROWS: Record<string, [-1 | 0 | 1, -1 | 0 | 1]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

interface BoothProps {
  booth: DraftBooth;
  colour: number;
  selected: boolean;
  overlapping: boolean;
  invalid: boolean;
  occupied: boolean;
  label: string;
  onPointerDown: (event: ReactPointerEvent<SVGGElement>, id: string) => void;
  onKeyDown: (event: KeyboardEvent<SVGGElement>, id: string) => void;
}

const EditorBooth = memo(function EditorBooth(props: BoothProps) {
  const { booth, colour, selected, overlapping, invalid, occupied, label, onPointerDown, onKeyDown } = props;
  const { id, code, x, y, w, h } = booth;
  const classes = ['pe-booth', `pe-zone-${colour}`];
  if (selected) classes.push('pe-booth--selected');
  if (overlapping) classes.push('pe-booth--overlap');
  if (invalid) classes.push('pe-booth--invalid');
  if (occupied) classes.push('pe-booth--occupied');
  const fontSize = Math.max(Math.min(w / Math.max(code.length * 0.62, 1), h * 0.4), 0.2);
  const inset = Math.min(w, h) * 0.1;
  return (
    <g
      className={classes.join(' ')}
      role="button"
      tabIndex={0}
      aria-pressed={selected}
      aria-label={label}
      data-testid={`pe-booth-${code}`}
      data-id={id}
      data-x={x}
      data-y={y}
      data-w={w}
      data-h={h}
      onPointerDown={(e) => onPointerDown(e, id)}
      onKeyDown={(e) => onKeyDown(e, id)}
    >
      <BoothFace
        block="pe-booth"
        x={x}
        y={y}
        w={w}
        h={h}
        text={code || '?'}
        fontSize={fontSize}
        inset={inset}
        frameClass={occupied ? 'pe-booth__occupied' : undefined}
      />
    </g>
  );
});

/**
 * The plan drawn in metres for editing: press a booth to select it (Shift, Ctrl or ⌘ to add it to the selection),
 * drag to move the selection, drag the corner handle to resize; by keyboard, Enter selects, the arrow keys move,
 * Shift with an arrow resizes and Delete removes.
 */
export function PlanCanvas(props: PlanCanvasProps) {
  const { plan, canvas, selected, overlapping, invalid, occupants, describedBy } = props;
  const { t } = useTranslation();
  const svgRef = useRef<SVGSVGElement>(null);
  // While a drag is under way the drawing keeps its scale, even if the hall grows.
  const [frozen, setFrozen] = useState<{ width: number; height: number } | null>(null);
  const view = frozen ?? canvas;
  const latest = useRef({ props, view });
  latest.current = { props, view };
  const drag = useRef<Drag | null>(null);
  const detach = useRef<(() => void) | null>(null);
  useEffect(() => () => detach.current?.(), []);

  const selectedSet = useMemo(() => new Set(selected), [selected]);
  const colourOf = useMemo(() => new Map(plan.zones.map((z, i) => [z.id, i % ZONE_COLOURS])), [plan.zones]);
  const zoneBoxes = useMemo(() => {
    const boxes: { id: string; label: string; x: number; y: number; w: number; h: number }[] = [];
    for (const zone of plan.zones) {
      let minX = Infinity;
      let minY = Infinity;
      let maxX = -Infinity;
      let maxY = -Infinity;
      for (const b of plan.booths) {
        if (b.zoneId !== zone.id) continue;
        minX = Math.min(minX, b.x);
        minY = Math.min(minY, b.y);
        maxX = Math.max(maxX, b.x + b.w);
        maxY = Math.max(maxY, b.y + b.h);
      }
      if (minX === Infinity) continue;
      boxes.push({ id: zone.id, label: zone.name || zone.code, x: minX, y: minY, w: maxX - minX, h: maxY - minY });
    }
    return boxes;
  }, [plan.zones, plan.booths]);

  const toFloor = (clientX: number, clientY: number) => {
    const rect = svgRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0 || rect.height === 0) return { x: 0, y: 0 };
    return pointerToFloor(rect, latest.current.view, clientX, clientY);
  };

  const finish = (cancelled: boolean) => {
    const d = drag.current;
    drag.current = null;
    detach.current?.();
    detach.current = null;
    if (!d) return;
    if (d.started) {
      setFrozen(null);
      latest.current.props.onGestureEnd?.(d.ids);
    } else if (!cancelled && d.narrowOnClick) {
      latest.current.props.onSelect([d.id], 'replace');
    }
  };

  const begin = (event: ReactPointerEvent<SVGElement>, d: Omit<Drag, 'start' | 'client' | 'started'>) => {
    drag.current = { ...d, start: toFloor(event.clientX, event.clientY), client: { x: event.clientX, y: event.clientY }, started: false };
    const move = (e: PointerEvent) => {
      const current = drag.current;
      if (!current) return;
      if (!current.started) {
        if (Math.hypot(e.clientX - current.client.x, e.clientY - current.client.y) < DRAG_THRESHOLD) return;
        current.started = true;
        setFrozen(latest.current.view);
        latest.current.props.onCheckpoint();
      }
      e.preventDefault();
      const p = toFloor(e.clientX, e.clientY);
      const dx = p.x - current.start.x;
      const dy = p.y - current.start.y;
      if (current.kind === 'move') latest.current.props.onMove(current.origins, dx, dy, current.id);
      else latest.current.props.onResize(current.id, current.origins.get(current.id)!, dx, dy);
    };
    const up = () => finish(false);
    const cancel = () => finish(true);
    detach.current?.();
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
    window.addEventListener('pointercancel', cancel);
    detach.current = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
      window.removeEventListener('pointercancel', cancel);
    };
  };

  // The handlers read everything through refs, so they stay the same and the memoized booths do not redraw.
  const beginRef = useRef(begin);
  beginRef.current = begin;

  const onBoothPointerDown = useCallback((event: ReactPointerEvent<SVGGElement>, id: string) => {
    if (event.button !== 0) return;
    event.stopPropagation();
    const { props: p } = latest.current;
    if (event.shiftKey || event.ctrlKey || event.metaKey) {
      p.onSelect([id], 'toggle');
      return;
    }
    const wasSelected = p.selected.includes(id);
    // On a touch screen a first tap only selects, so a finger can still scroll the page over the map.
    if (event.pointerType === 'touch' && !wasSelected) {
      p.onSelect([id], 'replace');
      return;
    }
    const ids = wasSelected ? [...p.selected] : [id];
    if (!wasSelected) p.onSelect([id], 'replace');
    beginRef.current(event, { kind: 'move', id, ids, origins: originsOf(p.plan, ids), narrowOnClick: wasSelected && p.selected.length > 1 });
  }, []);

  const onHandlePointerDown = (event: ReactPointerEvent<SVGRectElement>, id: string) => {
    if (event.button !== 0) return;
    event.stopPropagation();
    begin(event, { kind: 'resize', id, ids: [id], origins: originsOf(latest.current.props.plan, [id]), narrowOnClick: false });
  };

  const onBoothKeyDown = useCallback((event: KeyboardEvent<SVGGElement>, id: string) => {
    const p = latest.current.props;
    const arrow = ARROWS[event.key];
    if (arrow) {
      event.preventDefault();
      if (!p.selected.includes(id)) p.onSelect([id], 'replace');
      if (event.shiftKey) p.onResizeStep(arrow[0], arrow[1]);
      else p.onNudge(arrow[0], arrow[1]);
      return;
    }
    switch (event.key) {
      case 'Enter':
      case ' ':
      case 'Spacebar':
        event.preventDefault();
        p.onSelect([id], event.shiftKey || event.ctrlKey || event.metaKey ? 'toggle' : 'replace');
        break;
      case 'Delete':
      case 'Backspace':
        event.preventDefault();
        if (!p.selected.includes(id)) p.onSelect([id], 'replace');
        p.onDelete();
        break;
      case 'Escape':
        if (p.selected.length > 0) {
          event.preventDefault();
          p.onSelect([], 'replace');
        }
        break;
    }
  }, []);

  const hall = useMemo(() => extent(plan.booths), [plan.booths]);
  const single = selected.length === 1 ? plan.booths.find((b) => b.id === selected[0]) : undefined;
  const handle = Math.min(Math.max(Math.min(view.width, view.height) * 0.04, 0.6), 4);
  const zoneFont = Math.max(Math.min(view.width, view.height) * 0.03, 0.4);
  const gridStep = Math.max(view.width, view.height) > 80 ? 5 : 1;

  return (
    <svg
      ref={svgRef}
      className="plan-canvas"
      viewBox={`0 0 ${view.width} ${view.height}`}
      width="100%"
      preserveAspectRatio="xMidYMid meet"
      role="group"
      aria-label={t('editor.canvas')}
      aria-describedby={describedBy}
      data-testid="plan-canvas"
      data-width={view.width}
      data-height={view.height}
    >
      <defs>
        <pattern id="pe-grid" width={gridStep} height={gridStep} patternUnits="userSpaceOnUse">
          <path d={`M ${gridStep} 0 L 0 0 0 ${gridStep}`} className="plan-canvas__grid-line" vectorEffect="non-scaling-stroke" />
        </pattern>
      </defs>
      <rect
        className="plan-canvas__floor"
        x={0}
        y={0}
        width={view.width}
        height={view.height}
        onPointerDown={(e) => {
          if (e.button === 0 && !(e.shiftKey || e.ctrlKey || e.metaKey) && latest.current.props.selected.length > 0) {
            latest.current.props.onSelect([], 'replace');
          }
        }}
        vectorEffect="non-scaling-stroke"
        data-testid="plan-floor"
      />
      {plan.booths.length > 0 && (
        // The hall as the server will size it: the booths' extent and a metre.
        <rect className="plan-canvas__hall" x={0} y={0} width={hall.width} height={hall.height} vectorEffect="non-scaling-stroke" aria-hidden="true" />
      )}
      {zoneBoxes.map((zone) => (
        <g key={zone.id} className="zone" aria-hidden="true">
          <rect
            className="zone__box"
            x={zone.x - 0.2}
            y={zone.y - 0.2}
            width={zone.w + 0.4}
            height={zone.h + 0.4}
            vectorEffect="non-scaling-stroke"
          />
          <text className="zone__label" x={zone.x} y={zone.y >= zoneFont * 1.2 ? zone.y - zoneFont * 0.35 : zone.y + zoneFont} fontSize={zoneFont}>
            {zone.label}
          </text>
        </g>
      ))}
      {plan.booths.map((b) => {
        const occupant = occupants[b.id];
        const zone = plan.zones.find((z) => z.id === b.zoneId);
        const parts = [t('editor.boothAria', { code: b.code || '?', zone: zone?.code ?? '?', x: b.x, y: b.y, w: b.w, h: b.h })];
        if (occupant) parts.push(t(`editorInUseShort.${occupant.status}`, { producer: occupant.producerName ?? '' }));
        if (overlapping.has(b.id)) parts.push(t('editor.overlapShort'));
        if (invalid.has(b.id)) parts.push(t('editor.invalidShort'));
        return (
          <EditorBooth
            key={b.id}
            booth={b}
            colour={colourOf.get(b.zoneId) ?? 0}
            selected={selectedSet.has(b.id)}
            overlapping={overlapping.has(b.id)}
            invalid={invalid.has(b.id)}
            occupied={!!occupant}
            label={parts.join(', ')}
            onPointerDown={onBoothPointerDown}
            onKeyDown={onBoothKeyDown}
          />
        );
      })}
      {single && (
        <rect
          className="pe-handle"
          x={single.x + single.w - handle / 2}
          y={single.y + single.h - handle / 2}
          width={handle}
          height={handle}
          vectorEffect="non-scaling-stroke"
          onPointerDown={(e) => onHandlePointerDown(e, single.id)}
          aria-hidden="true"
          data-testid="resize-handle"
        />
      )}
    </svg>
  );
}
