import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageError } from '../components/PageError';
import { useDealDocument } from '../hooks/useDealDocument';
import { errorMessage } from '../lib/api';
import {
  documentDateLine,
  formatDateOnly,
  formatQuantity,
  formatTonnes,
  lineValue,
  otherUnits,
  signatureOf,
  type Deal,
  type MeetingSide,
} from '../lib/dealDocument';
import { formatDateTime, formatVnd } from '../lib/format';
import { RequireRole } from '../lib/guard';
import type { Locale } from '../lib/types';

type FixedT = ReturnType<typeof useDealDocument>['t'];

function unitName(t: FixedT, unit: string): string {
  return t(`units.${unit}`, { defaultValue: unit });
}

function Signature({ deal, side, t, timeZone }: { deal: Deal; side: MeetingSide; t: FixedT; timeZone?: string }) {
  const signature = signatureOf(deal, side);
  return (
    <div className="deal-doc__sign" data-testid={`deal-doc-sign-${side}`}>
      <p className="deal-doc__sign-title">{side === 'Producer' ? t('exports.doc.signA') : t('exports.doc.signB')}</p>
      <p className="deal-doc__sign-hint">{t('exports.doc.signHint')}</p>
      <p className="deal-doc__sign-space">
        {signature ? t('exports.doc.signedOn', { time: formatDateTime(signature.at, timeZone) }) : t('exports.doc.notSigned')}
      </p>
      <p className="deal-doc__sign-name">{side === 'Producer' ? deal.parties.producerName : deal.parties.buyerOrganisation}</p>
    </div>
  );
}

function DealDocument({ fairId, dealId }: { fairId: string; dealId: string }) {
  const { t: appT } = useTranslation();
  const doc = useDealDocument(fairId, dealId);
  const { t, language, deal, fair } = doc;

  useEffect(() => {
    document.title = `${appT('exports.doc.pageTitle')} ${dealId} · ${appT('app.name')}`;
  }, [appT, dealId]);

  if (doc.error) return <PageError message={errorMessage(doc.error)} />;
  if (doc.loading || !deal || !fair) {
    return (
      <main className="page">
        <p className="muted">{appT('common.loading')}</p>
      </main>
    );
  }

  const timeZone = fair.timeZone;
  const terms = deal.terms;
  const kindInText = t(`exports.kindInText.${terms.kind}`);
  const place = deal.parties.province || fair.province;
  const address = (district?: string | null, province?: string | null) => [district, province].filter(Boolean).join(', ');
  const others = otherUnits(deal.totals.otherUnits)
    .map(([unit, amount]) => `${formatQuantity(amount, language)} ${unitName(t, unit)}`)
    .join('; ');
  const market = terms.market
    ? terms.market.export
      ? t('exports.market.export', { name: terms.market.name })
      : terms.market.name
    : t('exports.market.none');
  const validity =
    terms.validFrom && terms.validTo
      ? t('exports.doc.validity', { from: formatDateOnly(terms.validFrom), to: formatDateOnly(terms.validTo) })
      : terms.validFrom
        ? t('exports.doc.validityFrom', { from: formatDateOnly(terms.validFrom) })
        : t('exports.doc.validityOpen');

  return (
    <main className="page deal-doc-page">
      <div className="deal-doc__toolbar no-print">
        <Link to={`/fairs/${encodeURIComponent(fairId)}/deals/${encodeURIComponent(dealId)}`}>← {appT('exports.doc.back')}</Link>
        <div role="group" aria-label={appT('exports.doc.language')} className="deal-doc__langs">
          {(['vi', 'en'] as Locale[]).map((l) => (
            <button
              key={l}
              type="button"
              className={`btn${language === l ? ' btn--accent' : ''}`}
              aria-pressed={language === l}
              onClick={() => doc.setLanguage(l)}
              data-testid={`deal-doc-lang-${l}`}
            >
              {l === 'vi' ? 'Tiếng Việt' : 'English'}
            </button>
          ))}
        </div>
        <button type="button" className="btn" onClick={() => window.print()} data-testid="deal-doc-print">
          {appT('exports.doc.print')}
        </button>
      </div>

      <article className="deal-doc" lang={language} data-testid="deal-doc">
        <header className="deal-doc__head">
          <div className="deal-doc__issuer">
            <p className="deal-doc__fair">{fair.name}</p>
            <p>{t('exports.doc.number', { id: deal.dealId })}</p>
            <p className="deal-doc__subject">{t('exports.doc.subject', { fair: fair.name })}</p>
          </div>
          <div className="deal-doc__nation">
            <p className="deal-doc__nation-name">{t('exports.doc.nation')}</p>
            <p className="deal-doc__motto">{t('exports.doc.motto')}</p>
            <p className="deal-doc__date">{documentDateLine(place, deal.signedAt, language, timeZone)}</p>
          </div>
        </header>

        <h1 className="deal-doc__title" data-testid="deal-doc-title">
          {t(`exports.doc.title.${terms.kind}`)}
        </h1>
        {deal.status === 'Cancelled' && (
          <p className="deal-doc__cancelled" role="status">
            {t('exports.doc.cancelled', { reason: deal.cancelReason ?? '' })}
          </p>
        )}

        <p>{t('exports.doc.preamble', { venue: fair.venue, fair: fair.name })}</p>
        <section className="deal-doc__party">
          <h2>{t('exports.doc.partyA')}</h2>
          <p>
            {t('exports.doc.name')}: <strong data-testid="deal-doc-producer">{deal.parties.producerName}</strong>
          </p>
          <p>
            {t('exports.doc.address')}: {address(deal.parties.district, deal.parties.province)}
          </p>
        </section>
        <section className="deal-doc__party">
          <h2>{t('exports.doc.partyB')}</h2>
          <p>
            {t('exports.doc.name')}: <strong data-testid="deal-doc-buyer">{deal.parties.buyerOrganisation}</strong>
          </p>
          <p>
            {t('exports.doc.buyerKind')}: {t(`buyers.kind.${deal.parties.buyerKind}`)}
          </p>
        </section>
        <p>{t('exports.doc.agree', { kind: kindInText })}</p>

        <h2>{t('exports.doc.article1')}</h2>
        <div className="table-scroll" tabIndex={0}>
          <table className="deal-doc__lines" data-testid="deal-doc-lines">
            <thead>
              <tr>
                <th scope="col">{t('exports.doc.col.no')}</th>
                <th scope="col">{t('exports.doc.col.product')}</th>
                <th scope="col">{t('exports.doc.col.quantity')}</th>
                <th scope="col">{t('exports.doc.col.unit')}</th>
                <th scope="col">{t('exports.doc.col.period')}</th>
                <th scope="col">{t('exports.doc.col.price')}</th>
                <th scope="col">{t('exports.doc.col.value')}</th>
              </tr>
            </thead>
            <tbody>
              {terms.lines.map((line, i) => (
                <tr key={`${line.productId}-${i}`}>
                  <td>{i + 1}</td>
                  <td>{line.productName}</td>
                  <td className="num">{formatQuantity(line.quantity, language)}</td>
                  <td>{unitName(t, line.unit)}</td>
                  <td>{line.months ? t('exports.doc.perMonth', { count: line.months }) : t('exports.doc.oneOff')}</td>
                  <td className="num">{formatVnd(line.unitPriceVnd, language)}</td>
                  <td className="num">{formatVnd(lineValue(line), language)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={6}>
                  {t('exports.doc.total')}
                </th>
                <td className="num" data-testid="deal-doc-total">
                  <strong>{formatVnd(deal.totals.vnd, language)}</strong>
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
        {deal.totals.tonnes > 0 && <p>{t('exports.doc.tonnes', { tonnes: formatTonnes(deal.totals.tonnes, language) })}</p>}
        {others && <p>{t('exports.doc.others', { list: others })}</p>}

        <h2>{t('exports.doc.article2')}</h2>
        <p>
          {t('exports.doc.delivery')}: {terms.deliveryTerms || t('exports.market.none')}
        </p>
        <p>
          {t('exports.doc.market')}: {market}
        </p>

        <h2>{t('exports.doc.article3')}</h2>
        <p>{validity}</p>

        <h2>{t('exports.doc.article4')}</h2>
        <p>{t('exports.doc.undertaking')}</p>
        <p className="deal-doc__version">
          {t('exports.doc.version', { version: deal.version })} · {t('exports.doc.status', { status: t(`exports.status.${deal.status}`) })}
        </p>

        <div className="deal-doc__signs">
          <Signature deal={deal} side="Producer" t={t} timeZone={timeZone} />
          <Signature deal={deal} side="Buyer" t={t} timeZone={timeZone} />
        </div>

        <figure className="deal-doc__qr">
          <img src={doc.qrUrl} alt={t('exports.doc.qrAlt', { id: deal.dealId })} width={112} height={112} data-testid="deal-doc-qr" />
          <figcaption>
            {t('exports.doc.qr')}
            <br />
            <span className="deal-doc__url">{doc.verifyUrl}</span>
          </figcaption>
        </figure>
      </article>
    </main>
  );
}

export default function DealDocumentPage({ fairId, dealId }: { fairId: string; dealId: string }) {
  return (
    <RequireRole roles={['Buyer', 'Producer', 'Organiser', 'Admin']}>{() => <DealDocument fairId={fairId} dealId={dealId} />}</RequireRole>
  );
}
