import { useEffect, useRef, useState } from 'react';

interface NumberFieldProps {
  label: string;
  value: number;
  onCommit: (value: number) => void;
  /** A hint to the keyboard and the arrow keys of the field. */
  step?: number;
  min?: number;
  testId?: string;
  invalid?: boolean;
  describedBy?: string;
  suffix?: string;
}

/**
 * A number typed as text (a comma works as a decimal point): each readable number is committed as it is typed, and
 * the field shows the stored value again once it loses focus.
 */
export function NumberField({ label, value, onCommit, step, min, testId, invalid, describedBy, suffix }: NumberFieldProps) {
  const [text, setText] = useState(String(value));
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setText(String(value));
  }, [value]);
  return (
    <label className="field field--number">
      <span>
        {label}
        {suffix ? <span className="muted"> ({suffix})</span> : null}
      </span>
      <input
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={text}
        data-step={step}
        data-min={min}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        data-testid={testId}
        onFocus={() => {
          focused.current = true;
        }}
        onBlur={() => {
          focused.current = false;
          setText(String(value));
        }}
        onChange={(e) => {
          setText(e.target.value);
          const n = Number(e.target.value.trim().replace(',', '.'));
          if (e.target.value.trim() !== '' && Number.isFinite(n) && (min === undefined || n >= min)) onCommit(n);
        }}
        onKeyDown={(e) => {
          if (!step || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
          e.preventDefault();
          const next = Math.round((value + (e.key === 'ArrowUp' ? step : -step)) * 100) / 100;
          if (min === undefined || next >= min) {
            onCommit(next);
            setText(String(next));
          }
        }}
      />
    </label>
  );
}
