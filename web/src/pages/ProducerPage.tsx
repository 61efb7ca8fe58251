import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ExpiryBadge } from '../components/ExpiryBadge';
import { FieldError } from '../components/FieldError';
import { ProductForm } from '../components/ProductForm';
import { subGroupName } from '../lib/productCard';
import { ShopLinksEditor } from '../components/ShopLinksEditor';
import { api, errorMessage } from '../lib/api';
import {
  PRODUCER_KINDS,
  formToProfile,
  formatIsoDate,
  profileToForm,
  starsText,
  type FieldErrors,
  type ProfileForm,
} from '../lib/catalogue';
import { fieldErrorsOf, unplacedErrors } from '../lib/forms';
import { useAuth } from '../lib/auth';
import { RequireRole } from '../lib/guard';
import { shopLinksToSend } from '../lib/shopLinks';
import { keys, myProducerQuery } from '../lib/queries';
import { Link } from 'react-router';
import type { Producer, Product } from '../lib/types';

const PROFILE_FIELDS = ['name', 'kind', 'province', 'district', 'commune', 'puc', 'phone', 'email', 'description'] as const;

function ProfileSection({ producer, onSaved }: { producer: Producer | null; onSaved: (p: Producer) => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<ProfileForm>(() => profileToForm(producer));
  const [shopRows, setShopRows] = useState<string[]>(() => (producer?.shopLinks ?? []).map((l) => l.url));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);

  const set = (key: keyof ProfileForm, value: string) => {
    setForm((f) => ({ ...f, [key]: value }));
    setSaved(false);
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    // Blank rows go; what is left is sent as it stands, so the server's errors name the rows shown.
    const rows = shopRows.map((r) => r.trim()).filter(Boolean);
    setShopRows(rows);
    const shops = shopLinksToSend(rows);
    if (Object.keys(shops.errors).length > 0) {
      setErrors(shops.errors);
      setError(t('form.fixErrors'));
      setBusy(false);
      return;
    }
    try {
      const result = await api.saveProducer({ ...formToProfile(form), shopLinks: shops.links });
      setErrors({});
      setSaved(true);
      onSaved(result);
    } catch (e) {
      const fields = fieldErrorsOf(e);
      setErrors(fields);
      const rest = unplacedErrors(fields, [...PROFILE_FIELDS, ...Object.keys(fields).filter((k) => k.startsWith('shopLinks'))]);
      setError(rest.length ? rest.join(' ') : Object.keys(fields).length ? t('form.fixErrors') : errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const text = (field: Exclude<keyof ProfileForm, 'kind' | 'description'>, options: { required?: boolean; type?: string; autoComplete?: string; inputMode?: 'tel' | 'email' } = {}) => (
    <label className="field">
      <span>
        {t(`profile.${field}`)}
        {options.required ? ' *' : ''}
      </span>
      <input
        type={options.type ?? 'text'}
        value={form[field]}
        onChange={(e) => set(field, e.target.value)}
        autoComplete={options.autoComplete}
        inputMode={options.inputMode}
        aria-invalid={!!errors[field]}
        aria-describedby={errors[field] ? `err-profile-${field}` : undefined}
        data-testid={`profile-${field}`}
      />
      <FieldError errors={errors} field={field} id={`err-profile-${field}`} />
    </label>
  );

  return (
    <section className="section" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('profile.title')}</h2>
      {producer && !producer.complete && (
        <p className="notice" data-testid="profile-incomplete">
          {t('profile.incomplete')}
        </p>
      )}
      {!producer && <p className="muted">{t('profile.createFirst')}</p>}
      <form className="form card" onSubmit={submit} noValidate data-testid="profile-form">
        {text('name', { required: true, autoComplete: 'organization' })}
        <label className="field">
          <span>{t('profile.kind')}</span>
          <select value={form.kind} onChange={(e) => set('kind', e.target.value)} data-testid="profile-kind">
            {PRODUCER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`producerKind.${k}`)}
              </option>
            ))}
          </select>
          <FieldError errors={errors} field="kind" />
        </label>
        <div className="form__row form__row--3">
          {text('province', { required: true })}
          {text('district', { required: true })}
          {text('commune', { required: true })}
        </div>
        <div className="form__row">
          {text('phone', { type: 'tel', autoComplete: 'tel', inputMode: 'tel' })}
          {text('email', { type: 'email', autoComplete: 'email', inputMode: 'email' })}
        </div>
        {text('puc')}
        <label className="field">
          <span>{t('profile.description')}</span>
          <textarea
            rows={3}
            value={form.description}
            onChange={(e) => set('description', e.target.value)}
            maxLength={4000}
            data-testid="profile-description"
          />
          <FieldError errors={errors} field="description" />
        </label>
        <ShopLinksEditor
          rows={shopRows}
          onChange={(rows) => {
            setShopRows(rows);
            setSaved(false);
          }}
          errors={errors}
        />
        {error && (
          <p className="error" role="alert" data-testid="profile-error">
            {error}
          </p>
        )}
        {saved && (
          <p className="ok" role="status" data-testid="profile-saved">
            {t('profile.saved')}
          </p>
        )}
        <button type="submit" className="btn btn--primary" disabled={busy} data-testid="profile-save">
          {busy ? t('common.saving') : t('common.save')}
        </button>
      </form>
    </section>
  );
}

function CatalogueSection({ producer, onChange }: { producer: Producer; onChange: (products: Product[]) => void }) {
  const { t } = useTranslation();
  // null: no form; 'new': adding; otherwise the product being edited.
  const [editing, setEditing] = useState<Product | 'new' | null>(null);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const products = producer.products ?? [];

  const saved = (product: Product) => {
    const exists = products.some((p) => p.productId === product.productId);
    onChange(exists ? products.map((p) => (p.productId === product.productId ? product : p)) : [...products, product]);
    setEditing(null);
  };

  const remove = async (productId: string) => {
    setBusyId(productId);
    setError(null);
    try {
      await api.deleteProduct(productId);
      onChange(products.filter((p) => p.productId !== productId));
      setConfirming(null);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusyId(null);
    }
  };

  return (
    <section className="section" aria-labelledby="catalogue-title">
      <div className="section__head">
        <h2 id="catalogue-title">{t('catalogue.title')}</h2>
        {editing === null && (
          <button type="button" className="btn btn--small" onClick={() => setEditing('new')} data-testid="add-product">
            + {t('catalogue.add')}
          </button>
        )}
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {editing === 'new' && <ProductForm product={null} onSaved={saved} onCancel={() => setEditing(null)} />}
      {products.length === 0 && editing === null ? (
        <p className="muted">{t('catalogue.empty')}</p>
      ) : (
        <ul className="cards">
          {products.map((p) =>
            editing !== null && editing !== 'new' && editing.productId === p.productId ? (
              <li key={p.productId}>
                <ProductForm product={p} onSaved={saved} onCancel={() => setEditing(null)} />
              </li>
            ) : (
              <li key={p.productId} className="card product-row" data-testid={`product-${p.productId}`}>
                <div className="card__top">
                  <h3 className="product-row__name">
                    <Link to={`/products/${encodeURIComponent(p.productId)}`} data-testid={`product-link-${p.productId}`}>
                      {p.name}
                    </Link>
                  </h3>
                  <span className="stars" aria-label={t('product.starsValue', { count: p.stars })}>
                    {starsText(p.stars)}
                  </span>
                </div>
                <p className="card__meta">
                  {t(`groups.${p.group}`, { defaultValue: '' })}
                  {p.subGroup ? ` · ${subGroupName(p.subGroup, t)}` : ''} · {t('product.certificateNo')} {p.certificateNo} ·{' '}
                  <span className="nowrap">
                    {t('product.expiresShort', { date: formatIsoDate(p.certificateExpiresOn) })}
                  </span>
                </p>
                <ExpiryBadge product={p} />
                <div className="row-actions">
                  <button
                    type="button"
                    className="btn btn--small"
                    onClick={() => setEditing(p)}
                    disabled={editing !== null}
                    data-testid={`edit-product-${p.productId}`}
                  >
                    {t('common.edit')}
                  </button>
                  {confirming === p.productId ? (
                    <>
                      <button
                        type="button"
                        className="btn btn--small btn--danger"
                        onClick={() => void remove(p.productId)}
                        disabled={busyId === p.productId}
                        data-testid={`confirm-delete-${p.productId}`}
                      >
                        {t('catalogue.confirmDelete')}
                      </button>
                      <button type="button" className="btn btn--small" onClick={() => setConfirming(null)}>
                        {t('common.cancel')}
                      </button>
                    </>
                  ) : (
                    <button
                      type="button"
                      className="btn btn--small btn--danger"
                      onClick={() => setConfirming(p.productId)}
                      data-testid={`delete-product-${p.productId}`}
                    >
                      {t('common.delete')}
                    </button>
                  )}
                </div>
              </li>
            ),
          )}
        </ul>
      )}
    </section>
  );
}

function ProducerPortal() {
  const { t } = useTranslation();
  const { refresh } = useAuth();
  // null: signed in, no producer profile yet (the form creates it).
  const queryClient = useQueryClient();
  const { data: producer, error, refetch } = useQuery(myProducerQuery());
  // A save answers the new state: it goes into the cache rather than being loaded again.
  const setProducer = useCallback(
    (change: (old: Producer | null | undefined) => Producer | null | undefined) =>
      queryClient.setQueryData<Producer | null>(keys.myProducer, (old) => change(old) ?? null),
    [queryClient],
  );

  useEffect(() => {
    document.title = `${t('producer.title')} · ${t('app.name')}`;
  }, [t]);

  const setProducts = useCallback(
    (products: Product[]) => setProducer((p) => (p ? { ...p, products } : p)),
    [setProducer],
  );

  return (
    <main className="page">
      <h1>{t('producer.title')}</h1>
      <p className="crumb">
        <Link to="/producer/applications" data-testid="my-applications-link">
          {t('nav.applications')} →
        </Link>
      </p>
      {error ? (
        <div className="error" role="alert">
          <p>{errorMessage(error)}</p>
          <button type="button" className="btn" onClick={() => void refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : producer === undefined ? (
        <p className="muted">{t('common.loading')}</p>
      ) : (
        <>
          <ProfileSection
            producer={producer}
            onSaved={(p) => {
              // The first save creates the producer: /api/me then carries its id.
              if (!producer) void refresh();
              setProducer((old) => ({ ...p, products: p.products ?? old?.products ?? [] }));
            }}
          />
          {producer && <CatalogueSection producer={producer} onChange={setProducts} />}
        </>
      )}
    </main>
  );
}

export function ProducerPage() {
  return <RequireRole roles={['Producer']}>{() => <ProducerPortal />}</RequireRole>;
}

export default ProducerPage;
