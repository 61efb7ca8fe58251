import { useEffect, useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ConfirmBoxProps {
  message: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  /** Test ids: `{testId}`, `{testId}-yes`, `{testId}-no`. */
  testId: string;
  children?: ReactNode;
}

/**
 * An inline question with a confirm and a cancel button (no modal layer: it stays usable on a phone and with a
 * screen reader). The confirm button takes the focus; Escape cancels.
 */
export function ConfirmBox({ message, confirmLabel, onConfirm, onCancel, busy = false, testId, children }: ConfirmBoxProps) {
  const { t } = useTranslation();
  const id = useId();
  const yes = useRef<HTMLButtonElement>(null);
  useEffect(() => yes.current?.focus(), []);
  return (
    <div
      className="confirm"
      role="alertdialog"
      aria-labelledby={`${id}-q`}
      data-testid={testId}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !busy) {
          e.stopPropagation();
          onCancel();
        }
      }}
    >
      <p id={`${id}-q`} className="confirm__question">
        {message}
      </p>
      {children}
      <div className="confirm__actions">
        <button ref={yes} type="button" className="btn btn--accent" onClick={onConfirm} disabled={busy} data-testid={`${testId}-yes`}>
          {busy ? t('common.working') : confirmLabel}
        </button>
        <button type="button" className="btn" onClick={onCancel} disabled={busy} data-testid={`${testId}-no`}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
