import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../i18n';
import { hasRole, useAuth } from '../lib/auth';
import { Link, useLocation, useNavigate } from 'react-router';

export function Header() {
  const { t, i18n } = useTranslation();
  const { me, loading, logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const here = location.pathname + location.search;

  const signOut = async () => {
    try {
      await logout();
    } finally {
      void navigate('/');
    }
  };

  return (
    <header className="topbar">
      <div className="topbar__inner">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <nav className="topbar__nav">
          <Link to="/">{t('nav.fairs')}</Link>
          {me && <Link to="/inbox">{t('nav.inbox')}</Link>}
          {hasRole(me, 'Producer') && (
            <>
              <Link to="/producer" data-testid="nav-producer">
                {t('nav.producer')}
              </Link>
              <Link to="/producer/applications" data-testid="nav-applications">
                {t('nav.applications')}
              </Link>
            </>
          )}
        </nav>
        <div className="topbar__lang" role="group" aria-label={t('nav.language')}>
          {LANGUAGES.map((lang) => (
            <button
              key={lang}
              type="button"
              lang={lang}
              className="lang-btn"
              aria-pressed={i18n.language === lang}
              data-testid={`lang-${lang}`}
              onClick={() => setLanguage(lang)}
            >
              {t(`lang.${lang}`)}
            </button>
          ))}
        </div>
        <div className="topbar__user">
          {me ? (
            <>
              <span className="user-name" data-testid="user-name">
                {me.displayName || me.email}
              </span>
              <button type="button" className="btn btn--small" onClick={signOut} data-testid="sign-out">
                {t('nav.signOut')}
              </button>
            </>
          ) : (
            !loading &&
            location.pathname !== '/login' && (
              <Link
                to={`/login?next=${encodeURIComponent(here)}`}
                className="btn btn--small"
                data-testid="sign-in"
              >
                {t('nav.signIn')}
              </Link>
            )
          )}
        </div>
      </div>
    </header>
  );
}
