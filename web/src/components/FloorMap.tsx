import { memo, useEffect, useMemo, useRef, useState, type KeyboardEvent, type PointerEvent as ReactPointerEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BoothFace } from './BoothFace';
import { nameLines, zoneName } from '../lib/exhibitors';
import { floorExtent, zoneBoxes } from '../lib/floorState';
import type { Booth, Floor, Locale } from '../lib/types';
import { centreOn, fullView, panBy, zoomAt, zoomOf, type View } from '../lib/zoom';

interface FloorMapProps {
  floor: Floor;
  selected?: string | null;
  /** Without it the map is a picture only (the hall display). */
  onSelect?: (code: string) => void;
  /** Booths held or confirmed by the signed-in producer: outlined. */
  mine?: ReadonlySet<string>;
  /** Booths that do not match the filters: drawn faint, still there. */
  dimmed?: ReadonlySet<string>;
  /** Booths to pick out (the exhibitor chosen in the list): drawn with a thick outline. */
  highlighted?: ReadonlySet<string>;
  /** `display`: large booth codes for a screen in the hall, no zoom. */
  variant?: 'page' | 'display';
}

interface BoothShapeProps {
  booth: Booth;
  selected: boolean;
  mine: boolean;
  dimmed: boolean;
  highlighted: boolean;
  large: boolean;
  label: string;
  onSelect?: (code: string) => void;
}

const BoothShape = memo(function BoothShape({ booth, selected, mine, dimmed, highlighted, large, label, onSelect }: BoothShapeProps) {
  const { code, x, y, w, h, status } = booth;
  const onKeyDown = (event: KeyboardEvent<SVGGElement>) => {
    if (event.key === 'Enter' || event.key === ' ' || event.key === 'Spacebar') {
      event.preventDefault();
      onSelect?.(code);
    }
  };
  const fontSize = large
    ? Math.max(Math.min(w / Math.max(code.length * 0.75, 1), h * 0.55), 0.3)
    : Math.max(Math.min(w / Math.max(code.length * 0.62, 1), h * 0.4), 0.2);
  const inset = Math.min(w, h) * 0.08;
  // The exhibitor's name where it fits: up to two lines under the code, cut at words.
  const occupied = status === 'Held' || status === 'Confirmed';
  const lineFontSize = Math.min(w, h) * (large ? 0.16 : 0.14);
  const lines = occupied && booth.producerName ? nameLines(booth.producerName, (w - 2 * inset) / (lineFontSize * 0.56), h >= 2.8 ? 3 : h >= 2.2 ? 2 : 1) : [];
  const classes = ['booth', `booth--${status}`];
  if (selected) classes.push('booth--selected');
  if (highlighted) classes.push('booth--highlighted');
  if (mine) classes.push('booth--mine');
  if (dimmed) classes.push('booth--dimmed');
  if (booth.overrideReason) classes.push('booth--override');
  if (!onSelect) classes.push('booth--static');
  return (
    <g
      className={classes.join(' ')}
      data-testid={`booth-${code}`}
      data-status={status}
      data-mine={mine ? 'true' : 'false'}
      data-dimmed={dimmed ? 'true' : 'false'}
      data-highlighted={highlighted ? 'true' : undefined}
      data-override={booth.overrideReason ? 'true' : undefined}
      role={onSelect ? 'button' : 'img'}
      tabIndex={onSelect ? 0 : undefined}
      aria-label={label}
      aria-pressed={onSelect ? selected : undefined}
      onClick={onSelect ? () => onSelect(code) : undefined}
      onKeyDown={onSelect ? onKeyDown : undefined}
    >
      <BoothFace
        block="booth"
        x={x}
        y={y}
        w={w}
        h={h}
        text={code}
        fontSize={fontSize}
        inset={inset}
        frameClass={mine ? 'booth__mine' : undefined}
        lines={lines}
        lineFontSize={lineFontSize}
        overlay={status === 'Blocked' && <rect className="booth__hatch" x={x} y={y} width={w} height={h} />}
      />
    </g>
  );
});

/** How far a pointer may move and still be a tap (px). */
const TAP_SLOP = 6;

/**
 * The fair's floor plan as an SVG in floor coordinates (metres). On the page it zooms and pans: buttons, and on a
 * phone a pinch and a drag; a tap on a booth still selects it.
 */
export function FloorMap({ floor, selected, onSelect, mine, dimmed, highlighted, variant = 'page' }: FloorMapProps) {
  const { t, i18n } = useTranslation();
  const lang: Locale = i18n.language === 'en' ? 'en' : 'vi';
  const { width, height } = floorExtent(floor);
  const zones = useMemo(() => zoneBoxes(floor), [floor]);
  const zoneFont = Math.max(Math.min(width, height) * 0.035, 0.4);
  const zoomable = variant === 'page';

  const [zoomed, setZoomed] = useState<View | null>(null);
  const view = zoomed ?? fullView(width, height);
  const zoom = zoomOf(view, width);
  const svgRef = useRef<SVGSVGElement>(null);
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const moved = useRef(false);
  const start = useRef<{ x: number; y: number } | null>(null);

  // A new plan of another size starts from the whole floor.
  useEffect(() => setZoomed(null), [width, height]);

  // Zoomed in, a booth picked from the list comes into view.
  const focus = highlighted && highlighted.size > 0 ? [...highlighted][0] : null;
  useEffect(() => {
    if (!focus) return;
    const booth = floor.booths.find((b) => b.code === focus);
    if (booth) setZoomed((v) => (v ? centreOn(v, booth, width, height) : v));
  }, [focus, floor.booths, width, height]);

  const set = (next: View) => setZoomed(zoomOf(next, width) <= 1.001 ? null : next);
  const zoomBy = (factor: number) => set(zoomAt(view, factor, view.x + view.w / 2, view.y + view.h / 2, width, height));

  /** Floor units per screen pixel, and the floor point under a screen point. */
  const scale = () => {
    const rect = svgRef.current?.getBoundingClientRect();
    if (!rect || rect.width === 0 || rect.height === 0) return null;
    const k = Math.max(view.w / rect.width, view.h / rect.height);
    const offsetX = (rect.width - view.w / k) / 2;
    const offsetY = (rect.height - view.h / k) / 2;
    return {
      k,
      at: (cx: number, cy: number) => ({ x: view.x + (cx - rect.left - offsetX) * k, y: view.y + (cy - rect.top - offsetY) * k }),
    };
  };

  const onPointerDown = (e: ReactPointerEvent<SVGSVGElement>) => {
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    if (pointers.current.size === 1) {
      moved.current = false;
      start.current = { x: e.clientX, y: e.clientY };
    }
  };
  const onPointerMove = (e: ReactPointerEvent<SVGSVGElement>) => {
    const before = pointers.current.get(e.pointerId);
    if (!before) return;
    const now = { x: e.clientX, y: e.clientY };
    const s = scale();
    if (!s) return;
    if (pointers.current.size >= 2) {
      // Pinch: the distance between the two fingers, before and after this move.
      const other = [...pointers.current.entries()].find(([id]) => id !== e.pointerId)?.[1] ?? before;
      const d0 = Math.hypot(before.x - other.x, before.y - other.y);
      const d1 = Math.hypot(now.x - other.x, now.y - other.y);
      if (d0 > 0 && d1 > 0) {
        const mid = s.at((now.x + other.x) / 2, (now.y + other.y) / 2);
        set(zoomAt(view, d1 / d0, mid.x, mid.y, width, height));
        moved.current = true;
      }
    } else if (zoomed) {
      if (start.current && Math.hypot(now.x - start.current.x, now.y - start.current.y) > TAP_SLOP) moved.current = true;
      if (moved.current) set(panBy(view, (before.x - now.x) * s.k, (before.y - now.y) * s.k, width, height));
    }
    pointers.current.set(e.pointerId, now);
  };
  const onPointerUp = (e: ReactPointerEvent<SVGSVGElement>) => {
    pointers.current.delete(e.pointerId);
  };

  const svg = (
    <svg
      ref={svgRef}
      className={`floor-map floor-map--${variant}${zoomed ? ' floor-map--zoomed' : ''}`}
      viewBox={`${view.x} ${view.y} ${view.w} ${view.h}`}
      width="100%"
      preserveAspectRatio="xMidYMid meet"
      role="group"
      aria-label={t('map.title')}
      data-testid="floor-map"
      data-zoom={zoom.toFixed(2)}
      onPointerDown={zoomable ? onPointerDown : undefined}
      onPointerMove={zoomable ? onPointerMove : undefined}
      onPointerUp={zoomable ? onPointerUp : undefined}
      onPointerCancel={zoomable ? onPointerUp : undefined}
      onPointerLeave={zoomable ? onPointerUp : undefined}
      onClickCapture={
        zoomable
          ? (e) => {
              // The end of a drag or a pinch is no tap on a booth.
              if (moved.current) {
                e.stopPropagation();
                e.preventDefault();
                moved.current = false;
              }
            }
          : undefined
      }
    >
      <defs>
        <pattern id="booth-hatch" patternUnits="userSpaceOnUse" width="0.5" height="0.5" patternTransform="rotate(45)">
          <line x1="0" y1="0" x2="0" y2="0.5" className="booth__hatch-line" />
        </pattern>
      </defs>
      <rect className="floor-map__hall" x={0} y={0} width={width} height={height} vectorEffect="non-scaling-stroke" />
      {zones.map((zone) => {
        // Put the label above the zone if there is room, else just inside it.
        const above = zone.y >= zoneFont * 1.2;
        const plan = floor.zones.find((z) => z.code === zone.code);
        return (
          <g key={zone.code} className="zone" data-testid={`zone-${zone.code}`}>
            <rect
              className="zone__box"
              x={zone.x - 0.2}
              y={zone.y - 0.2}
              width={zone.w + 0.4}
              height={zone.h + 0.4}
              vectorEffect="non-scaling-stroke"
            />
            <text
              className="zone__label"
              x={zone.x}
              y={above ? zone.y - zoneFont * 0.35 : zone.y + zoneFont}
              fontSize={zoneFont}
            >
              {plan ? zoneName(plan, lang) : zone.name || zone.code}
            </text>
          </g>
        );
      })}
      {floor.booths.map((booth) => {
        const status = t(`boothStatus.${booth.status}`, { defaultValue: booth.status });
        const isMine = mine?.has(booth.code) ?? false;
        const base = booth.producerName
          ? t('booth.ariaProducer', { code: booth.code, status, producer: booth.producerName })
          : t('booth.aria', { code: booth.code, status });
        const label = isMine ? `${base}, ${t('booth.mine')}` : base;
        return (
          <BoothShape
            key={booth.code}
            booth={booth}
            selected={booth.code === selected}
            mine={isMine}
            dimmed={dimmed?.has(booth.code) ?? false}
            highlighted={highlighted?.has(booth.code) ?? false}
            large={variant === 'display'}
            label={label}
            onSelect={onSelect}
          />
        );
      })}
    </svg>
  );

  if (!zoomable) return svg;
  return (
    <div className="map-zoom">
      {svg}
      <div className="map-zoom__buttons" role="group" aria-label={t('mapx.zoom')}>
        <button type="button" className="btn map-zoom__btn" onClick={() => zoomBy(1.5)} aria-label={t('mapx.zoomIn')} data-testid="zoom-in">
          +
        </button>
        <button
          type="button"
          className="btn map-zoom__btn"
          onClick={() => zoomBy(1 / 1.5)}
          disabled={!zoomed}
          aria-label={t('mapx.zoomOut')}
          data-testid="zoom-out"
        >
          −
        </button>
        <button
          type="button"
          className="btn map-zoom__btn"
          onClick={() => setZoomed(null)}
          disabled={!zoomed}
          aria-label={t('mapx.zoomReset')}
          data-testid="zoom-reset"
        >
          ⤢
        </button>
      </div>
    </div>
  );
}
