import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../lib/catalogue';

/** Messages for one field; codes from the browser's own checks are translated. */
export function FieldError({ errors, field, id }: { errors: FieldErrors; field: string; id?: string }) {
  const { t } = useTranslation();
  const messages = errors[field];
  if (!messages?.length) return null;
  return (
    <span className="field__error" role="alert" id={id} data-testid={`error-${field}`}>
      {messages.map((m) => t(`fieldErrors.${m}`, { defaultValue: m })).join(' ')}
    </span>
  );
}
