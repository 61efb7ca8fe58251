import { useEffect, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../components/FieldError';
import { useAdminUsers, type StaffRole } from '../hooks/useAdminUsers';
import { errorMessage } from '../lib/api';
import { RequireRole } from '../lib/guard';
import { LANGUAGES } from '../i18n';

const STAFF_ROLES: readonly StaffRole[] = ['Organiser', 'Admin'];

function AdminUsersView() {
  const { t } = useTranslation();
  const page = useAdminUsers();
  const { values, set, errors } = page;

  useEffect(() => {
    document.title = `${t('adminUsers.title')} · ${t('app.name')}`;
  }, [t]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void page.create();
  };

  return (
    <main className="page">
      <h1>{t('adminUsers.title')}</h1>
      <section className="section" aria-labelledby="new-account">
        <h2 id="new-account">{t('adminUsers.newTitle')}</h2>
        <p className="muted">{t('adminUsers.intro')}</p>
        <form className="form admin-users__form" onSubmit={submit} noValidate data-testid="admin-user-form">
          <div className="form__row">
            <label className="field">
              <span>{t('adminUsers.role')}</span>
              <select
                name="role"
                value={values.role}
                onChange={(e) => set('role', e.target.value === 'Admin' ? 'Admin' : 'Organiser')}
                data-testid="admin-user-role"
              >
                {STAFF_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`adminUsers.roles.${r}`)}
                  </option>
                ))}
              </select>
              <FieldError errors={errors} field="role" />
            </label>
            <label className="field">
              <span>{t('signup.locale')}</span>
              <select name="locale" value={values.locale} onChange={(e) => set('locale', e.target.value === 'en' ? 'en' : 'vi')}>
                {LANGUAGES.map((lang) => (
                  <option key={lang} value={lang} lang={lang}>
                    {t(`lang.${lang}`)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <label className="field">
            <span>{t('adminUsers.displayName')}</span>
            <input
              name="displayName"
              maxLength={200}
              value={values.displayName}
              aria-invalid={!!errors.displayName}
              onChange={(e) => set('displayName', e.target.value)}
              data-testid="admin-user-displayName"
            />
            <FieldError errors={errors} field="displayName" />
          </label>
          <div className="form__row">
            <label className="field">
              <span>{t('login.email')}</span>
              <input
                name="email"
                type="email"
                inputMode="email"
                autoComplete="off"
                value={values.email}
                aria-invalid={!!errors.email}
                onChange={(e) => set('email', e.target.value)}
                data-testid="admin-user-email"
              />
              <FieldError errors={errors} field="email" />
            </label>
            <label className="field">
              <span>{t('adminUsers.password')}</span>
              <input
                name="password"
                type="password"
                autoComplete="new-password"
                value={values.password}
                aria-invalid={!!errors.password}
                aria-describedby="admin-password-rules"
                onChange={(e) => set('password', e.target.value)}
                data-testid="admin-user-password"
              />
              <FieldError errors={errors} field="password" />
            </label>
          </div>
          <ul className="password-rules" id="admin-password-rules" aria-live="polite">
            {page.checks.map((check) => (
              <li key={check.key} className={check.met ? 'password-rules__met' : undefined} data-met={check.met}>
                <span aria-hidden="true">{check.met ? '✓' : '○'}</span> {t(`signup.rules.${check.key}`, { count: check.count })}
                <span className="sr-only"> — {check.met ? t('signup.ruleMet') : t('signup.ruleNotMet')}</span>
              </li>
            ))}
          </ul>
          {page.error && (
            <p className="error" role="alert" data-testid="admin-user-error">
              {page.error}
            </p>
          )}
          {page.created && (
            <p className="ok" role="status" data-testid="admin-user-created">
              {t('adminUsers.created', { email: page.created })}
            </p>
          )}
          <button type="submit" className="btn btn--primary" disabled={page.busy} data-testid="admin-user-submit">
            {page.busy ? t('common.saving') : t('adminUsers.submit')}
          </button>
        </form>
      </section>

      <section className="section" aria-labelledby="accounts">
        <h2 id="accounts">{t('adminUsers.listTitle')}</h2>
        {page.usersError ? (
          <p className="error" role="alert">
            {errorMessage(page.usersError)}
          </p>
        ) : !page.users ? (
          <p className="muted">{t('common.loading')}</p>
        ) : (
          <div className="table-scroll">
            <table className="users-table" data-testid="admin-users-table">
              <thead>
                <tr>
                  <th scope="col">{t('adminUsers.displayName')}</th>
                  <th scope="col">{t('login.email')}</th>
                  <th scope="col">{t('adminUsers.role')}</th>
                </tr>
              </thead>
              <tbody>
                {page.users.map((u) => (
                  <tr key={u.userId}>
                    <td>{u.displayName}</td>
                    <td className="users-table__email">{u.email}</td>
                    <td>{u.roles.map((r) => t(`adminUsers.roles.${r}`, { defaultValue: r })).join(', ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </main>
  );
}

export function AdminUsersPage() {
  return <RequireRole roles={['Admin']}>{() => <AdminUsersView />}</RequireRole>;
}

export default AdminUsersPage;
