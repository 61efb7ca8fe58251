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
  /** The exhibitor's name in lines, under the code (the code moves up to make room); `${block}__name`. */
  lines?: readonly string[];
  lineFontSize?: number;
}) {
  const { block, x, y, w, h, text, fontSize, inset, frameClass, overlay, lines = [], lineFontSize = 0 } = props;
  const named = lines.length > 0 && lineFontSize > 0;
  // With a name: the code above, the lines below it, the whole block centred in the booth.
  const codeSize = named ? Math.min(fontSize, h * 0.3) : fontSize;
  const blockHeight = named ? codeSize + lines.length * lineFontSize * 1.15 : 0;
  const top = y + (h - blockHeight) / 2;
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
        y={named ? top + codeSize / 2 : y + h / 2}
        fontSize={codeSize}
        textAnchor="middle"
        dominantBaseline="central"
        aria-hidden="true"
      >
        {text}
      </text>
      {named && (
        <text className={`${block}__name`} fontSize={lineFontSize} textAnchor="middle" aria-hidden="true">
          {lines.map((line, i) => (
            <tspan key={i} x={x + w / 2} y={top + codeSize + (i + 0.85) * lineFontSize * 1.15}>
              {line}
            </tspan>
          ))}
        </text>
      )}
    </>
  );
}
