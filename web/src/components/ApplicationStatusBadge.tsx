import { useTranslation } from 'react-i18next';
import type { ApplicationStatus } from '../lib/types';

export function ApplicationStatusBadge({ status, testId }: { status: ApplicationStatus; testId?: string }) {
  const { t } = useTranslation();
  return (
    <span className={`badge badge--app-${status}`} data-status={status} data-testid={testId}>
      {t(`applicationStatus.${status}`, { defaultValue: status })}
    </span>
  );
}
