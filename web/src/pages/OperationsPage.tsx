import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { hasRole } from '../lib/auth';
import { RequireRole } from '../lib/guard';
import type { Me } from '../lib/types';

interface OperatorLink {
  key: 'hangfire' | 'orleans' | 'apiDocs';
  href: string;
  /** Roles that may open it (the server checks again). */
  roles: string[];
}

/** The server's own pages; plain links, since they are not routes of this app. */
export const OPERATOR_LINKS: readonly OperatorLink[] = [
  { key: 'hangfire', href: '/hangfire', roles: ['Admin', 'Organiser'] },
  { key: 'orleans', href: '/orleans/', roles: ['Admin'] },
  { key: 'apiDocs', href: '/api/docs/', roles: ['Admin', 'Organiser'] },
];

export function operatorLinksFor(me: Me | null): OperatorLink[] {
  return OPERATOR_LINKS.filter((link) => hasRole(me, ...link.roles));
}

function OperationsView({ me }: { me: Me }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${t('operations.title')} · ${t('app.name')}`;
  }, [t]);

  return (
    <main className="page">
      <h1>{t('operations.title')}</h1>
      <p className="muted">{t('operations.intro')}</p>
      <ul className="ops-links" data-testid="operator-links">
        {operatorLinksFor(me).map((link) => (
          <li key={link.key} className="card">
            <a href={link.href} className="ops-links__link" data-testid={`ops-${link.key}`}>
              {t(`operations.${link.key}`)}
            </a>
            <p className="muted">{t(`operations.${link.key}Hint`)}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}

export function OperationsPage() {
  return <RequireRole roles={['Admin', 'Organiser']}>{(me) => <OperationsView me={me} />}</RequireRole>;
}

export default OperationsPage;
