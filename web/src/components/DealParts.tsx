// The pieces the deals' pages share (issue 18): a deal's status by name, its totals (VND, tonnes, other units by
// unit), its lines as a table, the terms form (kind, the exhibitor's products, quantity, unit, unit price, one-off or
// monthly, delivery terms, market, validity) and two versions side by side with what changed marked.

import { useTranslation } from 'react-i18next';
import { UNITS, formatIsoDate, unitName, type FieldErrors } from '../lib/catalogue';
import {
  DEAL_KINDS,
  LINE_FIELDS,
  TERM_FIELDS,
  diffVersions,
  lineVnd,
  suggestedUnitPrice,
  type DealForm,
  type DealLineForm,
  type LineField,
  type TermField,
} from '../lib/deals';
import type { DealLine, DealStatus, DealTerms, DealTotals, DealVersion } from '../lib/dealsApi';
import { formatNumber, formatVnd } from '../lib/format';
import { parseQuantityInput, parseVndInput } from '../lib/catalogue';
import type { Product } from '../lib/types';

type T = ReturnType<typeof useTranslation>['t'];

/** A field error code (or the server's localized message) as text. */
export function dealErrorText(t: T, code: string): string {
  return t(`dealPages.fieldErrors.${code}`, { defaultValue: t(`fieldErrors.${code}`, { defaultValue: code }) });
}

export function DealFieldError({ errors, field }: { errors: FieldErrors; field: string }) {
  const { t } = useTranslation();
  const messages = errors[field];
  if (!messages?.length) return null;
  return (
    <span className="field__error" role="alert" id={`err-${field}`} data-testid={`error-${field}`}>
      {messages.map((m) => dealErrorText(t, m)).join(' ')}
    </span>
  );
}

export function DealStatusBadge({ status }: { status: DealStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge deal-status deal-status--${status.toLowerCase()}`} data-testid="deal-status" data-status={status}>
      {t(`dealPages.status.${status}`)}
    </span>
  );
}

/** "Hà Nội", or the country's name for an export market ("Nhật Bản (JP)"). */
export function marketText(market: DealTerms['market'], lang: string): string {
  if (!market) return '';
  if (!market.export) return market.name;
  try {
    const name = new Intl.DisplayNames([lang === 'en' ? 'en' : 'vi'], { type: 'region' }).of(market.name);
    return name && name !== market.name ? `${name} (${market.name})` : market.name;
  } catch {
    return market.name;
  }
}

export function TotalsView({ totals, testId = 'deal-totals' }: { totals: DealTotals; testId?: string }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const others = Object.entries(totals.otherUnits ?? {});
  return (
    <dl className="facts deal-totals" data-testid={testId}>
      <dt>{t('dealPages.totals.vnd')}</dt>
      <dd data-testid="total-vnd">{formatVnd(totals.vnd, lang)}</dd>
      <dt>{t('dealPages.totals.tonnes')}</dt>
      <dd data-testid="total-tonnes">{t('dealPages.totals.tonnesValue', { amount: formatNumber(totals.tonnes, lang, 3) })}</dd>
      {others.length > 0 && (
        <>
          <dt>{t('dealPages.totals.other')}</dt>
          <dd data-testid="total-other">{others.map(([unit, n]) => `${formatNumber(n, lang, 3)} ${unitName(unit, t)}`).join(' · ')}</dd>
        </>
      )}
    </dl>
  );
}

function periodText(t: T, months: number | null | undefined) {
  return months ? t('dealPages.form.monthlyFor', { months }) : t('dealPages.form.oneOff');
}

/** A deal's lines as a table (scrolls sideways on a phone). */
export function LinesTable({ lines }: { lines: readonly DealLine[] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  // On a phone the table scrolls sideways: the region takes the keyboard's focus so it scrolls without a mouse.
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('dealPages.form.lines')}>
      <table className="table deal-lines" data-testid="deal-lines">
        <thead>
          <tr>
            <th scope="col">{t('dealPages.form.product')}</th>
            <th scope="col">{t('dealPages.form.quantity')}</th>
            <th scope="col">{t('dealPages.form.unitPrice')}</th>
            <th scope="col">{t('dealPages.form.period')}</th>
            <th scope="col">{t('dealPages.totals.vnd')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((l, i) => (
            <tr key={`${l.productId}-${i}`} data-testid={`deal-line-${i}`}>
              <td>{l.productName}</td>
              <td className="nowrap" data-testid="line-quantity">
                {formatNumber(l.quantity, lang, 3)} {unitName(l.unit, t)}
              </td>
              <td className="nowrap">{formatVnd(l.unitPriceVnd, lang)}</td>
              <td>{periodText(t, l.months)}</td>
              <td className="nowrap">{formatVnd(lineVnd(l), lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

// The form.

interface TermsFormProps {
  form: DealForm;
  onChange: (form: DealForm) => void;
  products: readonly Product[];
  errors: FieldErrors;
  idPrefix?: string;
}

function LineEditor({
  line,
  index,
  products,
  errors,
  onChange,
  onRemove,
  idPrefix,
}: {
  line: DealLineForm;
  index: number;
  products: readonly Product[];
  errors: FieldErrors;
  onChange: (line: DealLineForm) => void;
  onRemove: (() => void) | null;
  idPrefix: string;
}) {
  const { t, i18n } = useTranslation();
  const at = `lines[${index}]`;
  const id = (f: string) => `${idPrefix}-line${index}-${f}`;
  const invalid = (f: string) => (errors[`${at}.${f}`]?.length ? true : undefined);
  const q = parseQuantityInput(line.quantity);
  const p = parseVndInput(line.unitPrice);
  const months = line.months.trim() ? Number(line.months) : null;
  const value = q !== null && !Number.isNaN(q) && p !== null && !Number.isNaN(p) ? lineVnd({ quantity: q, unitPriceVnd: p, months, unit: line.unit }) : null;
  return (
    <fieldset className="fieldset deal-line-form" data-testid={`line-form-${index}`}>
      <legend>{t('dealPages.form.line', { n: index + 1 })}</legend>
      <div className="field">
        <label htmlFor={id('product')}>{t('dealPages.form.product')}</label>
        <select
          id={id('product')}
          value={line.productId}
          aria-invalid={invalid('productId')}
          data-testid="line-product"
          onChange={(e) => {
            const product = products.find((x) => x.productId === e.target.value);
            const suggested = suggestedUnitPrice(product);
            onChange({
              ...line,
              productId: e.target.value,
              unit: product?.priceRange?.unit ?? product?.capacityPerMonth?.unit ?? line.unit,
              unitPrice: line.unitPrice || suggested,
            });
          }}
        >
          <option value="">—</option>
          {products.map((p) => (
            <option key={p.productId} value={p.productId}>
              {p.name}
            </option>
          ))}
        </select>
        <DealFieldError errors={errors} field={`${at}.productId`} />
      </div>
      <div className="deal-line-grid">
        <div className="field">
          <label htmlFor={id('quantity')}>{t('dealPages.form.quantity')}</label>
          <input
            id={id('quantity')}
            type="text"
            inputMode="decimal"
            autoComplete="off"
            value={line.quantity}
            aria-invalid={invalid('quantity')}
            data-testid="line-quantity-input"
            onChange={(e) => onChange({ ...line, quantity: e.target.value })}
          />
          <DealFieldError errors={errors} field={`${at}.quantity`} />
        </div>
        <div className="field">
          <label htmlFor={id('unit')}>{t('dealPages.form.unit')}</label>
          <select id={id('unit')} value={line.unit} aria-invalid={invalid('unit')} data-testid="line-unit" onChange={(e) => onChange({ ...line, unit: e.target.value })}>
            {UNITS.map((u) => (
              <option key={u} value={u}>
                {unitName(u, t)}
              </option>
            ))}
          </select>
          <DealFieldError errors={errors} field={`${at}.unit`} />
        </div>
        <div className="field">
          <label htmlFor={id('price')}>{t('dealPages.form.unitPrice')}</label>
          <input
            id={id('price')}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={line.unitPrice}
            aria-invalid={invalid('unitPriceVnd')}
            data-testid="line-price"
            onChange={(e) => onChange({ ...line, unitPrice: e.target.value })}
          />
          <DealFieldError errors={errors} field={`${at}.unitPriceVnd`} />
        </div>
        <div className="field">
          <label htmlFor={id('months')}>{t('dealPages.form.period')}</label>
          <select id={id('months')} value={line.months} aria-invalid={invalid('months')} data-testid="line-months" onChange={(e) => onChange({ ...line, months: e.target.value })}>
            <option value="">{t('dealPages.form.oneOff')}</option>
            {[1, 2, 3, 6, 9, 12, 18, 24, 36, 48, 60].map((m) => (
              <option key={m} value={String(m)}>
                {t('dealPages.form.monthlyFor', { months: m })}
              </option>
            ))}
            {line.months && ![1, 2, 3, 6, 9, 12, 18, 24, 36, 48, 60].includes(Number(line.months)) && <option value={line.months}>{line.months}</option>}
          </select>
          <DealFieldError errors={errors} field={`${at}.months`} />
        </div>
      </div>
      <p className="muted small" data-testid="line-value">
        {value !== null ? t('dealPages.form.lineValue', { amount: formatVnd(value, i18n.language) }) : '\u00a0'}
      </p>
      {onRemove && (
        <button type="button" className="btn btn--small" onClick={onRemove} data-testid="line-remove">
          {t('dealPages.form.removeLine', { n: index + 1 })}
        </button>
      )}
    </fieldset>
  );
}

export function DealTermsForm({ form, onChange, products, errors, idPrefix = 'deal' }: TermsFormProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<DealForm>) => onChange({ ...form, ...patch });
  const setLine = (i: number, line: DealLineForm) => set({ lines: form.lines.map((l, j) => (j === i ? line : l)) });
  return (
    <div className="deal-form">
      <div className="field">
        <label htmlFor={`${idPrefix}-kind`}>{t('dealPages.form.kind')}</label>
        <select id={`${idPrefix}-kind`} value={form.kind} data-testid="deal-kind" onChange={(e) => set({ kind: e.target.value as DealForm['kind'] })}>
          {DEAL_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`dealPages.kind.${k}`)}
            </option>
          ))}
        </select>
        <DealFieldError errors={errors} field="kind" />
      </div>
      <h3>{t('dealPages.form.lines')}</h3>
      <DealFieldError errors={errors} field="lines" />
      {form.lines.map((line, i) => (
        <LineEditor
          key={i}
          line={line}
          index={i}
          products={products}
          errors={errors}
          idPrefix={idPrefix}
          onChange={(l) => setLine(i, l)}
          onRemove={form.lines.length > 1 ? () => set({ lines: form.lines.filter((_, j) => j !== i) }) : null}
        />
      ))}
      <p>
        <button
          type="button"
          className="btn"
          data-testid="line-add"
          onClick={() => {
            const p = products.find((x) => !form.lines.some((l) => l.productId === x.productId)) ?? products[0];
            set({
              lines: [
                ...form.lines,
                { productId: p?.productId ?? '', quantity: '', unit: p?.priceRange?.unit ?? p?.capacityPerMonth?.unit ?? 'kg', unitPrice: suggestedUnitPrice(p), months: '' },
              ],
            });
          }}
        >
          {t('dealPages.form.addLine')}
        </button>
      </p>
      <div className="field">
        <label htmlFor={`${idPrefix}-delivery`}>{t('dealPages.form.deliveryTerms')}</label>
        <textarea
          id={`${idPrefix}-delivery`}
          rows={3}
          maxLength={2000}
          value={form.deliveryTerms}
          aria-invalid={errors.deliveryTerms?.length ? true : undefined}
          data-testid="deal-delivery"
          onChange={(e) => set({ deliveryTerms: e.target.value })}
        />
        <DealFieldError errors={errors} field="deliveryTerms" />
      </div>
      <fieldset className="fieldset fieldset--plain">
        <legend>{t('dealPages.form.market')}</legend>
        {(['none', 'vn', 'export'] as const).map((m) => (
          <label key={m} className="check">
            <input type="radio" name={`${idPrefix}-market`} value={m} checked={form.market === m} data-testid={`market-${m}`} onChange={() => set({ market: m })} />{' '}
            {t(`dealPages.form.market${m === 'none' ? 'None' : m === 'vn' ? 'Vn' : 'Export'}`)}
          </label>
        ))}
        {form.market !== 'none' && (
          <div className="field">
            <label htmlFor={`${idPrefix}-market-name`}>{t('dealPages.form.marketName')}</label>
            <input
              id={`${idPrefix}-market-name`}
              type="text"
              value={form.marketName}
              maxLength={form.market === 'export' ? 2 : 100}
              aria-invalid={errors['market.name']?.length ? true : undefined}
              data-testid="market-name"
              onChange={(e) => set({ marketName: e.target.value })}
            />
            <DealFieldError errors={errors} field="market.name" />
          </div>
        )}
      </fieldset>
      <div className="deal-line-grid">
        <div className="field">
          <label htmlFor={`${idPrefix}-from`}>{t('dealPages.form.validFrom')}</label>
          <input id={`${idPrefix}-from`} type="date" value={form.validFrom} data-testid="valid-from" onChange={(e) => set({ validFrom: e.target.value })} />
          <DealFieldError errors={errors} field="validFrom" />
        </div>
        <div className="field">
          <label htmlFor={`${idPrefix}-to`}>{t('dealPages.form.validTo')}</label>
          <input
            id={`${idPrefix}-to`}
            type="date"
            value={form.validTo}
            aria-invalid={errors.validTo?.length ? true : undefined}
            data-testid="valid-to"
            onChange={(e) => set({ validTo: e.target.value })}
          />
          <DealFieldError errors={errors} field="validTo" />
        </div>
      </div>
    </div>
  );
}

// Versions side by side.

function termText(t: T, lang: string, terms: DealTerms, f: TermField): string {
  switch (f) {
    case 'kind':
      return t(`dealPages.kind.${terms.kind}`);
    case 'deliveryTerms':
      return terms.deliveryTerms ?? '—';
    case 'market':
      return marketText(terms.market, lang) || '—';
    case 'validFrom':
    case 'validTo':
      return formatIsoDate(terms[f]) || '—';
  }
}

const TERM_LABEL: Record<TermField, string> = {
  kind: 'dealPages.form.kind',
  deliveryTerms: 'dealPages.form.deliveryTerms',
  market: 'dealPages.form.market',
  validFrom: 'dealPages.form.validFrom',
  validTo: 'dealPages.form.validTo',
};

function lineText(t: T, lang: string, l: DealLine | null, f: LineField): string {
  if (!l) return '—';
  switch (f) {
    case 'productId':
      return l.productName;
    case 'quantity':
      return formatNumber(l.quantity, lang, 3);
    case 'unit':
      return unitName(l.unit, t);
    case 'unitPriceVnd':
      return formatVnd(l.unitPriceVnd, lang);
    case 'months':
      return periodText(t, l.months);
  }
}

const LINE_LABEL: Record<LineField, string> = {
  productId: 'dealPages.form.product',
  quantity: 'dealPages.form.quantity',
  unit: 'dealPages.form.unit',
  unitPriceVnd: 'dealPages.form.unitPrice',
  months: 'dealPages.form.period',
};

/** Two versions side by side: every term and every line's fields, the changed cells marked. */
export function VersionsCompare({ a, b }: { a: DealVersion; b: DealVersion }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const diff = diffVersions(a, b);
  const [older, newer] = a.version <= b.version ? [a, b] : [b, a];
  const cell = (changed: boolean, text: string, testId?: string) => (
    <td className={changed ? 'deal-diff--changed' : undefined} data-changed={changed || undefined} data-testid={testId}>
      {changed && <span className="sr-only">* </span>}
      {text}
    </td>
  );
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('dealPages.versions.compare')}>
      <table className="table deal-diff" data-testid="versions-compare">
        <caption className="sr-only">
          {t('dealPages.versions.compare')} {older.version} – {newer.version}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('dealPages.versions.field')}</th>
            <th scope="col">{t('dealPages.deal.version', { version: older.version })}</th>
            <th scope="col">{t('dealPages.deal.version', { version: newer.version })}</th>
          </tr>
        </thead>
        <tbody>
          {TERM_FIELDS.map((f) => {
            const changed = diff.fields.includes(f);
            return (
              <tr key={f} data-testid={`diff-${f}`}>
                <th scope="row">{t(TERM_LABEL[f])}</th>
                {cell(changed, termText(t, lang, older.terms, f))}
                {cell(changed, termText(t, lang, newer.terms, f))}
              </tr>
            );
          })}
          {diff.lines.map((pair, i) =>
            LINE_FIELDS.map((f) => {
              const changed = pair.changed.includes(f);
              return (
                <tr key={`${i}-${f}`} data-testid={`diff-line${i}-${f}`} className={f === 'productId' ? 'deal-diff__line-start' : undefined}>
                  <th scope="row">
                    {t(LINE_LABEL[f])} {f === 'productId' ? `(${t('dealPages.form.line', { n: i + 1 })})` : ''}
                    {f === 'productId' && !pair.before && <span className="badge deal-diff__tag"> {t('dealPages.versions.added')}</span>}
                    {f === 'productId' && !pair.after && <span className="badge deal-diff__tag"> {t('dealPages.versions.removed')}</span>}
                  </th>
                  {cell(changed, lineText(t, lang, pair.before, f))}
                  {cell(changed, lineText(t, lang, pair.after, f), changed ? `diff-changed-${f}` : undefined)}
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
      {!diff.changed && <p className="muted">{t('dealPages.versions.nothing')}</p>}
    </div>
  );
}
