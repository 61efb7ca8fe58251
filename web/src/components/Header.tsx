import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, setLanguage } from '../i18n';
import { hasRole, useAuth } from '../lib/auth';
import { signInPath } from '../lib/signup';
import { Link, useLocation, useNavigate } from 'react-router';

/**
 * The top bar. On a phone it is one line (name, language, sign-in, a menu button) and the links and the account sit in
 * the menu; from 60em wide everything is on the bar and the menu button is gone.
 */
export function Header() {
  const { t, i18n } = useTranslation();
  const { me, loading, logout } = useAuth();
  const location = useLocation();
  const navigate = useNavigate();
  const here = location.pathname + location.search;
  const [open, setOpen] = useState(false);
  const menuId = useId();
  const onAuthPage = location.pathname === '/login' || location.pathname === '/signup';

  // A link followed (or back and forward) closes the menu.
  useEffect(() => setOpen(false), [location.pathname, location.search]);

  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [open]);

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
              {/* On a phone the code shows and the name is read out; from 60em the name shows. */}
              <span className="lang-btn__short" aria-hidden="true">
                {lang.toUpperCase()}
              </span>
              <span className="lang-btn__long">{t(`lang.${lang}`)}</span>
            </button>
          ))}
        </div>
        {!me && !loading && !onAuthPage && (
          <Link to={signInPath(here)} className="btn btn--small topbar__signin" data-testid="sign-in">
            {t('nav.signIn')}
          </Link>
        )}
        <button
          type="button"
          className="topbar__menu-btn"
          aria-expanded={open}
          aria-controls={menuId}
          onClick={() => setOpen((o) => !o)}
          data-testid="menu-button"
        >
          <span aria-hidden="true">{open ? '✕' : '☰'}</span>
          <span className="sr-only">{open ? t('nav.closeMenu') : t('nav.menu')}</span>
        </button>
        <div className={open ? 'topbar__more topbar__more--open' : 'topbar__more'} id={menuId}>
          <nav className="topbar__nav" aria-label={t('nav.menu')}>
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
            {hasRole(me, 'Buyer') && (
              <Link to="/buyer" data-testid="nav-buyer">
                {t('nav.buyer')}
              </Link>
            )}
            {hasRole(me, 'Admin') && (
              <Link to="/admin/users" data-testid="nav-users">
                {t('nav.users')}
              </Link>
            )}
            {hasRole(me, 'Admin', 'Organiser') && (
              <Link to="/operations" data-testid="nav-operations">
                {t('nav.operations')}
              </Link>
            )}
            {!me && !loading && !onAuthPage && (
              <Link to={`/signup?next=${encodeURIComponent(here)}`} data-testid="nav-signup">
                {t('nav.signUp')}
              </Link>
            )}
          </nav>
          {me && (
            <div className="topbar__user">
              <span className="user-name" data-testid="user-name">
                {me.displayName || me.email}
              </span>
              <button type="button" className="btn btn--small" onClick={signOut} data-testid="sign-out">
                {t('nav.signOut')}
              </button>
            </div>
          )}
        </div>
      </div>
    </header>
  );
}
