import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { ApiError, errorMessage } from '../lib/api';
import { useAuth } from '../lib/auth';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { afterSignIn, isServerPage } from '../lib/signup';
import { formatDateTime } from '../lib/format';

/**
 * Why a sign-in was refused, in words: a wrong password; a lock after too many wrong passwords from this device,
 * until its end in the browser's time; or too many attempts (the server's 429 problems `account.locked`, `rateLimited`).
 */
export function loginErrorMessage(error: unknown, t: TFunction): string {
  // Identity's 401 says only "Unauthorized/Failed": say it plainly.
  if (error instanceof ApiError && error.status === 401) return t('login.failed');
  if (error instanceof ApiError && error.status === 429) {
    const { code, lockedUntil, retryAfter } = error.problem as { code?: string; lockedUntil?: string; retryAfter?: number };
    if (code === 'account.locked' && lockedUntil) {
      return t('login.locked', { time: formatDateTime(lockedUntil, Intl.DateTimeFormat().resolvedOptions().timeZone) });
    }
    return t('login.rateLimited', { seconds: retryAfter ?? 60 });
  }
  return errorMessage(error);
}

export function LoginPage() {
  const { t } = useTranslation();
  const { login } = useAuth();
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const rawNext = search.get('next');
  const next = afterSignIn(rawNext);

  useEffect(() => {
    document.title = `${t('login.title')} · ${t('app.name')}`;
  }, [t]);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const user = await login(email.trim(), password);
      if (!user) {
        // Signed in, but the browser kept no session cookie.
        setError(t('login.noSession'));
        setBusy(false);
        return;
      }
      // The dashboards and the API docs are the server's own pages, not the app's.
      if (isServerPage(next)) window.location.assign(next);
      else void navigate(next, { replace: true });
    } catch (e) {
      setError(loginErrorMessage(e, t));
      setBusy(false);
    }
  };

  return (
    <main className="page page--narrow">
      <h1>{t('login.title')}</h1>
      <form className="form" onSubmit={submit} noValidate={false}>
        <label className="field">
          <span>{t('login.email')}</span>
          <input
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </label>
        {error && (
          <p className="error" role="alert" data-testid="login-error">
            {error}
          </p>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid="login-submit">
          {busy ? t('login.working') : t('login.submit')}
        </button>
      </form>
      <p className="auth-switch">
        {t('signup.noAccount')}{' '}
        <Link to={rawNext ? `/signup?next=${encodeURIComponent(rawNext)}` : '/signup'} data-testid="login-to-signup">
          {t('signup.link')}
        </Link>
      </p>
    </main>
  );
}
