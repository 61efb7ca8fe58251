import { useTranslation } from 'react-i18next';
import { groupReasons } from '../lib/applications';
import type { ReasonLike } from '../lib/types';

interface Props {
  reasons: readonly ReasonLike[] | null | undefined;
  /** Names products that reasons point at, when the server's message does not. */
  productName?: (productId: string) => string | undefined;
  title?: string;
}

/**
 * Why an application is (or would be) refused: one item per reason code,
 * with the server's localized messages, or our own text when it sent none.
 */
export function EligibilityReasons({ reasons, productName, title }: Props) {
  const { t } = useTranslation();
  const groups = groupReasons(reasons);
  if (groups.length === 0) return null;
  return (
    <div className="reasons" data-testid="eligibility-reasons" role="status">
      <p className="reasons__title">{title ?? t('apply.notEligible')}</p>
      <ul className="reasons__list">
        {groups.map((g) => {
          const fallback = t(`reasons.${g.code}`, { defaultValue: g.code });
          const names = g.productIds.map((id) => productName?.(id) ?? id);
          const messages =
            g.messages.length > 0 ? g.messages : [names.length ? `${fallback}: ${names.join(', ')}` : fallback];
          return (
            <li
              key={g.code}
              className="reasons__item"
              data-testid={`reason-${g.code}`}
              data-product-ids={g.productIds.join(' ')}
            >
              {messages.length === 1 ? (
                messages[0]
              ) : (
                <ul>
                  {messages.map((m) => (
                    <li key={m}>{m}</li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
