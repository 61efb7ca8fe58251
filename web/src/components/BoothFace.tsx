import type { ReactNode } from 'react';

/**
 * What a booth shows inside its SVG group on both maps, the live floor and the plan editor: its box, an optional
 * inner frame (your booth, an occupied booth) and its code centred. Class names are `${block}__box`,
 * `${block}__code` and `frameClass`; `overlay` is drawn between the box and the frame (the blocked hatch).
 */
export function BoothFace(props: {
  block: string;
  x: number;
  y: number;
  w: number;
  h: number;
  text: string;
  fontSize: number;
  inset: number;
  frameClass?: string;
  overlay?: ReactNode;
}) {
  const { block, x, y, w, h, text, fontSize, inset, frameClass, overlay } = props;
  return (
    <>
      <rect className={`${block}__box`} x={x} y={y} width={w} height={h} vectorEffect="non-scaling-stroke" />
      {overlay}
      {frameClass && (
        <rect
          className={frameClass}
          x={x + inset}
          y={y + inset}
          width={Math.max(w - 2 * inset, 0)}
          height={Math.max(h - 2 * inset, 0)}
          vectorEffect="non-scaling-stroke"
        />
      )}
      <text
        className={`${block}__code`}
        x={x + w / 2}
        y={y + h / 2}
        fontSize={fontSize}
        textAnchor="middle"
        dominantBaseline="central"
        aria-hidden="true"
      >
        {text}
      </text>
    </>
  );
}
