import { useId, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { addChips, removeChip } from '../lib/buyers';
import type { FieldErrors } from '../lib/catalogue';
import { FieldError } from './FieldError';

interface ChipsFieldProps {
  label: string;
  chips: string[];
  onChange: (chips: string[]) => void;
  max: number;
  maxLength?: number;
  /** Offered as one-tap chips while not chosen. */
  suggestions?: readonly string[];
  /** How a chip reads (e.g. "Organic" as "Hữu cơ"); the value sent stays as it is. */
  display?: (chip: string) => string;
  errors: FieldErrors;
  field: string;
  testId: string;
  hint?: string;
}

/** A list of short texts: typed and added with Enter, a comma or the Add button; each removable; suggestions one tap. */
export function ChipsField({ label, chips, onChange, max, maxLength = 60, suggestions = [], display = (c) => c, errors, field, testId, hint }: ChipsFieldProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const invalid = !!errors[field]?.length;

  const commit = () => {
    if (!text.trim()) return;
    onChange(addChips(chips, text, max, maxLength));
    setText('');
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter' || e.key === ',') {
      e.preventDefault();
      commit();
    }
  };
  const chosen = new Set(chips.map((c) => c.toLocaleLowerCase('vi')));
  const offered = suggestions.filter((s) => !chosen.has(s.toLocaleLowerCase('vi')));

  return (
    <div className="field chips-field" data-testid={testId}>
      <label htmlFor={inputId}>{label}</label>
      {chips.length > 0 && (
        <ul className="chips" aria-label={label}>
          {chips.map((chip) => (
            <li key={chip} className="chip">
              <span>{display(chip)}</span>
              <button
                type="button"
                className="chip__remove"
                onClick={() => onChange(removeChip(chips, chip))}
                aria-label={t('buyers.removeChip', { name: display(chip) })}
                data-testid={`${testId}-remove`}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="chips-field__add">
        <input
          id={inputId}
          value={text}
          maxLength={maxLength * 3}
          enterKeyHint="done"
          aria-invalid={invalid || undefined}
          aria-describedby={[hint ? hintId : '', invalid ? errorId : ''].filter(Boolean).join(' ') || undefined}
          disabled={chips.length >= max}
          onChange={(e) => {
            // A comma typed or pasted ends a chip.
            if (/[,;]/.test(e.target.value)) {
              onChange(addChips(chips, e.target.value, max, maxLength));
              setText('');
            } else setText(e.target.value);
          }}
          onKeyDown={onKey}
          onBlur={commit}
          data-testid={`${testId}-input`}
        />
        <button type="button" className="btn btn--small" onClick={commit} data-testid={`${testId}-add`}>
          {t('buyers.add')}
        </button>
      </div>
      {hint && (
        <span className="field__hint" id={hintId}>
          {hint}
        </span>
      )}
      {offered.length > 0 && chips.length < max && (
        <div className="chips chips--suggest" role="group" aria-label={t('buyers.suggestions')}>
          {offered.map((s) => (
            <button
              key={s}
              type="button"
              className="chip chip--suggest"
              onClick={() => onChange(addChips(chips, s, max, maxLength))}
              data-testid={`${testId}-suggest`}
            >
              + {display(s)}
            </button>
          ))}
        </div>
      )}
      <FieldError errors={errors} field={field} id={errorId} />
    </div>
  );
}
