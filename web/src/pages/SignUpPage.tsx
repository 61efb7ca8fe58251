import { useEffect, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { FieldError } from '../components/FieldError';
import { useSignUp } from '../hooks/useSignUp';
import { errorMessage } from '../lib/api';
import { LANGUAGES } from '../i18n';
import type { SignUpRole } from '../lib/signup';

const ROLES: readonly SignUpRole[] = ['Producer', 'Buyer'];

/** Self sign-up for producers and buyers; organisers' accounts are made by an admin. */
export function SignUpPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const next = search.get('next');
  const page = useSignUp(next);
  const { values, set, errors, checks } = page;
  const loginLink = next ? `/login?next=${encodeURIComponent(next)}` : '/login';

  useEffect(() => {
    document.title = `${t('signup.title')} · ${t('app.name')}`;
  }, [t]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void page.submit();
  };

  return (
    <main className="page page--narrow">
      <h1>{t('signup.title')}</h1>
      <p className="muted">{t('signup.intro')}</p>
      <form className="form" onSubmit={submit} noValidate data-testid="signup-form">
        <fieldset className="fieldset">
          <legend>{t('signup.role')}</legend>
          <div className="role-choice">
            {ROLES.map((role) => (
              <label key={role} className="role-choice__option">
                <input
                  type="radio"
                  name="role"
                  value={role}
                  checked={values.role === role}
                  onChange={() => set('role', role)}
                  data-testid={`signup-role-${role}`}
                />
                <span>
                  <strong>{t(`signup.roles.${role}`)}</strong>
                  <span className="field__hint"> {t(`signup.roleHints.${role}`)}</span>
                </span>
              </label>
            ))}
          </div>
          <FieldError errors={errors} field="role" />
        </fieldset>
        <label className="field">
          <span>{t('signup.displayName')}</span>
          <input
            name="displayName"
            autoComplete="name"
            required
            maxLength={200}
            value={values.displayName}
            aria-invalid={!!errors.displayName}
            onChange={(e) => set('displayName', e.target.value)}
            data-testid="signup-displayName"
          />
          <span className="field__hint">{t('signup.displayNameHint')}</span>
          <FieldError errors={errors} field="displayName" />
        </label>
        <label className="field">
          <span>{t('login.email')}</span>
          <input
            name="email"
            type="email"
            autoComplete="username"
            inputMode="email"
            required
            value={values.email}
            aria-invalid={!!errors.email}
            onChange={(e) => set('email', e.target.value)}
            data-testid="signup-email"
          />
          <FieldError errors={errors} field="email" />
        </label>
        <label className="field">
          <span>{t('login.password')}</span>
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            required
            value={values.password}
            aria-invalid={!!errors.password}
            aria-describedby="password-rules"
            onChange={(e) => set('password', e.target.value)}
            data-testid="signup-password"
          />
          <FieldError errors={errors} field="password" />
        </label>
        {page.rulesError ? (
          <p className="error" role="alert">
            {errorMessage(page.rulesError)}
          </p>
        ) : (
          <ul className="password-rules" id="password-rules" aria-live="polite" data-testid="password-rules">
            {checks.map((check) => (
              <li
                key={check.key}
                className={check.met ? 'password-rules__met' : undefined}
                data-testid={`password-rule-${check.key}`}
                data-met={check.met}
              >
                <span aria-hidden="true">{check.met ? '✓' : '○'}</span> {t(`signup.rules.${check.key}`, { count: check.count })}
                <span className="sr-only"> — {check.met ? t('signup.ruleMet') : t('signup.ruleNotMet')}</span>
              </li>
            ))}
          </ul>
        )}
        <label className="field">
          <span>{t('signup.locale')}</span>
          <select name="locale" value={values.locale} onChange={(e) => set('locale', e.target.value === 'en' ? 'en' : 'vi')}>
            {LANGUAGES.map((lang) => (
              <option key={lang} value={lang} lang={lang}>
                {t(`lang.${lang}`)}
              </option>
            ))}
          </select>
          <FieldError errors={errors} field="locale" />
        </label>
        {page.error && (
          <p className="error" role="alert" data-testid="signup-error">
            {page.error}
          </p>
        )}
        <button type="submit" className="btn btn--primary" disabled={page.busy} data-testid="signup-submit">
          {page.busy ? t('signup.working') : t('signup.submit')}
        </button>
      </form>
      <p className="auth-switch">
        {t('signup.haveAccount')}{' '}
        <Link to={loginLink} data-testid="signup-to-login">
          {t('signup.toLogin')}
        </Link>
      </p>
    </main>
  );
}

export default SignUpPage;
