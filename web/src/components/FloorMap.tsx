import { memo, useMemo, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BoothFace } from './BoothFace';
import { floorExtent, zoneBoxes } from '../lib/floorState';
import type { Booth, Floor } from '../lib/types';

interface FloorMapProps {
  floor: Floor;
  selected?: string | null;
  /** Without it the map is a picture only (the hall display). */
  onSelect?: (code: string) => void;
  /** Booths held or confirmed by the signed-in producer: outlined. */
  mine?: ReadonlySet<string>;
  /** Booths that do not match the filters: drawn faint, still there. */
  dimmed?: ReadonlySet<string>;
  /** `display`: large booth codes for a screen in the hall. */
  variant?: 'page' | 'display';
}

interface BoothShapeProps {
  booth: Booth;
  selected: boolean;
  mine: boolean;
  dimmed: boolean;
  large: boolean;
  label: string;
  onSelect?: (code: string) => void;
}

const BoothShape = memo(function BoothShape({ booth, selected, mine, dimmed, large, label, onSelect }: BoothShapeProps) {
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
  const classes = ['booth', `booth--${status}`];
  if (selected) classes.push('booth--selected');
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
        overlay={status === 'Blocked' && <rect className="booth__hatch" x={x} y={y} width={w} height={h} />}
      />
    </g>
  );
});

/** The fair's floor plan as an SVG in floor coordinates (metres). */
export function FloorMap({ floor, selected, onSelect, mine, dimmed, variant = 'page' }: FloorMapProps) {
  const { t } = useTranslation();
  const { width, height } = floorExtent(floor);
  const zones = useMemo(() => zoneBoxes(floor), [floor]);
  const zoneFont = Math.max(Math.min(width, height) * 0.035, 0.4);

  return (
    <svg
      className={`floor-map floor-map--${variant}`}
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      preserveAspectRatio="xMidYMid meet"
      role="group"
      aria-label={t('map.title')}
      data-testid="floor-map"
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
              {zone.name || zone.code}
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
            large={variant === 'display'}
            label={label}
            onSelect={onSelect}
          />
        );
      })}
    </svg>
  );
}
