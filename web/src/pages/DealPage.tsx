// One deal, or the form that drafts one. A deal: its parties, terms, totals and status; the signatures on the current
// version and "sign version N"; send for signatures, change the terms (a new version both sign again), cancel with a
// reason; every version, two of them side by side with what changed marked; follow-ups at 3 and 6 months; whether
// this side allows prices on the public page; links to the printable document and the verification page. The other
// side's change arrives live: the page shows the new version and says so. Markup over useDeal / useNewDeal.

import { useEffect, useRef, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { DealFieldError, DealStatusBadge, DealTermsForm, LinesTable, TotalsView, VersionsCompare, marketText } from '../components/DealParts';
import { LiveStatus } from '../components/LiveStatus';
import { useDeal, useNewDeal, type NewDealSearch } from '../hooks/useDeal';
import { UNITS, formatIsoDate, parseQuantityInput, unitName } from '../lib/catalogue';
import { DELIVERY_STATUSES, FOLLOW_UP_MONTHS, signaturesOn, type DealForm } from '../lib/deals';
import { dealLinks, type DealVersion, type DeliveryStatus } from '../lib/dealsApi';
import { formatDateTime } from '../lib/format';
import type { HubConnectionLike } from '../lib/live';
import { fairQuery } from '../lib/queries';

type OneDeal = ReturnType<typeof useDeal>;

function useTitle(title: string) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [t, title]);
}

function Signatures({ d, version }: { d: OneDeal; version: number }) {
  const { t } = useTranslation();
  const deal = d.deal!;
  const on = signaturesOn(deal, version);
  return (
    <ul className="deal-signatures" data-testid="deal-signatures">
      {(['Buyer', 'Producer'] as const).map((side) => {
        const s = on[side];
        return (
          <li key={side} data-testid={`signature-${side}`} data-signed={s ? 'true' : 'false'} className={s ? 'ok' : 'muted'}>
            {s
              ? t('dealPages.deal.signedBy', { side: t(`dealPages.side.${side}`), time: formatDateTime(s.at, d.fair?.timeZone) })
              : t('dealPages.deal.notSigned', { side: t(`dealPages.side.${side}`) })}
          </li>
        );
      })}
    </ul>
  );
}

function CancelBox({ d, onDone }: { d: OneDeal; onDone: () => void }) {
  const { t } = useTranslation();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  return (
    <form
      className="form deal-box"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!reason.trim()) return setMissing(true);
        if (await d.act({ kind: 'cancel', reason: reason.trim() })) onDone();
      }}
    >
      <div className="field">
        <label htmlFor="deal-cancel-reason">{t('dealPages.deal.cancelReason')}</label>
        <textarea
          id="deal-cancel-reason"
          rows={2}
          maxLength={500}
          value={reason}
          aria-required="true"
          aria-invalid={missing || undefined}
          data-testid="deal-cancel-reason"
          onChange={(e) => {
            setReason(e.target.value);
            setMissing(false);
          }}
        />
        {missing && (
          <span className="field__error" role="alert">
            {t('dealPages.deal.reasonRequired')}
          </span>
        )}
      </div>
      <div className="form__actions">
        <button type="submit" className="btn btn--danger" disabled={!!d.busy} data-testid="deal-cancel-confirm">
          {t('dealPages.deal.cancelConfirm')}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          {t('dealPages.deal.close')}
        </button>
      </div>
    </form>
  );
}

function ChangeBox({ d, onDone }: { d: OneDeal; onDone: () => void }) {
  const { t } = useTranslation();
  const [form, setForm] = useState<DealForm>(() => d.formOf());
  return (
    <form
      className="form deal-box"
      noValidate
      data-testid="deal-change-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (!d.check(form)) return;
        if (await d.act({ kind: 'change', form })) onDone();
      }}
    >
      <p className="notice">{t('dealPages.form.changeHint')}</p>
      <DealTermsForm form={form} onChange={setForm} products={d.products} errors={d.fieldErrors} idPrefix="change" />
      {Object.keys(d.fieldErrors).length > 0 && (
        <p className="error" role="alert">
          {t('dealPages.form.fixErrors')}
        </p>
      )}
      <div className="form__actions">
        <button type="submit" className="btn btn--primary" disabled={!!d.busy} data-testid="deal-change-save">
          {d.busy === 'change' ? t('dealPages.form.saving') : t('dealPages.form.saveChange')}
        </button>
        <button type="button" className="btn" onClick={onDone}>
          {t('dealPages.form.cancelEdit')}
        </button>
      </div>
    </form>
  );
}

function FollowUps({ d }: { d: OneDeal }) {
  const { t } = useTranslation();
  const deal = d.deal!;
  const canReport = d.actions.includes('followUp');
  const [atMonths, setAtMonths] = useState(FOLLOW_UP_MONTHS[0]);
  const [status, setStatus] = useState<DeliveryStatus>('Delivering');
  const [quantity, setQuantity] = useState('');
  const [unit, setUnit] = useState(deal.terms.lines[0]?.unit ?? 'kg');
  const [note, setNote] = useState('');
  const [saved, setSaved] = useState(false);
  if (!canReport && deal.followUps.length === 0) return null;
  return (
    <section className="section" aria-labelledby="deal-followups" data-testid="deal-followups">
      <h2 id="deal-followups">{t('dealPages.followUp.title')}</h2>
      <p className="muted">{t('dealPages.followUp.intro')}</p>
      {deal.followUps.length === 0 ? (
        <p className="muted">{t('dealPages.followUp.none')}</p>
      ) : (
        <ul>
          {deal.followUps.map((f) => (
            <li key={`${f.side}-${f.atMonths}`} data-testid={`followup-${f.side}-${f.atMonths}`}>
              {t('dealPages.followUp.row', { side: t(`dealPages.side.${f.side}`), months: f.atMonths, status: t(`dealPages.delivery.${f.status}`) })}
              {f.quantityDelivered != null && ` — ${f.quantityDelivered} ${unitName(f.unit ?? '', t)}`}
              {f.note && <span className="prewrap small"> — {f.note}</span>}
            </li>
          ))}
        </ul>
      )}
      {canReport && (
        <form
          className="form"
          onSubmit={async (e) => {
            e.preventDefault();
            setSaved(false);
            const q = quantity.trim() ? parseQuantityInput(quantity) : null;
            const ok = await d.act({
              kind: 'followUp',
              body: { atMonths, status, quantityDelivered: q !== null && !Number.isNaN(q) ? q : null, unit: quantity.trim() ? unit : null, note: note.trim() || null },
            });
            setSaved(ok);
          }}
        >
          <div className="deal-line-grid">
            <div className="field">
              <label htmlFor="fu-months">{t('dealPages.followUp.when')}</label>
              <select id="fu-months" value={atMonths} onChange={(e) => setAtMonths(Number(e.target.value))} data-testid="followup-months">
                {FOLLOW_UP_MONTHS.map((m) => (
                  <option key={m} value={m}>
                    {t('dealPages.followUp.atMonths', { months: m })}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="fu-status">{t('dealPages.followUp.status')}</label>
              <select id="fu-status" value={status} onChange={(e) => setStatus(e.target.value as DeliveryStatus)} data-testid="followup-status">
                {DELIVERY_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {t(`dealPages.delivery.${s}`)}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="fu-quantity">{t('dealPages.followUp.quantity')}</label>
              <input
                id="fu-quantity"
                type="text"
                inputMode="decimal"
                value={quantity}
                aria-invalid={d.fieldErrors.quantityDelivered?.length ? true : undefined}
                onChange={(e) => setQuantity(e.target.value)}
                data-testid="followup-quantity"
              />
              <DealFieldError errors={d.fieldErrors} field="quantityDelivered" />
            </div>
            <div className="field">
              <label htmlFor="fu-unit">{t('dealPages.followUp.unit')}</label>
              <select id="fu-unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
                {UNITS.map((u) => (
                  <option key={u} value={u}>
                    {unitName(u, t)}
                  </option>
                ))}
              </select>
              <DealFieldError errors={d.fieldErrors} field="unit" />
            </div>
          </div>
          <div className="field">
            <label htmlFor="fu-note">{t('dealPages.followUp.note')}</label>
            <textarea id="fu-note" rows={2} maxLength={1000} value={note} onChange={(e) => setNote(e.target.value)} />
            <DealFieldError errors={d.fieldErrors} field="note" />
          </div>
          <div className="form__actions">
            <button type="submit" className="btn btn--primary" disabled={!!d.busy} data-testid="followup-save">
              {t('dealPages.followUp.save')}
            </button>
            {saved && (
              <span className="ok" role="status">
                {t('dealPages.followUp.saved')}
              </span>
            )}
          </div>
        </form>
      )}
    </section>
  );
}

function PublicPrices({ d }: { d: OneDeal }) {
  const { t } = useTranslation();
  const deal = d.deal!;
  if (!d.side || !d.actions.includes('showPrices')) return null;
  const mine = d.side === 'Buyer' ? deal.buyerShowsPrices : deal.producerShowsPrices;
  return (
    <section className="section" aria-labelledby="deal-prices">
      <h2 id="deal-prices">{t('dealPages.prices.title')}</h2>
      <label className="check">
        <input
          type="checkbox"
          checked={mine}
          disabled={d.busy === 'showPrices'}
          data-testid="deal-show-prices"
          onChange={(e) => void d.act({ kind: 'showPrices', show: e.target.checked })}
        />{' '}
        {t('dealPages.prices.label')}
      </label>
      <p className="muted small">{deal.buyerShowsPrices && deal.producerShowsPrices ? t('dealPages.prices.both') : t('dealPages.prices.hint')}</p>
    </section>
  );
}

function Versions({ d, versions }: { d: OneDeal; versions: DealVersion[] }) {
  const { t } = useTranslation();
  const latest = versions.at(-1)!;
  const [pick, setPick] = useState<{ a: number; b: number } | null>(null);
  const a = pick?.a ?? (versions.length > 1 ? versions[versions.length - 2].version : latest.version);
  const b = pick?.b ?? latest.version;
  const va = versions.find((v) => v.version === a) ?? latest;
  const vb = versions.find((v) => v.version === b) ?? latest;
  return (
    <section className="section" aria-labelledby="deal-versions" data-testid="deal-versions">
      <h2 id="deal-versions">{t('dealPages.versions.title')}</h2>
      <ol className="deal-version-list">
        {versions.map((v) => (
          <li key={v.version} data-testid={`version-${v.version}`}>
            <strong>{t('dealPages.deal.version', { version: v.version })}</strong>{' '}
            <span className="muted small">
              {t('dealPages.versions.writtenBy', { side: t(`dealPages.side.${v.writtenBy}`), time: formatDateTime(v.at, d.fair?.timeZone) })}
            </span>
            {' · '}
            <span className="small">
              {(['Buyer', 'Producer'] as const)
                .map((side) => {
                  const s = v.signatures.find((x) => x.side === side && x.version === v.version);
                  return s ? t('dealPages.deal.signedBy', { side: t(`dealPages.side.${side}`), time: formatDateTime(s.at, d.fair?.timeZone) }) : t('dealPages.deal.notSigned', { side: t(`dealPages.side.${side}`) });
                })
                .join('; ')}
            </span>
          </li>
        ))}
      </ol>
      {versions.length < 2 ? (
        <p className="muted">{t('dealPages.versions.only')}</p>
      ) : (
        <>
          <div className="deal-line-grid">
            <div className="field">
              <label htmlFor="cmp-a">{t('dealPages.versions.before')}</label>
              <select id="cmp-a" value={a} onChange={(e) => setPick({ a: Number(e.target.value), b })} data-testid="compare-a">
                {versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    {t('dealPages.deal.version', { version: v.version })}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="cmp-b">{t('dealPages.versions.after')}</label>
              <select id="cmp-b" value={b} onChange={(e) => setPick({ a, b: Number(e.target.value) })} data-testid="compare-b">
                {versions.map((v) => (
                  <option key={v.version} value={v.version}>
                    {t('dealPages.deal.version', { version: v.version })}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <VersionsCompare a={va} b={vb} />
        </>
      )}
    </section>
  );
}

function ExistingDeal({ fairId, dealId, hubFactory }: { fairId: string; dealId: string; hubFactory?: () => Promise<HubConnectionLike> }) {
  const { t, i18n } = useTranslation();
  const d = useDeal(fairId, dealId, { hubFactory });
  const [open, setOpen] = useState<'change' | 'cancel' | null>(null);
  const deal = d.deal;
  const other = deal ? (d.side === 'Producer' ? deal.parties.buyerOrganisation : deal.parties.producerName) : '';
  const title = deal ? t('dealPages.deal.title', { kind: t(`dealPages.kind.${deal.terms.kind}`), name: other }) : t('dealPages.list.title');
  useTitle(title);

  // A version the other side wrote while this page was open: say so, so nobody signs without looking.
  const seen = useRef<number | null>(null);
  const [moved, setMoved] = useState<number | null>(null);
  useEffect(() => {
    if (!deal) return;
    if (seen.current !== null && deal.version > seen.current && d.side && !d.ownVersion(deal.version)) setMoved(deal.version);
    if (seen.current === null || deal.version > seen.current) seen.current = deal.version;
  }, [deal, d]);

  if (d.authLoading) return <p className="muted">{t('common.loading')}</p>;
  if (!d.signedIn)
    return (
      <p className="notice">
        <Link to={`/login?next=${encodeURIComponent(dealLinks.page(fairId, dealId))}`}>{t('dealPages.list.signIn')}</Link>
      </p>
    );
  if (d.notFound)
    return (
      <p className="error" role="alert" data-testid="deal-not-found">
        {t('dealPages.deal.notFound')}
      </p>
    );
  if (!deal)
    return d.loadError ? (
      <p className="error" role="alert">
        {d.loadError}
      </p>
    ) : (
      <p className="muted">{t('common.loading')}</p>
    );

  const lang = i18n.language;
  const versionChanged = d.errorCode === 'deal.versionChanged';
  return (
    <>
      <h1>{title}</h1>
      <div className="deal-head">
        <DealStatusBadge status={deal.status} />
        <span className="muted" data-testid="deal-version" data-version={deal.version}>
          {t('dealPages.deal.version', { version: deal.version })}
        </span>
        <LiveStatus state={d.live} />
      </div>
      {!d.side && <p className="notice">{t('dealPages.deal.readOnly')}</p>}
      {moved !== null && (
        <p className="notice deal-moved" role="status" data-testid="deal-new-version">
          {t('dealPages.deal.newVersion', { version: moved })}
        </p>
      )}
      {deal.status === 'Cancelled' && deal.cancelReason && (
        <p className="notice" data-testid="deal-cancelled">
          {t('dealPages.deal.cancelled', { reason: deal.cancelReason })}
        </p>
      )}
      <section className="section" aria-labelledby="deal-parties">
        <h2 id="deal-parties">{t('dealPages.form.parties')}</h2>
        <dl className="facts">
          <dt>{t('dealPages.side.Producer')}</dt>
          <dd data-testid="deal-producer">
            {deal.parties.producerName}
            {deal.parties.district ? ` — ${deal.parties.district}${deal.parties.province ? `, ${deal.parties.province}` : ''}` : ''}
          </dd>
          <dt>{t('dealPages.side.Buyer')}</dt>
          <dd data-testid="deal-buyer">{deal.parties.buyerOrganisation}</dd>
        </dl>
      </section>
      <section className="section" aria-labelledby="deal-terms">
        <h2 id="deal-terms">{t('dealPages.deal.terms', { version: deal.version })}</h2>
        <LinesTable lines={deal.terms.lines} />
        <TotalsView totals={deal.totals} />
        <p className="prewrap">{deal.terms.deliveryTerms ?? <span className="muted">{t('dealPages.deal.noDelivery')}</span>}</p>
        {deal.terms.market && <p>{t('dealPages.deal.market', { market: marketText(deal.terms.market, lang) })}</p>}
        {(deal.terms.validFrom || deal.terms.validTo) && (
          <p>
            {t('dealPages.deal.validity', {
              from: formatIsoDate(deal.terms.validFrom) || '…',
              to: formatIsoDate(deal.terms.validTo) || t('dealPages.deal.openEnded'),
            })}
          </p>
        )}
      </section>
      <section className="section" aria-labelledby="deal-sign">
        <h2 id="deal-sign">{t('dealPages.deal.signatures', { version: deal.version })}</h2>
        <Signatures d={d} version={deal.version} />
        {d.waiting && (
          <p className={d.waiting === 'you' ? 'deal-waiting deal-waiting--you' : 'deal-waiting muted'} data-testid="deal-waiting" data-waiting={d.waiting}>
            {t(`dealPages.waiting.${d.waiting}`)}
          </p>
        )}
        {versionChanged && (
          <p className="notice" role="alert" data-testid="deal-version-changed">
            {t('dealPages.deal.versionChanged')}
          </p>
        )}
        {d.error && !versionChanged && (
          <p className="error" role="alert" data-testid="deal-error">
            {d.error}
          </p>
        )}
        {d.side && !open && (
          <div className="row-actions">
            {d.actions.includes('sign') && (
              <button
                type="button"
                className="btn btn--primary"
                disabled={!!d.busy}
                data-testid="deal-sign"
                data-version={deal.version}
                onClick={() => {
                  setMoved(null);
                  void d.act({ kind: 'sign', version: deal.version });
                }}
              >
                {d.busy === 'sign' ? t('dealPages.deal.signing') : t('dealPages.deal.sign', { version: deal.version })}
              </button>
            )}
            {d.actions.includes('propose') && (
              <button type="button" className="btn" disabled={!!d.busy} data-testid="deal-propose" onClick={() => void d.act({ kind: 'propose' })}>
                {t('dealPages.deal.propose')}
              </button>
            )}
            {d.actions.includes('change') && (
              <button type="button" className="btn" disabled={!!d.busy} data-testid="deal-change" onClick={() => setOpen('change')}>
                {t('dealPages.deal.change')}
              </button>
            )}
            {d.actions.includes('cancel') && (
              <button type="button" className="btn btn--danger" disabled={!!d.busy} data-testid="deal-cancel" onClick={() => setOpen('cancel')}>
                {t('dealPages.deal.cancel')}
              </button>
            )}
          </div>
        )}
        {open === 'change' && <ChangeBox d={d} onDone={() => setOpen(null)} />}
        {open === 'cancel' && <CancelBox d={d} onDone={() => setOpen(null)} />}
      </section>
      {d.versions && d.versions.length > 0 && <Versions d={d} versions={d.versions} />}
      <FollowUps d={d} />
      <PublicPrices d={d} />
      <p className="fair-actions">
        <Link className="btn" to={dealLinks.print(fairId, deal.dealId)} data-testid="deal-print">
          {t('dealPages.deal.print')}
        </Link>
        {deal.status !== 'Draft' && (
          // A draft was never sent for signatures: the public page does not show it.
          <Link className="btn" to={dealLinks.verify(deal.dealId)} data-testid="deal-verify">
            {t('dealPages.deal.verify')}
          </Link>
        )}
      </p>
      <p>
        <Link to={dealLinks.list(fairId)}>{t('dealPages.deal.back')}</Link>
      </p>
    </>
  );
}

function NewDeal({ fairId, search }: { fairId: string; search: NewDealSearch }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const n = useNewDeal(fairId, search);
  useTitle(t('dealPages.form.newTitle'));

  if (n.authLoading) return <p className="muted">{t('common.loading')}</p>;
  if (!n.signedIn)
    return (
      <p className="notice">
        <Link to={`/login?next=${encodeURIComponent(dealLinks.new(fairId, { meetingId: search.meetingId ?? undefined, producerId: search.producerId ?? undefined }))}`}>
          {t('dealPages.list.signIn')}
        </Link>
      </p>
    );
  if (!n.side)
    return (
      <p className="notice" role="alert">
        {t('dealPages.list.onlyParties')}
      </p>
    );
  const meetingMissing = !!search.meetingId && !n.meetingLoading && !n.meeting;
  return (
    <>
      <h1>{t('dealPages.form.newTitle')}</h1>
      {n.meeting && (
        <p className="muted" data-testid="deal-from-meeting">
          {t('dealPages.form.fromMeeting', { time: formatDateTime(n.meeting.startsAt, n.fair?.timeZone) })}
        </p>
      )}
      {n.meeting && n.meeting.status !== 'Held' && <p className="notice">{t('dealPages.form.meetingNotHeld')}</p>}
      {meetingMissing && (
        <p className="notice" role="alert">
          {t('dealPages.form.meetingMissing')}
        </p>
      )}
      {(!n.producerId || !n.buyerId) && !n.meetingLoading ? (
        <p className="notice" role="alert" data-testid="deal-need-parties">
          {t('dealPages.form.needParties')}{' '}
          <Link to={`/fairs/${encodeURIComponent(fairId)}/meetings`}>{t('dealPages.list.toAgenda')}</Link>
        </p>
      ) : n.producerError ? (
        <p className="error" role="alert">
          {n.producerError}
        </p>
      ) : !n.producer ? (
        <p className="muted">{t('common.loading')}</p>
      ) : n.products.length === 0 ? (
        <p className="notice">{t('dealPages.form.noProducts')}</p>
      ) : (
        n.form && (
          <form
            className="form"
            noValidate
            data-testid="deal-new-form"
            onSubmit={async (e) => {
              e.preventDefault();
              const deal = await n.submit();
              if (deal) navigate(dealLinks.page(fairId, deal.dealId), { replace: true });
            }}
          >
            <section className="section" aria-labelledby="new-parties">
              <h2 id="new-parties">{t('dealPages.form.parties')}</h2>
              <dl className="facts">
                <dt>{t('dealPages.side.Producer')}</dt>
                <dd data-testid="new-producer">{n.producer.name}</dd>
              </dl>
            </section>
            <DealTermsForm form={n.form} onChange={n.setForm} products={n.products} errors={n.fieldErrors} idPrefix="new" />
            {n.totals && (
              <section className="section" aria-labelledby="new-totals">
                <h2 id="new-totals">{t('dealPages.form.totals')}</h2>
                <TotalsView totals={n.totals} testId="new-totals" />
              </section>
            )}
            {Object.keys(n.fieldErrors).length > 0 && (
              <p className="error" role="alert">
                {t('dealPages.form.fixErrors')}
              </p>
            )}
            {n.error && (
              <p className="error" role="alert" data-testid="deal-error">
                {n.error}
              </p>
            )}
            <div className="form__actions">
              <button type="submit" className="btn btn--primary" disabled={n.busy} data-testid="deal-create">
                {n.busy ? t('dealPages.form.saving') : t('dealPages.form.save')}
              </button>
            </div>
          </form>
        )
      )}
    </>
  );
}

export function DealPage({
  fairId,
  dealId,
  search,
  hubFactory,
}: {
  fairId: string;
  /** Null for the form that drafts a new deal. */
  dealId: string | null;
  search?: NewDealSearch;
  hubFactory?: () => Promise<HubConnectionLike>;
}) {
  const { t } = useTranslation();
  const fair = useQuery(fairQuery(fairId)).data ?? null;
  return (
    <main className="page deal-page">
      <p className="crumb">
        <Link to={`/fairs/${encodeURIComponent(fairId)}`}>{fair?.name ?? t('common.loading')}</Link>
        {' › '}
        <Link to={dealLinks.list(fairId)}>{t('dealPages.list.title')}</Link>
      </p>
      {dealId ? <ExistingDeal fairId={fairId} dealId={dealId} hubFactory={hubFactory} /> : <NewDeal fairId={fairId} search={search ?? {}} />}
    </main>
  );
}

/** /fairs/:fairId/deals/new?meetingId=…&producerId=…: the form, prefilled from the meeting it came from. */
export function NewDealPage({ fairId }: { fairId: string }) {
  const [params] = useSearchParams();
  const search = { meetingId: params.get('meetingId'), producerId: params.get('producerId'), buyerId: params.get('buyerId') };
  return <DealPage key={params.toString()} fairId={fairId} dealId={null} search={search} />;
}

export default DealPage;
