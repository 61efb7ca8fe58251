import { useTranslation } from 'react-i18next';
import type { FairStatus } from '../lib/types';

export function FairStatusBadge({ status }: { status: FairStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--fair badge--${status}`} data-status={status}>
      {t(`fairStatus.${status}`, { defaultValue: status })}
    </span>
  );
}
