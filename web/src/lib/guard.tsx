import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { hasRole, useAuth } from './auth';
import type { Me } from './types';

/**
 * Renders its children for a signed-in user with one of `roles`; sends
 * everyone else to sign in first, and tells a user without the role so.
 */
export function RequireRole({ roles, children }: { roles: string[]; children: (me: Me) => ReactNode }) {
  const { t } = useTranslation();
  const { me, loading } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const here = location.pathname + location.search;

  useEffect(() => {
    if (!loading && !me) void navigate(`/login?next=${encodeURIComponent(here)}`, { replace: true });
  }, [loading, me, navigate, here]);

  if (!me) {
    return (
      <main className="page">
        <p className="muted">{t('common.loading')}</p>
      </main>
    );
  }
  if (!hasRole(me, ...roles)) {
    return (
      <main className="page">
        <p className="error" role="alert" data-testid="forbidden">
          {t('errors.forbidden')}
        </p>
      </main>
    );
  }
  return <>{children(me)}</>;
}
